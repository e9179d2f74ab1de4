import type { Verdict } from '../check/index.js';
import type { Expectation } from '../program/index.js';
import { GLYPHS } from './glyphs.js';
import type { Palette } from './palette.js';

/** A verdict in a few words: `pass`, `violation of no-deadlock`, `unsupported`. */
export function verdictWords(v: Verdict | Expectation): string {
  // A model written as data may carry anything here; say so rather than fail.
  if (typeof v !== 'object' || (v as Verdict | null) === null) return 'nothing valid';
  const kind: string = 'kind' in v ? v.kind : v.verdict;
  switch (kind) {
    case 'violation':
      return `violation of ${'property' in v ? v.property : '?'}`;
    case 'bound-reached':
      return `bound reached (${'bound' in v ? v.bound : '?'})`;
    default:
      return kind;
  }
}

/** The headline of one model's check: glyph, name, verdict, and the expectation if it differs. */
export function formatHeadline(
  name: string,
  verdict: Verdict,
  expected: Expectation,
  asExpected: boolean,
  p: Palette,
): string {
  const glyph = asExpected ? p.pass(GLYPHS.pass) : p.fail(GLYPHS.fail);
  const words = verdictWords(verdict);
  const shown = asExpected ? words : p.fail(words);
  const note = asExpected ? '' : p.dim(` (expected ${verdictWords(expected)})`);
  return `${glyph} ${p.strong(name)}: ${shown}${note}`;
}

/** The lines under a headline that say what went wrong and how to go on. */
export function formatDetail(verdict: Verdict, p: Palette): string[] {
  switch (verdict.kind) {
    case 'pass':
      return verdict.sampled === undefined
        ? []
        : [
            p.warn(
              `no violation in ${verdict.sampled.runs} random schedules (seed ` +
                `${verdict.sampled.seed}); sampling is evidence, not proof`,
            ),
          ];
    case 'violation':
      return [p.fail(verdict.message)];
    case 'unsupported':
      return [`the seed refuses ${verdict.call}: ${verdict.message}`];
    case 'bound-reached':
      return [p.warn(verdict.detail)];
    case 'error':
      return [p.fail(verdict.message)];
  }
}
