import type { Verdict } from '../check/index.js';
import type { Expectation } from '../program/index.js';
import { GLYPHS } from './glyphs.js';
import type { Palette } from './palette.js';
import { verdictWords } from './verdict.js';

/** One checked model, as the summary table shows it. */
export interface SummaryRow {
  readonly name: string;
  readonly verdict: Verdict;
  readonly expected: Expectation;
  readonly asExpected: boolean;
}

/** Durations in the summary: milliseconds below a second, else seconds with one decimal. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The summary table: one aligned row per model (verdict, expectation, states, transitions,
 * time), then a closing line with the counts.
 */
export function formatSummary(rows: readonly SummaryRow[], p: Palette, timing = true): string[] {
  const header = ['', 'model', 'verdict', 'expected', 'states', 'transitions', 'time'];
  const cells = rows.map((r) => {
    const stats = 'stats' in r.verdict ? r.verdict.stats : null;
    return [
      r.asExpected ? GLYPHS.pass : GLYPHS.fail,
      r.name,
      verdictWords(r.verdict),
      verdictWords(r.expected),
      stats === null ? '-' : stats.states.toLocaleString('en-US'),
      stats === null ? '-' : stats.transitions.toLocaleString('en-US'),
      stats === null || !timing ? '-' : formatDuration(stats.durationMs),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const right = new Set([4, 5, 6]);
  const line = (c: readonly string[]) =>
    c
      .map((cell, i) =>
        right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const lines = [p.dim(line(header))];
  cells.forEach((c, i) => {
    const text = line(c);
    lines.push(rows[i]?.asExpected === true ? text : p.fail(text));
  });
  const failed = rows.filter((r) => !r.asExpected).length;
  const total = `${rows.length - failed} as expected, ${failed} not`;
  lines.push('', failed === 0 ? p.pass(total) : p.fail(total));
  return lines;
}
