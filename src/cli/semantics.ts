import type { Model, ModelOptions } from '../program/index.js';

/** Command-line overrides of a model's semantics, which a replay must repeat to reproduce. */
export interface SemanticsFlags {
  readonly mutant?: ModelOptions['mutant'];
  readonly timeouts?: ModelOptions['timeouts'];
}

/** The model with the overrides applied. */
export function withSemantics(model: Model, flags: SemanticsFlags): Model {
  const options: ModelOptions = {
    ...model.options,
    ...(flags.mutant === undefined || flags.mutant === null ? {} : { mutant: flags.mutant }),
    ...(flags.timeouts === undefined ? {} : { timeouts: flags.timeouts }),
  };
  return { ...model, options };
}

/**
 * The command that replays a schedule: the model file, the replay string, and every override
 * that changed what the check saw, so that pasting it reproduces the same trace.
 */
export function replayCommand(file: string, schedule: string, flags: SemanticsFlags): string {
  const extra = [
    flags.mutant === undefined || flags.mutant === null ? '' : ` --mutant ${flags.mutant}`,
    flags.timeouts === undefined ? '' : ` --timeouts ${flags.timeouts}`,
  ].join('');
  return `npx weft replay ${shellWord(file)} '${schedule}'${extra}`;
}

/** A path as one shell word: as it is when plain, else single-quoted with quotes escaped. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
