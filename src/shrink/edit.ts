import type { Instruction, Model } from '../program/index.js';

/** The model without thread `index`; the caller keeps `main` (index 0), which runs the setup. */
export function withoutThread(model: Model, index: number): Model {
  return { ...model, threads: model.threads.filter((_, t) => t !== index) };
}

/**
 * An instruction with every target index above `removed` moved down by one, as the program
 * loses the instruction at `removed`. A target equal to `removed` stays: it now names the
 * instruction that followed the removed one.
 */
function retarget(i: Instruction, removed: number): Instruction {
  const fix = (target: number) => (target > removed ? target - 1 : target);
  if (i.op === 'jump') return { ...i, to: fix(i.to) };
  if (i.op === 'loop') return { ...i, exit: fix(i.exit) };
  return i;
}

/**
 * The model without instruction `pc` of thread `thread`: jump and loop-exit targets above it
 * move down by one, and so does the setup's length when the instruction is in main's setup.
 * The result may be invalid (a register read but no longer set); validate it before use.
 */
export function withoutInstruction(model: Model, thread: number, pc: number): Model {
  const threads = model.threads.map((spec, t) =>
    t !== thread
      ? spec
      : {
          ...spec,
          program: spec.program.filter((_, at) => at !== pc).map((i) => retarget(i, pc)),
        },
  );
  const setup = thread === 0 && pc < model.setup ? model.setup - 1 : model.setup;
  return { ...model, threads, setup };
}
