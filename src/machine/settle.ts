import { castDraft, type Draft } from 'immer';
import type { ThreadId } from '../kernel/index.js';
import { evaluate, EvaluationError, truthy, type Scope } from '../program/evaluate.js';
import { isLocal } from '../program/instruction.js';
import { modelDeadRegisters } from '../program/liveness.js';
import type { Model } from '../program/model.js';
import { scopeOf } from './scope.js';
import type { MachineState } from './state.js';
import type { Stop } from './transition.js';

/**
 * Drops the registers thread `t` will never read again. Their values cannot change what
 * happens next, so keeping them would only split one state into many.
 */
function forgetDead(model: Model, draft: Draft<MachineState>, t: ThreadId): void {
  const thread = draft.threads[t];
  const dead = modelDeadRegisters(model)[t]?.[thread?.pc ?? -1];
  if (thread === undefined || dead === undefined) return;
  for (const name of dead) {
    if (name in thread.regs) Reflect.deleteProperty(thread.regs, name);
  }
}

/** More local instructions than this in a row means a malformed, looping program. */
const LOCAL_BUDGET = 100_000;

/**
 * Runs thread `t`'s local instructions (set, assert, jump, loop) until it reaches a visible
 * instruction or its end. Other threads cannot observe these, so running them right after the
 * visible step before them changes no outcome and keeps each thread parked where it matters.
 */
export function settle(model: Model, draft: Draft<MachineState>, t: ThreadId): Stop | null {
  const thread = draft.threads[t];
  const program = model.threads[t]?.program ?? [];
  if (thread === undefined) return null;
  let scope: Scope | null = null;
  for (let budget = LOCAL_BUDGET; budget > 0; budget--) {
    const i = program[thread.pc];
    if (i === undefined) thread.status = 'done';
    if (i === undefined || !isLocal(i)) {
      forgetDead(model, draft, t);
      return null;
    }
    // Most steps end at a visible instruction; only local ones need a scope to evaluate in.
    scope ??= scopeOf(model, draft, thread);
    try {
      switch (i.op) {
        case 'set':
          thread.regs[i.dst] = castDraft(evaluate(i.value, scope));
          thread.pc++;
          break;
        case 'assert':
          if (!truthy(evaluate(i.cond, scope))) {
            return { kind: 'assertion', thread: t, label: i.label, message: i.message };
          }
          thread.pc++;
          break;
        case 'jump':
          thread.pc =
            i.when === undefined || truthy(evaluate(i.when, scope)) ? i.to : thread.pc + 1;
          break;
        case 'loop': {
          if (i.while !== undefined && !truthy(evaluate(i.while, scope))) {
            thread.pc = i.exit;
            break;
          }
          const passes = Number(thread.regs[i.counter] ?? 0) + 1;
          if (passes > i.bound)
            return { kind: 'loop-bound', thread: t, loop: i.name, bound: i.bound };
          thread.regs[i.counter] = passes;
          thread.pc++;
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      // The model asks for something this path does not have (an event record that was not
      // returned, say): a failure of the model's own logic, reported with its trace.
      const message = `cannot evaluate: ${error.message}`;
      return { kind: 'assertion', thread: t, label: i.label, message };
    }
  }
  const label = program[thread.pc]?.label ?? 'end';
  return { kind: 'model-error', thread: t, label, message: 'runs local instructions without end' };
}
