import type { Wakeup } from '../kernel/index.js';
import type { Transition } from '../machine/index.js';
import { GLYPHS } from './glyphs.js';
import { formatOutcome, formatResult } from './values.js';

/** Steps whose call text already says all there is: a store, a load with its value, a join. */
const SILENT_OUTCOME = new Set(['store', 'load', 'join']);

/** What a step did, as the thread that took it would say: `write(4, 8 bytes)`. */
export function stepCall(t: Transition): string {
  return t.choice.kind === 'timeout' ? 'epoll_wait times out' : t.call;
}

/** How a step ended for its thread: `→ 8`, `blocks`; empty when the call text says it all. */
export function stepResult(t: Transition): string {
  if (t.choice.kind === 'timeout') return `${GLYPHS.arrow} 0`;
  return SILENT_OUTCOME.has(t.op) ? '' : formatOutcome(t.outcome);
}

/** A step's call and result on one line: `write(4, 8 bytes) → 8`. */
export function stepLine(t: Transition): string {
  const result = stepResult(t);
  return result === '' ? stepCall(t) : `${stepCall(t)} ${result}`;
}

/** True when a step's thread talks to the kernel, rather than to plain shared memory. */
export function isSystemCall(t: Transition): boolean {
  return t.op !== 'store' && t.op !== 'load';
}

/** What a woken thread got, without the glyph: `woken: 1 [EPOLLIN data 7]`. */
export function wakeupText(w: Wakeup): string {
  const how = w.reason === 'ready' ? 'woken' : w.reason === 'retry' ? 'unblocked' : 'timed out';
  return `${how}: ${formatResult(w.result)}`;
}
