import test from 'ava';
import messagePassing from '../../models/message-passing.js';
import messagePassingRace from '../../models/message-passing-race.js';
import {
  findingAlong,
  judgeStep,
  model,
  PROPERTIES,
  randomSearch,
  type Finding,
  type Model,
  type RandomHooks,
} from '../../src/index.js';
import { shrinkSchedule } from '../../src/shrink/index.js';
import { noisyRace, replayOf } from '../shrink/models.js';

const MINIMAL_RACE = 'producer:write,producer:store,consumer:epoll_wait,consumer:load';

/** Hooks that judge every property, as a check does, and count a finding of one kind as one. */
function hooksFor(m: Model): RandomHooks<Finding> {
  return {
    clock: () => 0,
    judge: (before, transition, after, terminal, fresh) =>
      judgeStep(PROPERTIES, { model: m, before, transition, after, terminal, fresh }),
    same: (a, b) =>
      a.kind === 'violation' && b.kind === 'violation'
        ? a.property === b.property
        : a.kind === b.kind,
  };
}

test('random search finds the race in the bundled model, the same twice', (t) => {
  const options = { runs: 100, seed: 42, maxDepth: 50 };
  const first = randomSearch(messagePassingRace, options, hooksFor(messagePassingRace));
  t.deepEqual(randomSearch(messagePassingRace, options, hooksFor(messagePassingRace)), first);
  if (first.kind !== 'found') {
    t.fail(`expected a race, got ${first.kind}`);
    return;
  }
  t.like(first.finding, { kind: 'violation', property: 'no-data-race' });
  t.true(first.shrunk.length <= first.schedule.length);
  t.is(first.seed, 42);
  t.is(replayOf(messagePassingRace, first.shrunk), MINIMAL_RACE);
  t.like(findingAlong(messagePassingRace, first.shrunk), {
    index: first.shrunk.length - 1,
    finding: { property: 'no-data-race' },
  });
});

test("fast-check's shrinking cuts the noise out of a long random schedule", (t) => {
  const found = randomSearch(noisyRace, { runs: 100, seed: 1, maxDepth: 100 }, hooksFor(noisyRace));
  if (found.kind !== 'found') {
    t.fail(`expected a race, got ${found.kind}`);
    return;
  }
  t.true(found.shrunk.length < found.schedule.length);
  // Every index shrinks to 0, the first enabled choice: main's step after the setup comes first.
  t.is(
    replayOf(noisyRace, found.shrunk),
    'main:late,producer:write,producer:store,consumer:epoll_wait,consumer:inside,consumer:load',
  );
  t.is(
    replayOf(noisyRace, shrinkSchedule(noisyRace, found.shrunk, 'no-data-race').schedule),
    'producer:write,producer:store,consumer:epoll_wait,consumer:inside,consumer:load',
  );
  t.like(findingAlong(noisyRace, found.schedule), { index: found.schedule.length - 1 });
});

test('the seed and path of a found run replay its shrunk schedule', (t) => {
  const hooks = hooksFor(noisyRace);
  const found = randomSearch(noisyRace, { runs: 100, seed: 3, maxDepth: 100 }, hooks);
  if (found.kind !== 'found') {
    t.fail(`expected a race, got ${found.kind}`);
    return;
  }
  const options = { runs: 100, seed: found.seed, maxDepth: 100, path: found.path };
  const again = randomSearch(noisyRace, options, hooks);
  t.like(again, { kind: 'found', shrunk: found.shrunk, seed: found.seed });
});

test('without shrinking, or with no shrinks left, the first schedule found is reported', (t) => {
  for (const limit of [{ shrink: false }, { maxShrinks: 0 }]) {
    const options = { runs: 100, seed: 1, maxDepth: 100, ...limit };
    const found = randomSearch(noisyRace, options, hooksFor(noisyRace));
    t.is(found.kind, 'found');
    if (found.kind === 'found') t.deepEqual(found.shrunk, found.schedule);
  }
});

test('a model without a problem runs every run and reports what it saw', (t) => {
  const result = randomSearch(
    messagePassing,
    { runs: 25, seed: 7, maxDepth: 50 },
    hooksFor(messagePassing),
  );
  t.like(result, { kind: 'none', runs: 25, stats: { maxDepth: 4, durationMs: 0, peakMemory: 0 } });
  if (result.kind === 'none') {
    t.true(result.stats.transitions >= 25 * 4);
    t.true(result.stats.states > 1 && result.stats.states <= 7);
  }
});

test('the depth limit cuts every walk', (t) => {
  const result = randomSearch(noisyRace, { runs: 10, seed: 5, maxDepth: 2 }, hooksFor(noisyRace));
  t.like(result, { kind: 'none', runs: 10, stats: { maxDepth: 2 } });
});

test('a model whose setup fails reports why', (t) => {
  const blocking = model('setup-blocks', (m) => {
    const efd = m.eventfd(0, 0);
    m.read(efd);
  });
  t.like(randomSearch(blocking, { runs: 10, seed: 1, maxDepth: 10 }, hooksFor(blocking)), {
    kind: 'failed',
  });
});
