/**
 * Weft for test runners: check a model inside a test and fail it with a readable
 * counterexample. `import { checkModel } from 'weft/testing'` (or `../src/testing.js`).
 */
import { check, meetsExpectation, traceOf, type Verdict } from './check/index.js';
import type { Bounds, Model } from './program/index.js';
import {
  formatDetail,
  formatHeadline,
  formatTrace,
  PLAIN,
  threadSwitches,
} from './report/index.js';

/** What a test learns from checking one model. */
export interface ModelReport {
  /** True when the verdict is the one the model expects. */
  readonly ok: boolean;
  readonly verdict: Verdict;
  /** The verdict, the counterexample trace and its replay line, as `weft check` prints them. */
  readonly text: string;
}

/** Options of `checkModel`. */
export interface CheckModelOptions {
  /** The model's file, so that the replay line names it; `<model file>` when absent. */
  readonly file?: string;
  readonly bounds?: Partial<Bounds>;
}

/**
 * Checks a model exhaustively and describes the outcome. Use it in any test runner; with ava:
 * `const report = checkModel(model); t.true(report.ok, report.text);`.
 */
export function checkModel(model: Model, options: CheckModelOptions = {}): ModelReport {
  const verdict = check(model, {
    clock: () => performance.now(),
    ...(options.bounds === undefined ? {} : { bounds: options.bounds }),
  });
  const ok = meetsExpectation(model.expect, verdict);
  const lines = [formatHeadline(model.name, verdict, model.expect, ok, PLAIN)];
  for (const line of formatDetail(verdict, PLAIN)) lines.push(`  ${line}`);
  if (verdict.kind === 'violation' || verdict.kind === 'unsupported') {
    const trace = traceOf(model, verdict.counterexample.schedule);
    const steps = trace.transitions.length;
    const switches = threadSwitches(trace.transitions);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    lines.push(
      `  counterexample: ${plural(steps, 'step', 'steps')}, ` +
        plural(switches, 'thread switch', 'thread switches'),
    );
    for (const line of formatTrace({ model, ...trace })) lines.push(`    ${line}`);
    const file = options.file ?? '<model file>';
    lines.push(`  replay: npx weft replay ${file} '${verdict.counterexample.replay}'`);
  }
  return { ok, verdict, text: lines.join('\n') };
}

/** Checks a model and throws an `Error` carrying the report's text when the verdict is wrong. */
export function assertModel(model: Model, options: CheckModelOptions = {}): void {
  const report = checkModel(model, options);
  if (!report.ok) throw new Error(report.text);
}
