import { destination, type Instruction } from './instruction.js';
import type { Model } from './model.js';
import { operands, registersRead, successors } from './validate.js';

/** The registers an instruction reads: those of its operands, and a loop head its counter. */
function uses(i: Instruction): string[] {
  const read = operands(i).flatMap((e) => registersRead(e));
  if (i.op === 'loop') read.push(i.counter);
  return read;
}

/**
 * For each instruction index (and the end, at `program.length`), the registers that may still
 * be read from there on. `alwaysLive` stay live everywhere.
 */
export function liveRegisters(
  program: readonly Instruction[],
  alwaysLive: ReadonlySet<string>,
): ReadonlySet<string>[] {
  const live: Set<string>[] = Array.from({ length: program.length + 1 }, () => new Set(alwaysLive));
  for (let changed = true; changed;) {
    changed = false;
    for (let pc = program.length - 1; pc >= 0; pc--) {
      const i = program[pc];
      const here = live[pc];
      if (i === undefined || here === undefined) continue;
      const dst = destination(i);
      const before = here.size;
      for (const next of successors(program, pc)) {
        for (const name of live[next] ?? []) if (name !== dst) here.add(name);
      }
      for (const name of uses(i)) here.add(name);
      if (here.size !== before) changed = true;
    }
  }
  return live;
}

const cache = new WeakMap<Model, readonly (readonly ReadonlySet<string>[])[]>();

/**
 * Live registers per thread and instruction index, computed once per model. Main's registers
 * that other threads or final conditions read stay live throughout, since others see them.
 */
export function modelLiveness(model: Model): readonly (readonly ReadonlySet<string>[])[] {
  const known = cache.get(model);
  if (known !== undefined) return known;
  const shared = new Set<string>();
  for (const thread of model.threads.slice(1)) {
    for (const i of thread.program) for (const name of uses(i)) shared.add(name);
  }
  for (const final of model.finals) for (const name of registersRead(final.cond)) shared.add(name);
  const result = model.threads.map((thread, t) =>
    liveRegisters(thread.program, t === 0 ? shared : new Set()),
  );
  cache.set(model, result);
  return result;
}

const deadCache = new WeakMap<Model, readonly (readonly (readonly string[])[])[]>();

/**
 * For each thread and instruction index, the registers the thread writes somewhere that are
 * no longer live there: the ones to forget when the thread reaches that instruction.
 */
export function modelDeadRegisters(model: Model): readonly (readonly (readonly string[])[])[] {
  const known = deadCache.get(model);
  if (known !== undefined) return known;
  const live = modelLiveness(model);
  const result = model.threads.map((thread, t) => {
    const written = new Set<string>();
    for (const i of thread.program) {
      const dst = destination(i);
      if (dst !== null) written.add(dst);
    }
    return (live[t] ?? []).map((here) => [...written].filter((name) => !here.has(name)));
  });
  deadCache.set(model, result);
  return result;
}
