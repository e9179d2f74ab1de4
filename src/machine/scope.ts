import type { Scope } from '../program/evaluate.js';
import type { Value } from '../program/expr.js';
import type { Model } from '../program/model.js';
import type { MachineState, ThreadState } from './state.js';

/**
 * The registers a thread sees: its own, then main's (the setup's registers are visible to all),
 * and the shared variables for final-state conditions.
 */
export function scopeOf(
  model: Model,
  state: Pick<MachineState, 'threads' | 'variables'>,
  thread: Pick<ThreadState, 'regs'>,
): Scope {
  return {
    register: (name: string): Value | undefined =>
      thread.regs[name] ?? state.threads[0]?.regs[name],
    variable: (name: string) => {
      const i = model.variables.findIndex((v) => v.name === name);
      return i === -1 ? undefined : state.variables[i]?.value;
    },
  };
}
