import { numeric, evaluate, EvaluationError } from '../program/evaluate.js';
import type { Model } from '../program/model.js';
import type { ThreadId } from '../kernel/index.js';
import type { Choice } from './choice.js';
import { scopeOf } from './scope.js';
import type { MachineState } from './state.js';

/**
 * The choices at a state, in a fixed order (thread order; steps before timeouts), so that every
 * search over them is deterministic.
 */
export function enabledChoices(model: Model, state: MachineState): Choice[] {
  const choices: Choice[] = [];
  state.threads.forEach((thread, index) => {
    const t = index as ThreadId;
    const i = model.threads[t]?.program[thread.pc];
    if (thread.status !== 'runnable' || i === undefined) return;
    if (i.op === 'join') {
      const other = model.threads.findIndex((th) => th.name === i.thread);
      if (state.threads[other]?.status !== 'done') return;
    }
    choices.push({ kind: 'step', thread: t });
    if (model.options.shortWrites && i.op === 'write') {
      for (const short of shortenings(model, state, t))
        choices.push({ kind: 'step', thread: t, short });
    }
  });
  const waiting = timeoutCandidates(state);
  if (model.options.timeouts === 'any') {
    for (const t of waiting) choices.push({ kind: 'timeout', thread: t });
    return choices;
  }
  if (choices.length > 0 || waiting.length === 0) return choices;
  const deadline = Math.min(...waiting.map((t) => state.threads[t]?.deadline ?? Infinity));
  return waiting
    .filter((t) => state.threads[t]?.deadline === deadline)
    .map((t) => ({ kind: 'timeout', thread: t }));
}

/** Threads blocked in an `epoll_wait` that has a deadline. */
function timeoutCandidates(state: MachineState): ThreadId[] {
  const ts: ThreadId[] = [];
  state.kernel.threads.forEach((kt, t) => {
    if (kt.blocked?.kind === 'epoll_wait' && kt.blocked.timeout > 0) ts.push(t as ThreadId);
  });
  return ts;
}

/**
 * The shorter byte counts a socket write may be cut to: every count below the full one when
 * that is at most 8, else 1, half and one less than full, to keep the branching small.
 */
function shortenings(model: Model, state: MachineState, t: ThreadId): number[] {
  const thread = state.threads[t];
  const i = model.threads[t]?.program[thread?.pc ?? -1];
  if (thread === undefined || i?.op !== 'write') return [];
  let target: number;
  try {
    target = Number(numeric(evaluate(i.fd, scopeOf(model, state, thread))));
  } catch (error) {
    if (error instanceof EvaluationError) return [];
    throw error;
  }
  const k = state.kernel;
  const id = k.fds[target];
  const d = id === null || id === undefined ? null : k.descriptions[id];
  if (d?.kind !== 'socket') return [];
  const peer = k.descriptions[d.peer];
  if (peer?.kind !== 'socket' || peer.buffered === null) return [];
  const full = Math.min(i.len, k.config.socketCapacity - peer.buffered);
  if (full <= 1) return [];
  if (full <= 8) return Array.from({ length: full - 1 }, (_, n) => n + 1);
  return [...new Set([1, Math.floor(full / 2), full - 1])];
}

/**
 * At a state with no choices: the threads that are stuck, that is, not finished and not
 * declared free to end blocked. Non-empty means a deadlock.
 */
export function stuckThreads(model: Model, state: MachineState): ThreadId[] {
  const stuck: ThreadId[] = [];
  state.threads.forEach((thread, t) => {
    if (thread.status === 'done') return;
    if (thread.status === 'blocked' && model.threads[t]?.mayEndBlocked === true) return;
    stuck.push(t as ThreadId);
  });
  return stuck;
}
