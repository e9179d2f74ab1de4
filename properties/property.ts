import type { ThreadId } from '../src/kernel/index.js';
import type { MachineState, Transition } from '../src/machine/index.js';
import type { Model } from '../src/program/index.js';

/** What a property sees: one transition, the states around it, and whether the path ends. */
export interface PropertyContext {
  readonly model: Model;
  readonly before: MachineState;
  readonly transition: Transition;
  readonly after: MachineState;
  /** When `after` has no choices: the threads left stuck there (empty when all is well). */
  readonly terminal: { readonly stuck: readonly ThreadId[] } | null;
  /** False when `after` was reached before; `state` properties are then not judged again. */
  readonly fresh?: boolean;
}

/** A built-in invariant: what it states, why it matters, and its check. */
export interface Property {
  /** Stable id, used in expectations, `--property` and JSON. */
  readonly id: string;
  /** Its number in DESIGN.md's list. */
  readonly number: number;
  /**
   * `state`: judges the state after a step alone, so a state seen before need not be judged
   * again; `transition`: judges what the step did, so every step is judged.
   */
  readonly scope: 'state' | 'transition';
  readonly statement: string;
  readonly why: string;
  /** Returns what is wrong, in one sentence, or null when the property holds. */
  readonly check: (ctx: PropertyContext) => string | null;
}

/** A thread's name in a model, for messages. */
export function threadName(model: Model, t: number): string {
  return model.threads[t]?.name ?? `thread ${t}`;
}
