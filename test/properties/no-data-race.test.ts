import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'no-data-race';

/** A writer stores `x` and a reader loads it, after joining the writer or not. */
function publish(join: boolean) {
  return model('publish', (m) => {
    m.variable('x');
    m.thread('writer', (w) => {
      w.store('x', 1);
    });
    m.thread('reader', (r) => {
      if (join) r.join('writer');
      r.load('x');
    });
  });
}

test('a store and a load with no synchronisation race', (t) => {
  const replay = violates(
    t,
    publish(false),
    ID,
    "reader's load of 'x' races with writer's earlier store",
  );
  t.is(replay, 'writer:store,reader:load');
});

test('the reverse order races as a store after a load', (t) => {
  const [, race] = walk(publish(false), [1, 0]);
  if (race === undefined) throw new Error('the walk ended early');
  t.is(property(ID).check(race), "writer's store of 'x' races with reader's earlier load");
});

test('a load after joining the writer does not race', (t) => {
  passes(t, publish(true));
});

testProp(
  'no random schedule of the joined model races',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 4 })],
  (t, picks) => {
    for (const ctx of walk(publish(true), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
