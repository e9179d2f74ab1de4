import { castDraft, produce, type Draft } from 'immer';
import { sys, type KernelStep, type ThreadId, type Wakeup } from '../kernel/index.js';
import { evaluate, EvaluationError, numeric } from '../program/evaluate.js';
import { destination, type VisibleInstruction } from '../program/instruction.js';
import type { Value } from '../program/expr.js';
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

const RETURNED_ZERO: KernelStep['outcome'] = { kind: 'returned', result: { ret: 0 } };

/**
 * Takes one choice: the chosen thread runs its next visible instruction atomically (or its
 * `epoll_wait` times out), every thread that step wakes receives its result, and each thread
 * then runs on through its local instructions. The given state is left untouched.
 */
export function step(model: Model, state: MachineState, choice: Choice): StepResult {
  const t = choice.thread;
  const thread = state.threads[t];
  const instruction = model.threads[t]?.program[thread?.pc ?? -1];
  if (choice.kind === 'timeout') {
    const ks = sys.timeout(state.kernel, t);
    if (ks === null)
      return refuse(state, choice, 'timeout', `thread ${t} is not waiting with a deadline`);
    const what = { label: 'timeout', op: 'timeout', call: 'epoll_wait timed out' };
    return finish(model, state, choice, what, ks, null);
  }
  if (thread === undefined || instruction === undefined || thread.status !== 'runnable') {
    return refuse(state, choice, 'step', `thread ${t} has no instruction to run`);
  }
  try {
    return run(model, state, choice, instruction as VisibleInstruction);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return refuse(state, choice, instruction.label, error.message);
  }
}

function run(
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
      const text =
        i.op === 'store' ? `${i.variable} = ${value}` : `load ${i.variable} → ${access.value}`;
      const ks = { state: state.kernel, outcome: RETURNED_ZERO, wakeups: [], deliveries: [] };
      const what = { label: i.label, op: i.op, call: text };
      return finish(model, state, choice, what, ks, access.race, access);
    }
    case 'join': {
      const other = model.threads.findIndex((th) => th.name === i.thread) as ThreadId;
      const what = { label: i.label, op: i.op, call: `join ${i.thread}` };
      return finish(model, state, choice, what, sys.join(state.kernel, t, other), null);
    }
    default: {
      const call = prepareCall(i, scope, t, choice.short ?? null, state.kernel);
      const what = { label: i.label, op: i.op, call: call.text };
      return finish(model, state, choice, what, call.run(state.kernel), null);
    }
  }
}

function finish(
  model: Model,
  state: MachineState,
  choice: Choice,
  what: Pick<Transition, 'label' | 'op' | 'call'>,
  ks: KernelStep,
  race: Race | null,
  access: VariableAccess | null = null,
): StepResult {
  const t = choice.thread;
  let stop: Stop | null = null;
  const next = produce(state, (draft) => {
    draft.kernel = castDraft(sys.endStep(ks.state, t));
    if (access !== null) draft.variables = castDraft(access.variables);
    if (choice.kind === 'timeout' && model.options.timeouts === 'miri') {
      draft.now = state.threads[t]?.deadline ?? draft.now;
    }
    const outcome = ks.outcome;
    if (outcome.kind === 'returned') {
      stop = complete(model, draft, t, access?.value ?? outcome.result);
    }
    if (outcome.kind === 'blocked')
      block(model, draft, t, outcome.on.kind === 'epoll_wait' ? outcome.on.timeout : -1);
    for (const w of ks.wakeups) stop = wake(model, draft, w) ?? stop;
  });
  const transition: Transition = {
    choice,
    thread: t,
    ...what,
    outcome: ks.outcome,
    wakeups: ks.wakeups,
    deliveries: ks.deliveries,
    race,
    stop,
  };
  return { state: next, transition };
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

function wake(model: Model, draft: Draft<MachineState>, w: Wakeup): Stop | null {
  return complete(model, draft, w.thread, w.result);
}

function refuse(state: MachineState, choice: Choice, label: string, message: string): StepResult {
  const stop: Stop = { kind: 'model-error', thread: choice.thread, label, message };
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
