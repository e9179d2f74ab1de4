import test from 'ava';
import { readdirSync } from 'node:fs';
import {
  check,
  enabledChoices,
  findingAlong,
  parseSchedule,
  replayNamed,
  start,
  step,
  type Choice,
  type MachineState,
  type Model,
} from '../../src/index.js';

const MODELS = new URL('../../models/', import.meta.url);

/** Deepest schedule the brute-force oracle enumerates. */
const ORACLE_DEPTH = 8;

/**
 * The fewest steps any schedule needs to violate `property`, found by enumerating every
 * schedule of length 1, 2, ... (iterative deepening, no visited set): an oracle independent of
 * the checker's own searches.
 */
function minimumSteps(model: Model, initial: MachineState, property: string): number | null {
  const reaches = (state: MachineState, prefix: readonly Choice[], left: number): boolean => {
    for (const choice of enabledChoices(model, state)) {
      const schedule = [...prefix, choice];
      const found = findingAlong(model, schedule);
      if (found !== null && found.index === schedule.length - 1) {
        if (found.finding.kind === 'violation' && found.finding.property === property) return true;
        continue;
      }
      if (left > 1 && reaches(step(model, state, choice).state, schedule, left - 1)) return true;
    }
    return false;
  };
  for (let depth = 1; depth <= ORACLE_DEPTH; depth++) {
    if (reaches(initial, [], depth)) return depth;
  }
  return null;
}

const failing: { name: string; model: Model }[] = [];
for (const file of readdirSync(MODELS)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const module = (await import(new URL(file, MODELS).href)) as { default: Model };
  if (module.default.expect.verdict === 'violation')
    failing.push({ name: file, model: module.default });
}

test('several bundled models are expected to fail', (t) => {
  t.true(failing.length >= 4);
});

for (const { name, model } of failing) {
  test(`${name}: the counterexample has the fewest steps and its replay line reproduces it`, (t) => {
    const verdict = check(model, { clock: () => 0 });
    if (verdict.kind !== 'violation') {
      t.fail(`expected a violation, got ${verdict.kind}`);
      return;
    }
    const begin = start(model);
    if (begin.kind !== 'ready') {
      t.fail(begin.reason);
      return;
    }
    const { schedule, replay, shortest } = verdict.counterexample;
    t.true(shortest);
    t.is(minimumSteps(model, begin.state, verdict.property), schedule.length);

    const named = parseSchedule(replay);
    if (!Array.isArray(named)) {
      t.fail(`replay string does not parse: ${replay}`);
      return;
    }
    const replayed = replayNamed(model, begin.state, named);
    t.is(replayed.mismatch, null);
    const again = findingAlong(
      model,
      replayed.transitions.map((tr) => tr.choice),
    );
    t.is(again?.index, schedule.length - 1);
    t.deepEqual(again?.finding, {
      kind: 'violation',
      property: verdict.property,
      message: verdict.message,
    });
  });
}
