import { PROPERTIES } from '../../../properties/index.js';
import { judgeStep, parseSchedule, replayNamed } from '../../check/index.js';
import { enabledChoices, start, stuckThreads } from '../../machine/index.js';
import { formatTrace, GLYPHS, toJson } from '../../report/index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadModels } from '../load.js';
import { terminalPalette } from '../palette.js';
import { traceJson } from './trace-json.js';

/** The options of `weft replay`. */
export interface ReplayFlags {
  readonly json: boolean;
  readonly clocks: boolean;
}

/**
 * `weft replay <model> <schedule>`: runs a replay string and prints its trace, judging every
 * step as `weft check` does. Exit code 1 when a property fails on the way, 0 when none does.
 */
export async function runReplay(
  file: string,
  text: string,
  flags: ReplayFlags,
  io: Io,
): Promise<number> {
  const [loaded] = await loadModels([file], io.cwd);
  if (loaded === undefined) throw new UsageError('model-file', `'${file}' holds no model`);
  const { model } = loaded;
  const named = parseSchedule(text);
  if (!Array.isArray(named)) {
    throw new UsageError(
      'schedule',
      `replay string part ${named.bad + 1} '${named.part}' is not 'thread:label' or 'thread:timeout'; copy the line weft check printed`,
    );
  }
  const begin = start(model);
  if (begin.kind === 'failed')
    throw new UsageError('model-file', `model '${model.name}': ${begin.reason}`);

  const replay = replayNamed(model, begin.state, named);
  let finding = null;
  let at = 0;
  for (const [i, transition] of replay.transitions.entries()) {
    const before = i === 0 ? begin.state : (replay.states[i] ?? begin.state);
    const after = replay.states[i + 1] ?? before;
    const terminal =
      enabledChoices(model, after).length === 0 ? { stuck: stuckThreads(model, after) } : null;
    finding = judgeStep(PROPERTIES, { model, before, transition, after, terminal });
    at = i + 1;
    if (finding !== null) break;
  }
  const shown = replay.transitions.slice(0, at);
  if (flags.json) {
    const trace = traceJson(model, {
      setup: begin.setup,
      transitions: shown,
      states: replay.states.slice(1, at + 1),
    });
    io.out(
      toJson({ name: model.name, file: loaded.file, finding, mismatch: replay.mismatch, trace }),
    );
  } else {
    const p = terminalPalette(io.colour);
    io.out(p.strong(`${model.name}: replaying ${named.length} steps`));
    const lines = formatTrace({
      model,
      setup: begin.setup,
      transitions: shown,
      states: replay.states.slice(1),
      clocks: flags.clocks,
      palette: p,
    });
    for (const line of lines) io.out(`  ${line}`);
    if (finding !== null)
      io.out(
        p.fail(
          `${GLYPHS.fail} ${finding.kind === 'violation' ? `violation of ${finding.property}: ` : `${finding.kind}: `}${finding.message} (step ${at})`,
        ),
      );
    else if (replay.mismatch === null)
      io.out(p.pass(`${GLYPHS.pass} no property fails along this schedule`));
  }
  if (replay.mismatch !== null && finding === null) {
    const { index, reason } = replay.mismatch;
    throw new UsageError(
      'schedule',
      `replay choice ${index + 1} '${text.split(',')[index]?.trim() ?? ''}' no longer applies: ${reason}; the model has changed since the replay string was printed, check it again`,
    );
  }
  return finding === null ? 0 : finding.kind === 'error' ? 2 : 1;
}
