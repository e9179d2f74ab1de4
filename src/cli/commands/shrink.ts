import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { PROPERTIES } from '../../../properties/index.js';
import { check } from '../../check/index.js';
import { printModel, shrinkModel } from '../../shrink/index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { BUNDLED, loadModels, requireValid } from '../load.js';

/** The options of `weft shrink`. */
export interface ShrinkFlags {
  /** Keep this invariant failing; the one the model's check finds by default. */
  readonly property?: string;
  /** Write the reduced model here instead of to stdout; an existing file is never replaced. */
  readonly out?: string;
}

/** The import path from a file in `folder` to Weft's library entry. */
function importPath(folder: string): string {
  const path = relative(folder, resolve(BUNDLED, '../src/index.js')).replaceAll('\\', '/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * `weft shrink <model>`: removes threads, instructions and setup calls while the same invariant
 * still fails, then prints the reduced model as a file that `weft check` runs.
 */
export async function runShrink(file: string, flags: ShrinkFlags, io: Io): Promise<number> {
  const [loaded] = await loadModels([file], io.cwd);
  if (loaded === undefined) throw new UsageError('model-file', `'${file}' holds no model`);
  requireValid(loaded);
  const out = flags.out === undefined ? null : resolve(io.cwd, flags.out);
  if (flags.property !== undefined && !PROPERTIES.some((p) => p.id === flags.property)) {
    throw new UsageError(
      'usage',
      `unknown property '${flags.property}' in --property; use one of ` +
        PROPERTIES.map((p) => p.id).join(', '),
    );
  }
  const verdict = check(loaded.model, {
    clock: io.clock,
    shortest: false,
    ...(flags.property === undefined ? {} : { properties: [flags.property] }),
  });
  const property = verdict.kind === 'violation' ? verdict.property : null;
  if (property === null) {
    const what = flags.property === undefined ? 'no invariant' : `'${flags.property}'`;
    io.err(
      `weft: model '${loaded.model.name}' violates ${what} (verdict ${verdict.kind}); there ` +
        `is nothing to shrink`,
    );
    return 1;
  }
  const shrunk = shrinkModel(loaded.model, property);
  const { tries } = shrunk;
  // A new name, so that the reduced model and the original can be checked side by side.
  const model = { ...shrunk.model, name: `${loaded.model.name}-shrunk` };
  const before = loaded.model.threads.reduce((n, t) => n + t.program.length, 0);
  const after = model.threads.reduce((n, t) => n + t.program.length, 0);
  const header =
    `// ${loaded.model.name}, shrunk while '${property}' still fails: ` +
    `${model.threads.length} of ${loaded.model.threads.length} threads, ${after} of ${before} ` +
    `instructions.\n`;
  const source =
    header +
    printModel(model, {
      importFrom: importPath(out === null ? resolve(io.cwd, 'models') : dirname(out)),
    });
  if (out === null) {
    io.out(source.trimEnd());
  } else {
    try {
      await writeFile(out, source, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new UsageError(
          'usage',
          `'${flags.out}' already exists; weft shrink never replaces a file, so name a new one ` +
            `with --out`,
        );
      throw new UsageError(
        'usage',
        `cannot write '${flags.out}': ${code ?? String(error)}; check that its folder exists`,
      );
    }
    io.err(`wrote ${flags.out} after ${tries} tries`);
  }
  return 0;
}
