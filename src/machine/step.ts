import { castDraft, produce, type Draft } from 'immer';
import {
  calls,
  endStep,
  isAbort,
  perform,
  type KernelCall,
  type Performed,
  type ThreadId,
} from '../kernel/index.js';
import { evaluate, EvaluationError, numeric } from '../program/evaluate.js';
import type { Value } from '../program/expr.js';
import { destination, type VisibleInstruction } from '../program/instruction.js';
import type { Model } from '../program/model.js';
import { prepareCall } from './call.js';
import type { Choice } from './choice.js';
import { accessVariable, type VariableAccess } from './race.js';
import { scopeOf } from './scope.js';
import { settle } from './settle.js';
import type { MachineState } from './state.js';
import type { Race, Stop, Transition } from './transition.js';

/** The next state and what the step did. */
export interface StepResult {
  readonly state: MachineState;
  readonly transition: Transition;
}

/** What a visible instruction asks of the step: a kernel call, or a shared-variable access. */
type Action =
  | { readonly kind: 'kernel'; readonly call: KernelCall }
  | { readonly kind: 'memory'; readonly access: VariableAccess };

const RETURNED_ZERO: Performed['outcome'] = { kind: 'returned', result: { ret: 0 } };

/**
 * Takes one choice: the chosen thread runs its next visible instruction atomically (or its
 * `epoll_wait` times out), every thread that step wakes receives its result, and each thread
 * then runs on through its local instructions. All of it happens in one `produce`, so the
 * given state is left untouched and the next one shares every part the step did not change.
 */
export function step(model: Model, state: MachineState, choice: Choice): StepResult {
  const t = choice.thread;
  const thread = state.threads[t];
  if (choice.kind === 'timeout') {
    const on = state.kernel.threads[t]?.blocked;
    if (on?.kind !== 'epoll_wait' || on.timeout <= 0) {
      return refuse(state, choice, 'timeout', `thread ${t} is not waiting with a deadline`);
    }
    const what = { label: 'timeout', op: 'timeout', call: 'epoll_wait timed out' };
    return apply(model, state, choice, what, { kind: 'kernel', call: calls.timeout() }, null);
  }
  const instruction = model.threads[t]?.program[thread?.pc ?? -1];
  if (thread === undefined || instruction === undefined || thread.status !== 'runnable') {
    return refuse(state, choice, 'step', `thread ${t} has no instruction to run`);
  }
  try {
    return visible(model, state, choice, instruction as VisibleInstruction);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    // An operand this path cannot supply is the model's own failure, reported with its trace.
    const message = `cannot evaluate its operands: ${error.message}`;
    return refuse(state, choice, instruction.label, message, 'assertion');
  }
}

function visible(
  model: Model,
  state: MachineState,
  choice: Extract<Choice, { kind: 'step' }>,
  i: VisibleInstruction,
): StepResult {
  const t = choice.thread;
  const scope = scopeOf(model, state, state.threads[t] ?? { regs: {} });
  switch (i.op) {
    case 'store':
    case 'load': {
      const index = model.variables.findIndex((v) => v.name === i.variable);
      const value = i.op === 'store' ? numeric(evaluate(i.value, scope)) : null;
      const access = accessVariable(state, t, index, i.variable, value);
      const call =
        i.op === 'store' ? `${i.variable} = ${value}` : `load ${i.variable} → ${access.value}`;
      const what = { label: i.label, op: i.op, call };
      return apply(model, state, choice, what, { kind: 'memory', access }, access.race);
    }
    case 'join': {
      const other = model.threads.findIndex((th) => th.name === i.thread) as ThreadId;
      const what = { label: i.label, op: i.op, call: `join ${i.thread}` };
      return apply(model, state, choice, what, { kind: 'kernel', call: calls.join(other) }, null);
    }
    default: {
      const prepared = prepareCall(i, scope, choice.short ?? null, state.kernel);
      const what = { label: i.label, op: i.op, call: prepared.text };
      return apply(model, state, choice, what, { kind: 'kernel', call: prepared.call }, null);
    }
  }
}

function apply(
  model: Model,
  state: MachineState,
  choice: Choice,
  what: Pick<Transition, 'label' | 'op' | 'call'>,
  action: Action,
  race: Race | null,
): StepResult {
  const t = choice.thread;
  let performed: Performed = { outcome: RETURNED_ZERO, wakeups: [], deliveries: [] };
  let stop: Stop | null = null;
  const next = produce(state, (draft) => {
    if (action.kind === 'kernel') performed = perform(draft.kernel, t, action.call);
    else draft.variables = castDraft(action.access.variables);
    if (isAbort(performed.outcome)) return;

    if (choice.kind === 'timeout' && model.options.timeouts === 'miri') {
      draft.now = state.threads[t]?.deadline ?? draft.now;
    }
    const { outcome } = performed;
    if (outcome.kind === 'returned') {
      const value = action.kind === 'memory' ? (action.access.value ?? 0) : outcome.result;
      stop = complete(model, draft, t, value);
    }
    if (outcome.kind === 'blocked') {
      block(model, draft, t, outcome.on.kind === 'epoll_wait' ? outcome.on.timeout : -1);
    }
    for (const w of performed.wakeups) stop = complete(model, draft, w.thread, w.result) ?? stop;
    endStep(draft.kernel, t);
  });
  const transition: Transition = {
    choice,
    thread: t,
    ...what,
    ...performed,
    race,
    stop,
  };
  // The seed stops the program at an abort or a panic: the path ends at the state before it.
  return { state: isAbort(performed.outcome) ? state : next, transition };
}

/** Stores a finished instruction's value in its register and runs the thread on. */
function complete(
  model: Model,
  draft: Draft<MachineState>,
  t: ThreadId,
  value: Value,
): Stop | null {
  const thread = draft.threads[t];
  const i = model.threads[t]?.program[thread?.pc ?? -1];
  if (thread === undefined || i === undefined) return null;
  const dst = destination(i);
  if (dst !== null) thread.regs[dst] = castDraft(value);
  thread.status = 'runnable';
  thread.deadline = null;
  thread.pc++;
  return settle(model, draft, t);
}

function block(model: Model, draft: Draft<MachineState>, t: ThreadId, timeout: number): void {
  const thread = draft.threads[t];
  if (thread === undefined) return;
  thread.status = 'blocked';
  thread.deadline = model.options.timeouts === 'miri' && timeout > 0 ? draft.now + timeout : null;
}

function refuse(
  state: MachineState,
  choice: Choice,
  label: string,
  message: string,
  kind: 'model-error' | 'assertion' = 'model-error',
): StepResult {
  const stop: Stop = { kind, thread: choice.thread, label, message };
  const transition: Transition = {
    choice,
    thread: choice.thread,
    label,
    op: 'refused',
    call: label,
    outcome: RETURNED_ZERO,
    wakeups: [],
    deliveries: [],
    race: null,
    stop,
  };
  return { state, transition };
}
