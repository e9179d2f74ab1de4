import { freeze, produce } from 'immer';
import { initialKernel, type ThreadId } from '../kernel/index.js';
import type { Model } from '../program/model.js';
import { settle } from './settle.js';
import { step } from './step.js';
import type { MachineState } from './state.js';
import type { Stop, Transition } from './transition.js';

/** The state the search starts from, after main ran the setup; or why the setup failed. */
export type Start =
  | { readonly kind: 'ready'; readonly state: MachineState; readonly setup: readonly Transition[] }
  | {
      readonly kind: 'failed';
      readonly setup: readonly Transition[];
      readonly reason: string;
      /** What stopped a thread before the search began (a failed assertion, a loop bound). */
      readonly stop?: Stop;
    };

/** Setup steps beyond this mean the setup's loops are too large for a setup. */
const SETUP_BUDGET = 10_000;

function unitClock(t: number): number[] {
  const clock = Array.from({ length: t + 1 }, () => 0);
  clock[t] = 1;
  return clock;
}

/** The machine before anything ran: every thread at its first instruction, clocks at 1. */
function blankState(model: Model): MachineState {
  const { eventfdLimit, socketCapacity, mutant, debugAssertions = true } = model.options;
  const kernel = initialKernel(model.threads.length, {
    eventfdLimit,
    socketCapacity,
    mutant,
    debugAssertions,
  });
  return freeze(
    {
      kernel: {
        ...kernel,
        threads: kernel.threads.map((th, t) => ({ ...th, clock: unitClock(t) })),
      },
      threads: model.threads.map(() => ({
        pc: 0,
        regs: {},
        status: 'runnable' as const,
        deadline: null,
      })),
      variables: model.variables.map((v) => ({
        value: v.initial,
        writer: null,
        writeEpoch: 0,
        reads: model.threads.map(() => 0),
      })),
      now: 0,
    },
    true,
  );
}

/**
 * Runs main's setup to completion, then starts the other threads, each happening after the
 * setup (its clock is main's, as a spawned thread's is in Miri).
 */
export function start(model: Model): Start {
  const main = 0 as ThreadId;
  const setup: Transition[] = [];
  const blank = settleThreads(model, blankState(model), [main]);
  if ('stop' in blank) return { kind: 'failed', setup, ...blank };
  let state = blank.state;
  for (let budget = SETUP_BUDGET; ; budget--) {
    const thread = state.threads[main];
    if (thread === undefined || thread.pc >= model.setup || thread.status === 'done') break;
    if (budget === 0)
      return { kind: 'failed', setup, reason: 'the setup runs more than 10,000 steps' };
    const { state: next, transition } = step(model, state, { kind: 'step', thread: main });
    setup.push(transition);
    const failure = setupFailure(transition);
    if (failure !== null) {
      const stop = transition.stop;
      return stop === null
        ? { kind: 'failed', setup, reason: failure }
        : { kind: 'failed', setup, reason: failure, stop };
    }
    state = next;
  }
  const mainClock = state.kernel.threads[main]?.clock ?? [];
  const threads = state.kernel.threads.map((th, t) => {
    // Spawning is main's release: what main does after it is a new epoch no thread has seen.
    if (t === main) return { ...th, clock: mainClock.map((c, i) => (i === main ? c + 1 : c)) };
    const clock = [...mainClock];
    for (let i = clock.length; i <= t; i++) clock[i] = 0;
    clock[t] = 1;
    return { ...th, clock };
  });
  const others = model.threads.map((_, t) => t as ThreadId).filter((t) => t !== main);
  const spawned = settleThreads(model, { ...state, kernel: { ...state.kernel, threads } }, others);
  if ('stop' in spawned) return { kind: 'failed', setup, ...spawned };
  return { kind: 'ready', state: freeze(spawned.state, true), setup };
}

/**
 * Runs the local instructions threads begin with, so that each starts at a visible instruction
 * or finished, as `step` leaves every thread; or says where one of them stopped.
 */
function settleThreads(
  model: Model,
  state: MachineState,
  ts: readonly ThreadId[],
): { readonly state: MachineState } | { readonly stop: Stop; readonly reason: string } {
  const stops: Stop[] = [];
  const next = produce(state, (draft) => {
    for (const t of ts) {
      const stop = settle(model, draft, t);
      if (stop !== null) stops.push(stop);
    }
  });
  const stop = stops[0];
  if (stop === undefined) return { state: next };
  const { thread, kind } = stop;
  const where = kind === 'loop-bound' ? stop.loop : stop.label;
  const reason =
    `thread '${model.threads[thread]?.name ?? thread}' stopped at ${where} before its first ` +
    `step: ${kind}`;
  return { stop, reason };
}

function setupFailure(t: Transition): string | null {
  if (t.stop !== null) return `the setup stopped at ${t.label}: ${t.stop.kind}`;
  switch (t.outcome.kind) {
    case 'returned':
      return null;
    case 'blocked':
      return (
        `the setup blocked in ${t.call}; the setup must not block, move the call into a ` + `thread`
      );
    case 'unsupported':
    case 'panic':
      return `the setup's ${t.call} ended the program: ${t.outcome.message}`;
  }
}
