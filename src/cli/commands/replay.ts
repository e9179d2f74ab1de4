import { resolve } from 'node:path';
import { PROPERTIES } from '../../../properties/index.js';
import {
  boundsFor,
  check,
  findingAlong,
  formatSchedule,
  judgeStep,
  parseSchedule,
  replayNamed,
  traceOf,
  type Finding,
} from '../../check/index.js';
import { breadthFirst } from '../../explore/index.js';
import { start, type Choice, type MachineState } from '../../machine/index.js';
import type { Model } from '../../program/index.js';
import { GLYPHS, toJson, type CounterexampleView } from '../../report/index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadModels, requireValid } from '../load.js';
import { terminalPalette } from '../palette.js';
import { ensureNew, renderTrace, writeHtml, type TraceFormat } from '../render.js';
import { traceJson } from './trace-json.js';
import { replayCommand, withSemantics, type SemanticsFlags } from '../semantics.js';

/** The options of `weft replay`. */
export interface ReplayFlags extends SemanticsFlags {
  readonly json: boolean;
  readonly clocks: boolean;
  readonly format?: TraceFormat;
  readonly html?: string;
}

/**
 * From the last state a stale replay string reached, searches on breadth-first for the nearest
 * problem; returns the choices that reach it from there, or null when none is within bounds.
 */
function searchOn(model: Model, from: MachineState, io: Io): readonly Choice[] | null {
  const result = breadthFirst<Finding>(model, from, boundsFor(model), {
    clock: io.clock,
    judge: (before, transition, after, terminal) =>
      judgeStep(PROPERTIES, { model, before, transition, after, terminal }),
  });
  return result.kind === 'found' ? result.schedule : null;
}

/**
 * `weft replay <model> <schedule>`: runs a replay string and prints its trace, judging every
 * step as `weft check` does. When a step no longer applies (the model changed), it says which
 * and why, then searches on from the last step that did. Exit code 1 when a property fails on
 * the way, 0 when none does.
 */
export async function runReplay(
  file: string,
  text: string,
  flags: ReplayFlags,
  io: Io,
): Promise<number> {
  const [loaded] = await loadModels([file], io.cwd);
  if (loaded === undefined) throw new UsageError('model-file', `'${file}' holds no model`);
  requireValid(loaded);
  if (flags.html !== undefined) await ensureNew(resolve(io.cwd, flags.html), flags.html);
  const model = withSemantics(loaded.model, flags);
  const named = parseSchedule(text);
  if (!Array.isArray(named)) {
    throw new UsageError(
      'schedule',
      `replay string part ${named.bad + 1} '${named.part}' is not 'thread:label' or ` +
        `'thread:timeout'; copy the line weft check printed`,
    );
  }
  const unknown = named.findIndex((n) => !model.threads.some((t) => t.name === n.thread));
  const ghost = named[unknown];
  if (ghost !== undefined) {
    throw new UsageError(
      'schedule',
      `replay step ${unknown + 1} names thread '${ghost.thread}', which model '${model.name}' ` +
        `does not have; its threads are ${model.threads.map((t) => t.name).join(', ')}`,
    );
  }
  const begin = start(model);
  if (named.length === 0 || begin.kind === 'failed') {
    // A problem present before any step (a failed assertion, an unsupported setup call, a
    // deadlock at the start) has the empty schedule: the check of the start state shows it.
    const verdict = check(model, { clock: io.clock, shortest: false, bounds: { states: 1 } });
    if (
      (verdict.kind === 'violation' || verdict.kind === 'unsupported') &&
      verdict.counterexample.schedule.length === 0
    ) {
      const what =
        verdict.kind === 'violation' ? `violation of ${verdict.property}` : 'unsupported';
      const p = terminalPalette(io.colour);
      io.out(p.strong(`${model.name}: the problem is there before any step`));
      io.out(p.fail(`${GLYPHS.fail} ${what}: ${verdict.message}`));
      return 1;
    }
  }
  if (begin.kind === 'failed') {
    throw new UsageError('model-file', `model '${model.name}': ${begin.reason}`);
  }

  const replay = replayNamed(model, begin.state, named);
  let schedule: readonly Choice[] = replay.transitions.map((t) => t.choice);
  const notes: string[] = [];
  if (replay.mismatch !== null) {
    const { index, reason } = replay.mismatch;
    notes.push(
      `step ${index + 1} '${text.split(',')[index]?.trim() ?? ''}' no longer applies: ${reason}`,
    );
    if (findingAlong(model, schedule) === null) {
      const last = replay.states.at(-1) ?? begin.state;
      const more = searchOn(model, last, io);
      notes.push(
        more === null
          ? 'searched on from the step before it: no property fails within the bounds'
          : `searched on from the step before it: ${more.length} more steps reach a problem`,
      );
      if (more !== null) schedule = [...schedule, ...more];
    }
  }
  const found = findingAlong(model, schedule);
  const shown = found === null ? schedule : schedule.slice(0, found.index + 1);
  const finding = found?.finding ?? null;
  const replayString = formatSchedule(model, begin.state, shown);
  const view: CounterexampleView = {
    model,
    trace: traceOf(model, shown),
    violation:
      finding?.kind === 'violation'
        ? { property: finding.property, message: finding.message }
        : null,
    replay: replayCommand(loaded.file, replayString, flags),
  };

  if (flags.json) {
    io.out(
      toJson({
        name: model.name,
        file: loaded.file,
        finding,
        notes,
        replay: view.replay,
        trace: traceJson(model, view.trace),
      }),
    );
  } else {
    const p = terminalPalette(io.colour);
    io.out(
      p.strong(
        `${model.name}: replaying ${shown.length === 1 ? '1 step' : `${shown.length} steps`}`,
      ),
    );
    for (const note of notes) io.out(p.warn(`${GLYPHS.warn} ${note}`));
    const format = flags.format ?? 'steps';
    const indent = format === 'mermaid' ? '' : '  ';
    for (const line of renderTrace(view, format, flags.clocks, p)) io.out(`${indent}${line}`);
    if (finding === null) io.out(p.pass(`${GLYPHS.pass} no property fails along this schedule`));
    else if (format !== 'timeline') {
      const what = finding.kind === 'violation' ? `violation of ${finding.property}` : finding.kind;
      io.out(p.fail(`${GLYPHS.fail} ${what}: ${finding.message} (step ${shown.length})`));
    }
    if (replay.mismatch !== null) io.out(`replay: ${view.replay ?? ''}`);
  }
  if (flags.html !== undefined) await writeHtml(resolve(io.cwd, flags.html), flags.html, view);
  return finding === null ? 0 : finding.kind === 'error' ? 2 : 1;
}
