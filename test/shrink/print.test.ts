import test from 'ava';
import { mkdirSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check, EPOLLIN, model, type Model, type Verdict } from '../../src/index.js';
import { printModel, quote, shrinkModel } from '../../src/shrink/index.js';
import { noisyRace } from './models.js';

const TMP_ROOT = fileURLToPath(new URL('../.tmp/', import.meta.url));
/** This run's own folder, so that parallel runs never delete each other's files. */
const TMP = `${TMP_ROOT}print-${process.pid}/`;
const MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

function isModule(mod: unknown): mod is { default: Model } {
  return typeof mod === 'object' && mod !== null && 'default' in mod;
}

test.after.always(() => {
  rmSync(TMP, { recursive: true, force: true });
  try {
    if (readdirSync(TMP_ROOT).length === 0) rmdirSync(TMP_ROOT);
  } catch {
    // Another run may be using the folder, or have removed it already: either way, leave it.
  }
});

/** Writes the printed source of `m` to a file under `test/.tmp/`, imports it, then deletes it. */
async function roundTrip(m: Model, name: string): Promise<Model> {
  mkdirSync(TMP, { recursive: true });
  const file = `${TMP}${name}.ts`;
  writeFileSync(file, printModel(m, { importFrom: '../../../src/index.js' }));
  try {
    const mod: unknown = await import(pathToFileURL(file).href);
    if (!isModule(mod)) throw new Error(`${file} has no default export`);
    return mod.default;
  } finally {
    rmSync(file);
  }
}

const verdictOf = (m: Model): Verdict => check(m, { clock: () => 0, shortest: false });

/** Text that needs escaping, bigints at both ends of their range, a loop and a branch. */
const awkward = model("it's \\ awkward", (m) => {
  m.describe(
    'quotes \' " `${x}`, a tab\t, a newline\n, \u2028, \u0000 then 1, a lone \ud800, é ✓ 🙂',
  );
  m.configure({ eventfdLimit: 5n });
  const efd = m.eventfd(0, 0, { as: 'efd' });
  m.variable('big', -(1n << 63n));
  m.thread("o'brien", (t) => {
    t.loop('spin', 2, () => {
      const w = t.write(efd, 18446744073709551615n, { label: 'write \\ "odd"' });
      t.break(w.errno);
    });
    t.epollCtl(efd, 'ADD', efd, EPOLLIN, 1n << 62n);
  });
  m.final(true, 'it ends\nwell');
});

test('a printed model imports back as an equal model with the same verdict', async (t) => {
  const shrunk = shrinkModel(noisyRace, 'no-data-race').model;
  for (const [name, m] of [
    ['shrunk', shrunk],
    ['noisy', noisyRace],
    ['awkward', awkward],
  ] as const) {
    const back = await roundTrip(m, name);
    t.deepEqual(back, m);
    t.deepEqual(verdictOf(back), verdictOf(m));
  }
});

test('every bundled model survives printing', async (t) => {
  const files = readdirSync(MODELS).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(`${MODELS}${file}`).href);
    if (!isModule(mod)) throw new Error(`${file} has no default export`);
    const back = await roundTrip(mod.default, file.replace(/\.ts$/u, ''));
    t.deepEqual(back, mod.default, file);
    t.deepEqual(verdictOf(back), verdictOf(mod.default), file);
  }
});

test('a printed model is TypeScript a user can paste into models/', (t) => {
  const text = printModel(shrinkModel(noisyRace, 'no-data-race').model);
  t.true(
    text.startsWith("import type { Model } from '../src/index.js';\n\nconst model: Model = {\n"),
  );
  t.true(text.endsWith('};\n\nexport default model;\n'));
  t.regex(text, /eventfdLimit: 18446744073709551614n,/u);
  t.true(text.split('\n').every((line) => line.length <= 100));
});

test('quote escapes what a single-quoted literal cannot hold', (t) => {
  t.is(quote("it's"), "'it\\'s'");
  t.is(quote('a\\b'), "'a\\\\b'");
  t.is(quote('line\nnext\r\t'), "'line\\nnext\\r\\t'");
  t.is(quote('\u0000' + '1'), "'\\u00001'");
  t.is(quote('\u2028\ud800'), "'\\u2028\\ud800'");
  t.is(quote('\udc00\ud83d'), "'\\udc00\\ud83d'");
  t.is(quote('é ✓ 🙂'), "'é ✓ 🙂'");
});
