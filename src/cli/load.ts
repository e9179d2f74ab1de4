import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { formatProblem, validateModel, type Model } from '../program/index.js';
import { UsageError } from './errors.js';

/** A model and the file it came from, as the user should see the path. */
export interface LoadedModel {
  readonly file: string;
  readonly model: Model;
}

/** The bundled models' folder. */
export const BUNDLED = resolve(dirname(fileURLToPath(import.meta.url)), '../../models');

const EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

async function kind(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/** The model files an argument names: a file, a folder of them, or a bundled model's name. */
async function filesFor(arg: string, cwd: string): Promise<string[]> {
  const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
  const found = await kind(path);
  if (found === 'dir') {
    const names = (await readdir(path)).filter(
      (n) => EXTENSIONS.has(extname(n)) && !n.endsWith('.d.ts'),
    );
    if (names.length === 0) {
      throw new UsageError(
        'model-file',
        `folder '${arg}' holds no model files; put .ts model files in it or name a file`,
      );
    }
    return names.sort().map((n) => join(path, n));
  }
  if (found === 'file') {
    if (!EXTENSIONS.has(extname(path))) {
      throw new UsageError(
        'model-file',
        `'${arg}' is not a TypeScript or JavaScript file; give a .ts model file`,
      );
    }
    return [path];
  }
  const bundled = join(BUNDLED, `${arg}.ts`);
  if ((await kind(bundled)) === 'file') return [bundled];
  throw new UsageError(
    'model-file',
    `no model file or bundled model named '${arg}'; run 'weft list' to see the bundled models`,
  );
}

function isModel(value: unknown): value is Model {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Record<keyof Model, unknown>>;
  return typeof m.name === 'string' && Array.isArray(m.threads) && typeof m.options === 'object';
}

/**
 * Imports a model file. A `.ts` file outside any `"type": "module"` package is compiled as
 * CommonJS, which cannot load Weft's ES modules from inside this process; such files go through
 * tsx's own `tsImport` instead, which unwraps to the same default export.
 */
async function importModel(path: string): Promise<{ default?: unknown }> {
  const url = pathToFileURL(path).href;
  try {
    return (await import(url)) as { default?: unknown };
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('require()')) throw error;
    const wrapped = (await tsImport(url, import.meta.url)) as { default?: { default?: unknown } };
    return { default: wrapped.default?.default ?? wrapped.default };
  }
}

/** Loads one model file; any failure becomes a one-line `UsageError`. */
async function loadFile(path: string, cwd: string): Promise<LoadedModel> {
  const near = relative(cwd, path);
  const file = near === '' || near.startsWith('..') ? path : near;
  let module: { default?: unknown };
  try {
    module = await importModel(path);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const reason = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .slice(0, 2)
      .join(' ');
    throw new UsageError('model-file', `cannot load model file '${file}': ${reason}`);
  }
  if (!isModel(module.default)) {
    throw new UsageError(
      'model-export',
      `'${file}' has no default export made with model(name, body); add 'export default ` +
        `model(...)'`,
    );
  }
  return { file, model: module.default };
}

/** Loads the models the arguments name, or every bundled model when there are none. */
export async function loadModels(args: readonly string[], cwd: string): Promise<LoadedModel[]> {
  const files =
    args.length === 0
      ? await filesFor(BUNDLED, cwd)
      : (await Promise.all(args.map((a) => filesFor(a, cwd)))).flat();
  const loaded: LoadedModel[] = [];
  for (const f of files) loaded.push(await loadFile(f, cwd));
  return loaded;
}

/** Throws a one-line `UsageError` for the first problem of an invalid model. */
export function requireValid(loaded: LoadedModel): void {
  const problem = validateModel(loaded.model)[0];
  if (problem === undefined) return;
  throw new UsageError(
    'model-file',
    `model '${loaded.model.name}' in '${loaded.file}': ${formatProblem(problem)}`,
  );
}
