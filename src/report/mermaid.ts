import { threadId, type ThreadId } from '../kernel/index.js';
import type { Transition } from '../machine/index.js';
import { laneThreads, threadName, type CounterexampleView } from './counterexample.js';
import { GLYPHS } from './glyphs.js';
import { isSystemCall, stepCall, stepLine, stepResult, wakeupText } from './step-text.js';

/**
 * A counterexample as a Mermaid `sequenceDiagram`: a participant per thread and one for the
 * kernel; each step a message from its thread to the kernel with the call and one back with the
 * result (a cross when the call blocks), each wakeup a message from the kernel to the woken
 * thread with the events it got, and a closing note with the violation. Shared-memory steps
 * (stores and loads) never reach the kernel, so they are notes over their thread.
 */
export function toMermaid(view: CounterexampleView): string {
  const { model, trace } = view;
  const lanes = laneThreads(view);
  const id = (t: ThreadId): string => `T${t}`;
  const lines = ['sequenceDiagram'];
  for (const t of lanes) lines.push(`  participant ${id(t)} as ${text(threadName(model, t))}`);
  lines.push('  participant K as kernel');
  const first = lanes[0];
  const span = first === undefined ? 'K' : `${id(first)},K`;
  if (trace.setup.length > 0) {
    const calls = trace.setup.map((t) => text(stepLine(t)));
    lines.push(
      `  Note over ${span}: setup by ` +
        `${text(threadName(model, threadId(0)))}<br/>${calls.join('<br/>')}`,
    );
  }
  trace.transitions.forEach((t, i) => {
    lines.push(...stepLines(t, i + 1, id));
  });
  if (view.violation !== null) {
    const { property, message } = view.violation;
    lines.push(`  Note over ${span}: violation of ${text(property)}<br/>${text(message)}`);
  }
  return `${lines.join('\n')}\n`;
}

function stepLines(t: Transition, n: number, id: (t: ThreadId) => string): string[] {
  const who = id(t.thread);
  const call = text(`${n}. ${stepCall(t)}`);
  const result = stepResult(t);
  const lines: string[] = [];
  if (!isSystemCall(t)) lines.push(`  Note over ${who}: ${call}`);
  else if (t.choice.kind === 'timeout') lines.push(`  K->>${who}: ${call} ${text(result)}`);
  else {
    lines.push(`  ${who}->>K: ${call}`);
    const arrow = t.outcome.kind === 'returned' ? '-->>' : '--x';
    lines.push(`  K${arrow}${who}: ${text(returned(result))}`);
  }
  for (const w of t.wakeups) lines.push(`  K->>${id(w.thread)}: ${text(wakeupText(w))}`);
  return lines;
}

/** A result as the kernel's answer: without the arrow that the message itself draws. */
function returned(result: string): string {
  if (result === '') return 'done';
  const arrow = `${GLYPHS.arrow} `;
  return result.startsWith(arrow) ? result.slice(arrow.length) : result;
}

/**
 * Text safe in a Mermaid message, note or participant label, on one line. Mermaid ends a
 * statement at `;`, cuts text at `#`, and reads `<` `>` as markup; its entity codes (`#59;`)
 * are the documented way out, but the current renderer shows them undecoded. So these four
 * become look-alikes that it leaves alone: the Greek question mark, the fullwidth number sign
 * and the single angle quotes.
 */
function text(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[#;<>]/g, (c) => LOOK_ALIKES[c] ?? c);
}

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '#': '\uff03',
  ';': '\u037e',
  '<': '\u2039',
  '>': '\u203a',
};
