import type { ThreadId } from '../kernel/index.js';
import {
  enabledChoices,
  start,
  step,
  type Choice,
  type MachineState,
  type Transition,
} from '../machine/index.js';
import { sameChoice } from './finding-along.js';
import type { Model } from '../program/index.js';

/** One choice named by meaning: the thread and the label it steps, or its timeout. */
export interface NamedChoice {
  readonly thread: string;
  /** The instruction label, or `timeout`. */
  readonly label: string;
  readonly short?: number;
}

/** Names a choice at a state: `consumer:epoll_wait`, `writer:write/3`, `waiter:timeout`. */
export function nameChoice(model: Model, state: MachineState, choice: Choice): string {
  const thread = model.threads[choice.thread];
  const name = thread?.name ?? String(choice.thread);
  if (choice.kind === 'timeout') return `${name}:timeout`;
  const label = thread?.program[state.threads[choice.thread]?.pc ?? -1]?.label ?? 'end';
  return choice.short === undefined ? `${name}:${label}` : `${name}:${label}/${choice.short}`;
}

/** The replay string of a schedule from `start`: its named choices, comma separated. */
export function formatSchedule(
  model: Model,
  start: MachineState,
  schedule: readonly Choice[],
): string {
  const names: string[] = [];
  let state = start;
  for (const choice of schedule) {
    names.push(nameChoice(model, state, choice));
    state = step(model, state, choice).state;
  }
  return names.join(',');
}

/** Parses a replay string; returns the offending part's index when one is malformed. */
export function parseSchedule(
  text: string,
): NamedChoice[] | { readonly bad: number; readonly part: string } {
  const parts = text.trim() === '' ? [] : text.split(',').map((p) => p.trim());
  const named: NamedChoice[] = [];
  for (const [index, part] of parts.entries()) {
    const match = /^([^:]+):([^/]+)(?:\/(\d+))?$/.exec(part);
    if (match === null) return { bad: index, part };
    const [, thread = '', label = '', short] = match;
    named.push(short === undefined ? { thread, label } : { thread, label, short: Number(short) });
  }
  return named;
}

/** A replayed schedule: every transition, and where it stopped applying, if it did. */
export interface Replay {
  readonly transitions: readonly Transition[];
  readonly states: readonly MachineState[];
  /** The first choice that did not apply, with why; null when all applied. */
  readonly mismatch: { readonly index: number; readonly reason: string } | null;
}

/**
 * Replays named choices from `start`. A choice applies when its thread exists and is at the
 * named instruction (or, for a timeout, waits with a deadline); replay stops at the first that
 * does not and says why.
 */
export function replayNamed(
  model: Model,
  start: MachineState,
  named: readonly NamedChoice[],
): Replay {
  const transitions: Transition[] = [];
  const states: MachineState[] = [start];
  let state = start;
  for (const [index, n] of named.entries()) {
    const t = model.threads.findIndex((th) => th.name === n.thread) as ThreadId;
    const resolved = resolve(model, state, t, n);
    const choice =
      typeof resolved === 'string' ||
      enabledChoices(model, state).some((c) => sameChoice(c, resolved))
        ? resolved
        : `'${n.thread}:${n.label}' cannot be taken here: under this model's rules another ` +
          'choice must come first';
    if (typeof choice === 'string') {
      return { transitions, states, mismatch: { index, reason: choice } };
    }
    const result = step(model, state, choice);
    transitions.push(result.transition);
    states.push(result.state);
    state = result.state;
  }
  return { transitions, states, mismatch: null };
}

function resolve(model: Model, state: MachineState, t: ThreadId, n: NamedChoice): Choice | string {
  const spec = model.threads[t];
  const thread = state.threads[t];
  if (spec === undefined || thread === undefined) return `the model has no thread '${n.thread}'`;
  if (n.label === 'timeout') {
    const on = state.kernel.threads[t]?.blocked;
    if (on?.kind === 'epoll_wait' && on.timeout > 0) return { kind: 'timeout', thread: t };
    return `'${n.thread}' is not waiting in epoll_wait with a deadline`;
  }
  const here = spec.program[thread.pc]?.label ?? 'end';
  if (thread.status !== 'runnable') return `'${n.thread}' is ${thread.status}, not at '${n.label}'`;
  if (here !== n.label) return `'${n.thread}' is at '${here}', not at '${n.label}'`;
  return n.short === undefined
    ? { kind: 'step', thread: t }
    : { kind: 'step', thread: t, short: n.short };
}

/** The whole trace of a schedule of choices: the setup's steps, then each step and state. */
export interface Trace {
  readonly setup: readonly Transition[];
  readonly transitions: readonly Transition[];
  readonly states: readonly MachineState[];
}

/** Replays a schedule found by a search from the model's start (only the setup when it fails). */
export function traceOf(model: Model, schedule: readonly Choice[]): Trace {
  const begin = start(model);
  if (begin.kind === 'failed') return { setup: begin.setup, transitions: [], states: [] };
  const transitions: Transition[] = [];
  const states: MachineState[] = [];
  let state = begin.state;
  for (const choice of schedule) {
    const result = step(model, state, choice);
    transitions.push(result.transition);
    states.push(result.state);
    state = result.state;
  }
  return { setup: begin.setup, transitions, states };
}
