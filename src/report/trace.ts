import type { MachineState, Transition } from '../machine/index.js';
import type { Model } from '../program/index.js';
import { GLYPHS } from './glyphs.js';
import { PLAIN, type Palette } from './palette.js';
import { formatOutcome, formatResult } from './values.js';

/** What a trace shows: the steps, and optionally each step's vector clock. */
export interface TraceInput {
  readonly model: Model;
  readonly setup: readonly Transition[];
  readonly transitions: readonly Transition[];
  /** The state after each transition; needed only for `clocks`. */
  readonly states?: readonly MachineState[];
  readonly clocks?: boolean;
  readonly palette?: Palette;
}

/** How many times consecutive steps change thread. */
export function threadSwitches(transitions: readonly Transition[]): number {
  let switches = 0;
  for (let i = 1; i < transitions.length; i++) {
    if (transitions[i]?.thread !== transitions[i - 1]?.thread) switches++;
  }
  return switches;
}

/**
 * A trace as numbered steps, one per line: which thread, which call with its arguments, what it
 * returned; under it, every thread that step woke and what it received.
 */
export function formatTrace(input: TraceInput): string[] {
  const { model, setup, transitions } = input;
  const p = input.palette ?? PLAIN;
  const names = model.threads.map((t) => t.name);
  const width = Math.max(...names.map((n) => n.length), 6);
  const number = String(transitions.length).length + 1;
  const pad = ' '.repeat(number + 2 + width + 2);
  const lines: string[] = [];
  for (const t of setup) {
    lines.push(`${'·'.padStart(number)}  ${p.dim('main'.padEnd(width))}  ${p.dim(describe(t))}`);
  }
  transitions.forEach((t, i) => {
    const name = names[t.thread] ?? String(t.thread);
    lines.push(
      `${String(i + 1).padStart(number)}  ${p.thread(name.padEnd(width))}  ${describe(t)}`,
    );
    for (const w of t.wakeups) {
      const who = names[w.thread] ?? String(w.thread);
      const how = w.reason === 'ready' ? 'woken from epoll_wait' : 'unblocked, its call';
      lines.push(
        `${pad}${p.dim(`${GLYPHS.wake} ${who} ${how} ${GLYPHS.arrow} ${formatResult(w.result)}`)}`,
      );
    }
    const clock =
      input.clocks === true ? input.states?.[i]?.kernel.threads[t.thread]?.clock : undefined;
    if (clock !== undefined) lines.push(`${pad}${p.dim(`clock [${clock.join(', ')}]`)}`);
  });
  return lines;
}

const SILENT_OUTCOME = new Set(['store', 'load', 'join']);

function describe(t: Transition): string {
  if (t.choice.kind === 'timeout') return `epoll_wait times out ${GLYPHS.arrow} 0`;
  return SILENT_OUTCOME.has(t.op) ? t.call : `${t.call} ${formatOutcome(t.outcome)}`;
}
