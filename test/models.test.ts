import test from 'ava';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_MODELS } from '../bench/models/index.js';
import { check, meetsExpectation, type Model, type Verdict } from '../src/index.js';

const MODELS_DIR = new URL('../models/', import.meta.url);

const modelFiles = readdirSync(fileURLToPath(MODELS_DIR))
  .filter((file) => file.endsWith('.ts'))
  .sort();

function isModelModule(mod: unknown): mod is { default: Model } {
  if (typeof mod !== 'object' || mod === null || !('default' in mod)) return false;
  const candidate: unknown = mod.default;
  return typeof candidate === 'object' && candidate !== null && 'threads' in candidate;
}

async function loadModel(file: string): Promise<Model> {
  const mod: unknown = await import(new URL(file, MODELS_DIR).href);
  if (!isModelModule(mod)) throw new Error(`models/${file} has no default export made by model()`);
  return mod.default;
}

function run(model: Model): Verdict {
  return check(model, { clock: () => performance.now() });
}

function describeVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'pass':
      return 'pass';
    case 'violation':
      return `violation of ${verdict.property}: ${verdict.message} (${verdict.counterexample.replay})`;
    case 'bound-reached':
      return `bound reached: ${verdict.detail}`;
    case 'error':
    case 'unsupported':
      return `${verdict.kind}: ${verdict.message}`;
  }
}

test('the models folder holds at least 18 models', (t) => {
  t.true(modelFiles.length >= 18);
});

for (const file of modelFiles) {
  const name = basename(file, '.ts');

  test(`model ${name} meets its expected verdict`, async (t) => {
    const model = await loadModel(file);
    t.is(model.name, name, 'the model is named after its file');
    t.not(model.description, '', 'the model describes itself');

    const verdict = run(model);
    t.true(meetsExpectation(model.expect, verdict), describeVerdict(verdict));
    if (model.expect.verdict === 'violation' && verdict.kind === 'violation') {
      t.is(verdict.property, model.expect.property);
    }
  });
}

const EXACT_COUNTS: readonly (readonly [string, number, number])[] = [
  ['eventfd-producer-consumer', 5, 5],
  ['two-waiters-one-event', 14, 19],
  ['socketpair-edge-drain', 17, 21],
  ['close-without-dup', 15, 21],
];

for (const [name, states, transitions] of EXACT_COUNTS) {
  test(`model ${name} reaches ${states} states and ${transitions} transitions on every run`, async (t) => {
    const model = await loadModel(`${name}.ts`);
    for (const verdict of [run(model), run(model)]) {
      if (verdict.kind !== 'pass') {
        t.fail(describeVerdict(verdict));
        return;
      }
      t.is(verdict.stats.states, states);
      t.is(verdict.stats.transitions, transitions);
    }
  });
}

for (const bench of BENCH_MODELS.filter((b) => b.id !== 'S4')) {
  test(`benchmark model ${bench.id} passes`, (t) => {
    const verdict = run(bench.model);
    t.is(verdict.kind, 'pass', describeVerdict(verdict));
    t.true(meetsExpectation(bench.model.expect, verdict));
  });
}

test('leaving unobservable clocks out changes no bundled verdict', async (t) => {
  for (const name of modelFiles) {
    const model = await loadModel(name);
    const exact = { ...model, options: { ...model.options, clocks: 'exact' as const } };
    const [auto, kept] = [run(model), run(exact)];
    t.is(auto.kind, kept.kind, name);
    t.is(
      auto.kind === 'violation' ? auto.property : null,
      kept.kind === 'violation' ? kept.property : null,
      name,
    );
  }
});

/** Exact clocks, and clocks left out: the states SPIN reports for the same models (peers/spin). */
const SPIN_STATES: readonly (readonly [string, 'exact' | 'auto', number])[] = [
  ['S1', 'exact', 43],
  ['S1', 'auto', 33],
  ['S3', 'auto', 801],
];

for (const [id, clocks, states] of SPIN_STATES) {
  test(`benchmark model ${id} with ${clocks} clocks reaches SPIN's ${states} states`, (t) => {
    const bench = BENCH_MODELS.find((b) => b.id === id);
    if (bench === undefined) {
      t.fail(`no benchmark model ${id}`);
      return;
    }
    const model = { ...bench.model, options: { ...bench.model.options, clocks } };
    const verdict = run(model);
    t.is(verdict.kind === 'pass' ? verdict.stats.states : null, states);
  });
}
