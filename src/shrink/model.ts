import { check } from '../check/index.js';
import { destination, isLocal, validateModel, type Model } from '../program/index.js';
import { operands, registersRead } from '../program/validate.js';
import { withoutInstruction, withoutThread } from './edit.js';

/** Limits on shrinking one model. */
export interface ModelShrinkLimits {
  /** Candidate models to check at most; shrinking stops with the smallest found so far. */
  readonly maxTries: number;
  /** Distinct states one candidate's check may visit; a candidate that needs more is dropped. */
  readonly states: number;
  /** Steps in one schedule of a candidate's check at most. */
  readonly depth: number;
}

/**
 * The limits model shrinking runs under unless the caller says otherwise: small bounds per
 * check, since a shrunk model should fail within a small scope and each try must stay cheap.
 */
export const DEFAULT_MODEL_SHRINK_LIMITS: ModelShrinkLimits = {
  maxTries: 1_000,
  states: 200_000,
  depth: 1_000,
};

/** A shrunk model and how many candidate models were checked to find it. */
export interface ShrunkModel {
  readonly model: Model;
  readonly tries: number;
}

/** Every register that some instruction or final condition of the model reads. */
function registersReadIn(model: Model): Set<string> {
  const read = new Set<string>();
  for (const thread of model.threads) {
    for (const i of thread.program) {
      for (const e of operands(i)) for (const name of registersRead(e)) read.add(name);
    }
  }
  for (const final of model.finals) for (const name of registersRead(final.cond)) read.add(name);
  return read;
}

/** The model without each thread but `main` in turn, last thread first. */
function* threadRemovals(model: Model): Generator<Model> {
  for (let t = model.threads.length - 1; t >= 1; t--) yield withoutThread(model, t);
}

/** The model without each visible instruction outside the setup in turn, last first. */
function* instructionRemovals(model: Model): Generator<Model> {
  for (const [t, thread] of model.threads.entries()) {
    const first = t === 0 ? model.setup : 0;
    for (let pc = thread.program.length - 1; pc >= first; pc--) {
      const i = thread.program[pc];
      if (i !== undefined && !isLocal(i)) yield withoutInstruction(model, t, pc);
    }
  }
}

/** The model without each visible setup call whose result nobody reads, last first. */
function* setupRemovals(model: Model): Generator<Model> {
  const read = registersReadIn(model);
  const main = model.threads[0]?.program ?? [];
  for (let pc = Math.min(model.setup, main.length) - 1; pc >= 0; pc--) {
    const i = main[pc];
    if (i === undefined || isLocal(i)) continue;
    const dst = destination(i);
    if (dst === null || !read.has(dst)) yield withoutInstruction(model, 0, pc);
  }
}

/**
 * Shrinks a model while checking it still finds a violation of `property`: removes whole
 * threads (never `main`), then single visible instructions (jump and loop-exit targets above
 * one move down with it), then setup calls whose results nobody reads, and repeats until none
 * of these helps. Candidates with validation problems are dropped unchecked; each other one is
 * checked under `limits.states` and `limits.depth`, with all properties unless `properties`
 * names some, as `check` does. At most `limits.maxTries` checks run. A model whose own check
 * finds no violation of `property` comes back unchanged.
 */
export function shrinkModel(
  model: Model,
  property: string,
  limits: ModelShrinkLimits = DEFAULT_MODEL_SHRINK_LIMITS,
  properties?: readonly string[],
): ShrunkModel {
  let tries = 0;
  const bounds = { states: limits.states, depth: limits.depth };
  const fails = (candidate: Model): boolean => {
    tries++;
    const verdict = check(candidate, {
      bounds,
      clock: () => 0,
      shortest: false,
      ...(properties === undefined ? {} : { properties }),
    });
    return verdict.kind === 'violation' && verdict.property === property;
  };

  if (!fails(model)) return { model, tries };
  let best = model;
  // Takes the first candidate that is valid and still fails, and says whether there was one.
  const improve = (candidates: Iterable<Model>): boolean => {
    for (const candidate of candidates) {
      if (tries >= limits.maxTries) return false;
      if (validateModel(candidate).length > 0) continue;
      if (fails(candidate)) {
        best = candidate;
        return true;
      }
    }
    return false;
  };

  for (let progress = true; progress && tries < limits.maxTries;) {
    progress = false;
    while (improve(threadRemovals(best))) progress = true;
    while (improve(instructionRemovals(best))) progress = true;
    while (improve(setupRemovals(best))) progress = true;
  }
  return { model: best, tries };
}
