import type { ThreadId } from '../kernel/index.js';
import type { Transition } from '../machine/index.js';
import { laneThreads, threadName, type CounterexampleView } from './counterexample.js';
import { GLYPHS } from './glyphs.js';
import { formatClock } from './kernel-view.js';
import type { Palette } from './palette.js';
import { stepCall, stepLine, stepResult, wakeupText } from './step-text.js';

/** How to lay out a timeline. */
export interface TimelineOptions {
  /** Show each step's vector clock (the stepping thread's, after the step) under its result. */
  readonly clocks?: boolean;
  /** The terminal width the columns share; 80 by default. */
  readonly width?: number;
}

/** The narrowest and widest a thread's column gets, whatever the terminal width. */
const COLUMN = { min: 12, max: 40 } as const;
const GAP = 2;

/** One line of a cell: its text, and the palette role that colours it. */
interface Line {
  readonly text: string;
  readonly role: 'plain' | 'dim' | 'fail' | 'thread';
}

/**
 * A counterexample as a timeline: a column per thread headed by its name, a row per step with
 * the call and its result in the stepping thread's column and every wakeup in the woken
 * thread's column, then the violation. Columns have one fixed width that fits `width`; longer
 * text is cut with `…`. The setup's steps come first, apart, since only main takes them.
 */
export function formatTimeline(
  view: CounterexampleView,
  p: Palette,
  options: TimelineOptions = {},
): string[] {
  const { model, trace } = view;
  const lanes = laneThreads(view);
  const number = Math.max(String(trace.transitions.length).length, 1);
  const room = (options.width ?? 80) - number - GAP;
  const width = Math.min(COLUMN.max, Math.max(COLUMN.min, Math.floor(room / lanes.length) - GAP));
  const steps = trace.transitions.length;
  const lines = [p.strong(`${model.name}: ${steps} step${steps === 1 ? '' : 's'}`)];
  if (view.replay !== null) lines.push(p.dim(`replay: ${view.replay}`));
  for (const t of trace.setup) lines.push(p.dim(`setup  ${stepLine(t)}`));
  lines.push('');

  const header = lanes.map((t) => paint({ text: threadName(model, t), role: 'thread' }, width, p));
  lines.push([p.dim('#'.padStart(number)), ...header].join(' '.repeat(GAP)).trimEnd());
  trace.transitions.forEach((t, i) => {
    const clock = options.clocks === true ? trace.states[i]?.kernel.threads[t.thread]?.clock : null;
    const cells = lanes.map((lane) => cellOf(t, lane, clock ?? null));
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let row = 0; row < height; row++) {
      const label = row === 0 ? String(i + 1).padStart(number) : ' '.repeat(number);
      const parts = cells.map((c) => paint(c[row], width, p));
      lines.push([label, ...parts].join(' '.repeat(GAP)).trimEnd());
    }
  });

  if (view.violation !== null) {
    const { property, message } = view.violation;
    lines.push('', p.fail(`${GLYPHS.fail} violation of ${property}: ${message}`));
  }
  return lines;
}

/** What a step puts in one thread's column: its call and result, or what it woke the thread to. */
function cellOf(t: Transition, lane: ThreadId, clock: readonly number[] | null): Line[] {
  const lines: Line[] = [];
  if (t.thread === lane) {
    lines.push({ text: stepCall(t), role: 'plain' });
    const result = stepResult(t);
    if (result !== '') lines.push({ text: result, role: 'plain' });
    if (clock !== null) lines.push({ text: `clock ${formatClock(clock)}`, role: 'dim' });
  }
  for (const w of t.wakeups) {
    if (w.thread === lane) lines.push({ text: `${GLYPHS.wake} ${wakeupText(w)}`, role: 'dim' });
  }
  if (t.stop !== null && t.stop.thread === lane && t.stop.kind === 'assertion') {
    lines.push({ text: `${GLYPHS.fail} assertion at ${t.stop.label}`, role: 'fail' });
  }
  return lines;
}

/** A cell line cut or padded to exactly `width` columns, coloured by its role. */
function paint(line: Line | undefined, width: number, p: Palette): string {
  if (line === undefined) return ' '.repeat(width);
  const text = fit(line.text, width);
  const pad = ' '.repeat(width - characters(text).length);
  if (line.role === 'plain') return text + pad;
  return p[line.role](text) + pad;
}

/** Cuts text longer than `width` characters to `width`, the last being `…`. */
function fit(text: string, width: number): string {
  const chars = characters(text);
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The characters a reader sees (grapheme clusters), which is what a column counts. Wide
 * characters (CJK, most emoji) take two terminal columns and still misalign their row.
 */
function characters(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), (s) => s.segment);
}
