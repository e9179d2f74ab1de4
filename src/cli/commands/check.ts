import { check, meetsExpectation, traceOf, type Verdict } from '../../check/index.js';
import type { Model, ModelOptions } from '../../program/index.js';
import { PROPERTIES } from '../../../properties/index.js';
import { checkRandomly } from '../../shrink/index.js';
import {
  formatDetail,
  formatHeadline,
  formatSummary,
  threadSwitches,
  toJson,
  type CounterexampleView,
  type SummaryRow,
} from '../../report/index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadModels, type LoadedModel } from '../load.js';
import { terminalPalette } from '../palette.js';
import { progressFor } from '../progress.js';
import { ensureNew, renderTrace, writeHtml, type TraceFormat } from '../render.js';
import { join, resolve } from 'node:path';
import { traceJson } from './trace-json.js';
import { replayCommand, withSemantics } from '../semantics.js';

/** The options of `weft check`. */
export interface CheckFlags {
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly maxSeconds?: number;
  readonly property?: readonly string[];
  readonly mutant?: ModelOptions['mutant'];
  readonly timeouts?: ModelOptions['timeouts'];
  readonly json: boolean;
  readonly clocks: boolean;
  /** Keep vector clocks in fingerprints even where no check can observe them. */
  readonly exactClocks?: boolean;
  /** How counterexamples are drawn: numbered steps (default), a timeline, or Mermaid. */
  readonly format?: TraceFormat;
  /** A folder to write each counterexample's HTML report to, as `<model>.html`. */
  readonly html?: string;
  /** Sample this many random schedules instead of searching them all. */
  readonly random?: number;
  readonly seed?: number;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('h') ? 'es' : 's'}`;
}

/** The exit code of a set of results: 2 for an invalid model, 1 for anything unexpected. */
function exitCode(rows: readonly SummaryRow[]): number {
  if (rows.some((r) => r.verdict.kind === 'error')) return 2;
  return rows.every((r) => r.asExpected) ? 0 : 1;
}

function withFlags(model: Model, flags: CheckFlags): Model {
  const changed = withSemantics(model, flags);
  if (flags.exactClocks !== true) return changed;
  return { ...changed, options: { ...changed.options, clocks: 'exact' } };
}

function checkOne(loaded: LoadedModel, flags: CheckFlags, io: Io): Verdict {
  if (flags.random !== undefined) {
    return checkRandomly(loaded.model, {
      runs: flags.random,
      seed: flags.seed ?? 0,
      ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
      ...(flags.property === undefined ? {} : { properties: flags.property }),
      clock: io.clock,
    });
  }
  const progress = progressFor(loaded.model.name, io);
  const bounds = {
    ...(flags.maxStates === undefined ? {} : { states: flags.maxStates }),
    ...(flags.maxDepth === undefined ? {} : { depth: flags.maxDepth }),
    ...(flags.maxSeconds === undefined ? {} : { seconds: flags.maxSeconds }),
  };
  const verdict = check(loaded.model, {
    bounds,
    ...(flags.property === undefined ? {} : { properties: flags.property }),
    clock: io.clock,
    memory: io.memory,
    onProgress: progress.report,
  });
  progress.done();
  return verdict;
}

/** A counterexample as the report renderings take it, or null for a verdict without one. */
function viewOf(
  loaded: LoadedModel,
  verdict: Verdict,
  flags: CheckFlags,
): CounterexampleView | null {
  if (verdict.kind !== 'violation' && verdict.kind !== 'unsupported') return null;
  const { schedule, replay } = verdict.counterexample;
  return {
    model: loaded.model,
    trace: traceOf(loaded.model, schedule),
    violation:
      verdict.kind === 'violation'
        ? { property: verdict.property, message: verdict.message }
        : null,
    replay: replayCommand(loaded.file, replay, flags),
  };
}

function counterexampleLines(
  view: CounterexampleView,
  verdict: Verdict,
  flags: CheckFlags,
  io: Io,
): string[] {
  if (verdict.kind !== 'violation' && verdict.kind !== 'unsupported') return [];
  const p = terminalPalette(io.colour);
  const steps = view.trace.transitions.length;
  const switches = threadSwitches(view.trace.transitions);
  const { random, shortest } = verdict.counterexample;
  const how =
    random === undefined
      ? shortest
        ? ', the fewest possible'
        : ''
      : `; found at random (seed ${random.seed}) with ${plural(random.firstSteps, 'step')}, then ` +
        `shrunk`;
  const format = flags.format ?? 'steps';
  const trace = renderTrace(view, format, flags.clocks, p);
  const counts = `${plural(steps, 'step')}, ${plural(switches, 'thread switch')}`;
  const head = `  ${p.dim(`counterexample: ${counts}${how}`)}`;
  const replay = `  replay: ${view.replay ?? ''}`;
  switch (format) {
    case 'steps':
      return [head, ...trace.map((l) => `    ${l}`), replay];
    case 'timeline':
      // The timeline carries its own replay line and violation.
      return [head, ...trace.map((l) => `    ${l}`)];
    case 'mermaid':
      // Unindented, so that it pastes into a .mmd file or a Markdown block as it is.
      return [head, replay, ...trace];
  }
}

/** `weft check [models...]`: checks each model and prints verdicts, traces and a summary. */
export async function runCheck(
  args: readonly string[],
  given: CheckFlags,
  io: Io,
): Promise<number> {
  for (const id of given.property ?? []) {
    if (!PROPERTIES.some((p) => p.id === id)) {
      throw new UsageError(
        'usage',
        `unknown property '${id}' in --property; use one of ` +
          PROPERTIES.map((q) => q.id).join(', '),
      );
    }
  }
  if (given.seed !== undefined && given.random === undefined) {
    throw new UsageError('usage', '--seed only applies to random search; add --random N');
  }
  const seed = given.seed ?? (given.random === undefined ? undefined : io.seed());
  const flags: CheckFlags = seed === undefined ? given : { ...given, seed };
  if (flags.random !== undefined && !flags.json) {
    io.out(
      `random search: ${flags.random} schedules a model, seed ${seed} (repeat with --seed ${seed})`,
    );
  }
  if (flags.property !== undefined && !flags.json) {
    io.out(`checking only: ${flags.property.join(', ')}`);
  }
  const models = (await loadModels(args, io.cwd)).map((m) => ({
    ...m,
    model: withFlags(m.model, flags),
  }));
  if (flags.html !== undefined) {
    // Before any search: a report this run may write must not replace a file already there.
    for (const { model } of models) {
      const shown = join(flags.html, `${model.name}.html`);
      await ensureNew(resolve(io.cwd, shown), shown);
    }
  }
  const p = terminalPalette(io.colour);
  const rows: SummaryRow[] = [];
  const json: unknown[] = [];
  for (const loaded of models) {
    const verdict = checkOne(loaded, flags, io);
    const asExpected = meetsExpectation(loaded.model.expect, verdict);
    rows.push({ name: loaded.model.name, verdict, expected: loaded.model.expect, asExpected });
    if (flags.json) {
      json.push(modelJson(loaded, verdict, asExpected, flags));
      continue;
    }
    io.out(formatHeadline(loaded.model.name, verdict, loaded.model.expect, asExpected, p));
    if (verdict.kind === 'error') io.err(`weft: ${verdict.message}`);
    for (const line of formatDetail(verdict, p)) io.out(`  ${line}`);
    const view = viewOf(loaded, verdict, flags);
    if (view === null) continue;
    for (const line of counterexampleLines(view, verdict, flags, io)) io.out(line);
    if (flags.html !== undefined) {
      const shown = join(flags.html, `${loaded.model.name}.html`);
      await writeHtml(resolve(io.cwd, shown), shown, view);
      io.out(`  report: ${shown}`);
    }
  }
  const code = exitCode(rows);
  if (flags.json) {
    io.out(toJson({ models: json, exitCode: code }));
    return code;
  }
  io.out('');
  for (const line of formatSummary(rows, p)) io.out(line);
  return code;
}

function modelJson(
  loaded: LoadedModel,
  verdict: Verdict,
  asExpected: boolean,
  flags: CheckFlags,
): unknown {
  const found = verdict.kind === 'violation' || verdict.kind === 'unsupported' ? verdict : null;
  return {
    name: loaded.model.name,
    file: loaded.file,
    expected: loaded.model.expect,
    asExpected,
    verdict,
    replay: found === null ? null : replayCommand(loaded.file, found.counterexample.replay, flags),
    trace:
      found === null
        ? null
        : traceJson(loaded.model, traceOf(loaded.model, found.counterexample.schedule)),
  };
}
