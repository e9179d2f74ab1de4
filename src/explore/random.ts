import fc from 'fast-check';
import {
  enabledChoices,
  clocksObservable,
  fingerprint,
  start,
  step,
  stuckThreads,
  type Choice,
  type MachineState,
} from '../machine/index.js';
import type { Model } from '../program/index.js';
import { isDeadEnd, type SearchHooks, type SearchStats } from './search.js';
import { FingerprintSet } from './visited.js';

/** How to run a random search; `runs` and `maxDepth` are its limits. */
export interface RandomOptions {
  /** Random schedules to try at most (fast-check's `numRuns`). */
  readonly runs: number;
  /** The seed that makes the run reproducible. */
  readonly seed: number;
  /** Steps in one schedule at most. */
  readonly maxDepth: number;
  /** A counterexample path printed by an earlier run with the same seed, to replay it. */
  readonly path?: string;
  /** Let fast-check shrink the failing schedule; true by default. */
  readonly shrink?: boolean;
  /**
   * Schedules to replay while shrinking at most; past it every candidate counts as passing, so
   * fast-check stops with the smallest failing one so far. `DEFAULT_RANDOM_LIMITS` by default.
   */
  readonly maxShrinks?: number;
}

/** The limits a random search runs under unless the caller says otherwise. */
export const DEFAULT_RANDOM_LIMITS = { runs: 1_000, maxDepth: 500, maxShrinks: 10_000 } as const;

/** What a random search asks of its caller. */
export interface RandomHooks<F> extends Pick<SearchHooks<F>, 'judge' | 'clock' | 'memory'> {
  /**
   * Whether a finding counts as the same problem as the first one found. Shrinking keeps only
   * schedules that reach the same problem; any finding counts when absent.
   */
  readonly same?: (first: F, candidate: F) => boolean;
}

/** How a random search ended. */
export type RandomResult<F> =
  | {
      readonly kind: 'found';
      /** The first failing schedule fast-check generated, cut at its finding. */
      readonly schedule: readonly Choice[];
      /** The finding at the end of `shrunk`. */
      readonly finding: F;
      /** fast-check's shrunk schedule, cut at its finding; no longer than `schedule`. */
      readonly shrunk: readonly Choice[];
      /** With `path`, replays this run: pass both back in the options. */
      readonly seed: number;
      readonly path: string;
      /** What the random walks covered, shrinking included. */
      readonly stats: SearchStats;
    }
  | { readonly kind: 'none'; readonly runs: number; readonly stats: SearchStats }
  | { readonly kind: 'failed'; readonly reason: string };

/** A finding along one random schedule, and the choices taken up to it. */
interface Walk<F> {
  readonly schedule: readonly Choice[];
  readonly finding: F | null;
}

/** A walk that found something. */
interface Found<F> {
  readonly schedule: readonly Choice[];
  readonly finding: F;
}

/** The counts a walk adds to; kept outside the walk so that `none` can report them. */
interface Counts {
  readonly visited: FingerprintSet;
  transitions: number;
  maxDepth: number;
}

/**
 * Walks from `begin` taking, at each state, enabled choice `indices[d] mod n` (the first choice
 * once the indices run out), until a finding, a dead end, a state with no choice, or `maxDepth`.
 */
function walk<F>(
  model: Model,
  begin: MachineState,
  indices: readonly number[],
  options: RandomOptions,
  hooks: RandomHooks<F>,
  counts: Counts,
): Walk<F> {
  const schedule: Choice[] = [];
  let state = begin;
  let choices = enabledChoices(model, state);
  for (let depth = 0; depth < options.maxDepth && choices.length > 0; depth++) {
    const choice = choices[(indices[depth] ?? 0) % choices.length];
    if (choice === undefined) break;
    schedule.push(choice);
    const { state: after, transition } = step(model, state, choice);
    counts.transitions++;
    counts.maxDepth = Math.max(counts.maxDepth, schedule.length);
    const [hi, lo] = fingerprint(after, clocksObservable(model));
    counts.visited.add(hi, lo);
    const dead = isDeadEnd(transition);
    choices = dead ? [] : enabledChoices(model, after);
    const terminal = !dead && choices.length === 0 ? { stuck: stuckThreads(model, after) } : null;
    // Every state is judged in full: fast-check may replay any one walk alone, so a state seen
    // in an earlier walk is no reason to skip it, and a dead end's state is the one before it.
    const finding = hooks.judge(state, transition, after, terminal, !dead);
    if (finding !== null) return { schedule, finding };
    state = after;
  }
  return { schedule, finding: null };
}

/**
 * Random exploration for models too large for an exhaustive search, driven by fast-check. Each
 * run is a list of choice indices, read modulo the number of choices enabled at each state; a
 * run fails when the judge finds something, and fast-check's own shrinking then shrinks the
 * list. The same seed (and path) gives the same result.
 */
export function randomSearch<F>(
  model: Model,
  options: RandomOptions,
  hooks: RandomHooks<F>,
): RandomResult<F> {
  const began = hooks.clock();
  const clocks = clocksObservable(model);
  const begin = start(model);
  if (begin.kind === 'failed') return { kind: 'failed', reason: begin.reason };
  const counts: Counts = { visited: new FingerprintSet(), transitions: 0, maxDepth: 0 };
  const [hi, lo] = fingerprint(begin.state, clocks);
  counts.visited.add(hi, lo);

  // The first failing walk, which fast-check then shrinks, and the shrink replays left.
  const memo: { first: Found<F> | null; shrinksLeft: number } = {
    first: null,
    shrinksLeft: options.maxShrinks ?? DEFAULT_RANDOM_LIMITS.maxShrinks,
  };
  const fails = (indices: readonly number[]): boolean => {
    const { first } = memo;
    if (first !== null && memo.shrinksLeft-- <= 0) return false;
    const found = walk(model, begin.state, indices, options, hooks, counts);
    if (found.finding === null) return false;
    if (first === null) {
      memo.first = { schedule: found.schedule, finding: found.finding };
      return true;
    }
    return hooks.same?.(first.finding, found.finding) ?? true;
  };
  const indices = fc.array(fc.nat(), { maxLength: options.maxDepth, size: 'max' });
  const details = fc.check(
    fc.property(indices, (list) => !fails(list)),
    {
      seed: options.seed,
      numRuns: options.runs,
      endOnFailure: options.shrink === false,
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );

  const stats = (): SearchStats => ({
    states: counts.visited.size,
    transitions: counts.transitions,
    maxDepth: counts.maxDepth,
    durationMs: hooks.clock() - began,
    peakMemory: hooks.memory?.() ?? 0,
  });
  const original = memo.first;
  if (details.failed && details.counterexample !== null && original !== null) {
    const [list] = details.counterexample;
    const shrunk = walk(model, begin.state, list, options, hooks, counts);
    return {
      kind: 'found',
      schedule: original.schedule,
      finding: shrunk.finding ?? original.finding,
      shrunk: shrunk.schedule,
      seed: details.seed,
      path: details.counterexamplePath,
      stats: stats(),
    };
  }
  return { kind: 'none', runs: details.numRuns, stats: stats() };
}
