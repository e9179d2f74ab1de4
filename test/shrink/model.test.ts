import test from 'ava';
import messagePassing from '../../models/message-passing.js';
import { check, model, validateModel, type Instruction, type Model } from '../../src/index.js';
import { shrinkModel, withoutInstruction, withoutThread } from '../../src/shrink/index.js';
import { noisyRace } from './models.js';

const labels = (m: Model) =>
  Object.fromEntries(m.threads.map((th) => [th.name, th.program.map((i) => i.label)]));

function jumpTarget(i: Instruction | undefined): number | null {
  if (i?.op === 'jump') return i.to;
  if (i?.op === 'loop') return i.exit;
  return null;
}

test('the model shrinks to the race and nothing else', (t) => {
  const { model: shrunk, tries } = shrinkModel(noisyRace, 'no-data-race');
  t.deepEqual(labels(shrunk), {
    main: ['eventfd', 'epoll_create1', 'epoll_ctl'],
    producer: ['write', 'store'],
    consumer: ['epoll_wait', 'assert', 'if', 'load'],
  });
  t.is(shrunk.setup, 3);
  t.is(jumpTarget(shrunk.threads[2]?.program[2]), 3);
  t.deepEqual(validateModel(shrunk), []);
  t.like(check(shrunk, { clock: () => 0 }), { kind: 'violation', property: 'no-data-race' });
  t.true(tries <= 100);
});

test('model shrinking is deterministic', (t) => {
  t.deepEqual(shrinkModel(noisyRace, 'no-data-race'), shrinkModel(noisyRace, 'no-data-race'));
});

test('a model whose check finds no violation of the property comes back unchanged', (t) => {
  t.deepEqual(shrinkModel(messagePassing, 'no-data-race'), { model: messagePassing, tries: 1 });
  t.deepEqual(shrinkModel(noisyRace, 'no-deadlock'), { model: noisyRace, tries: 1 });
});

test('model shrinking checks no more candidates than maxTries', (t) => {
  const limits = { maxTries: 3, states: 200_000, depth: 1_000 };
  const { model: shrunk, tries } = shrinkModel(noisyRace, 'no-data-race', limits);
  t.is(tries, 3);
  t.true(shrunk.threads.length < noisyRace.threads.length);
});

/** A thread with an `if`, a loop with a break and calls after both, to move targets around. */
const branchy = model('branchy', (m) => {
  const efd = m.eventfd(0, 0, { as: 'efd' });
  m.thread('worker', (t) => {
    t.eventfd(0, 0, { label: 'first' });
    t.loop('spin', 2, () => {
      t.eventfd(0, 0, { label: 'body' });
      t.break();
    });
    const w = t.write(efd, 1n);
    t.if(w.ret, () => t.eventfd(0, 0, { label: 'then' }));
    t.close(efd);
  });
});

test('removing an instruction moves every jump and loop exit above it down by one', (t) => {
  const worker = branchy.threads[1]?.program ?? [];
  const targets = (m: Model) => (m.threads[1]?.program ?? []).map(jumpTarget);
  const first = worker.findIndex((i) => i.label === 'first');
  const then = worker.findIndex((i) => i.label === 'then');
  const before = targets(branchy);

  const early = withoutInstruction(branchy, 1, first);
  t.deepEqual(
    targets(early),
    before.filter((_, pc) => pc !== first).map((to) => (to === null ? null : to - 1)),
  );
  t.deepEqual(validateModel(early), []);

  const late = withoutInstruction(branchy, 1, then);
  t.deepEqual(
    targets(late),
    before.filter((_, pc) => pc !== then).map((to) => (to !== null && to > then ? to - 1 : to)),
  );
  t.deepEqual(validateModel(late), []);
  t.deepEqual(check(late, { clock: () => 0 }).kind, 'pass');
});

test('removing a setup call shortens the setup, and removing a thread keeps the others', (t) => {
  const spare = noisyRace.threads[0]?.program.findIndex((i) => i.label === 'spare') ?? -1;
  t.is(withoutInstruction(noisyRace, 0, spare).setup, noisyRace.setup - 1);
  t.is(withoutInstruction(noisyRace, 0, noisyRace.setup).setup, noisyRace.setup);
  t.deepEqual(
    withoutThread(noisyRace, 1).threads.map((th) => th.name),
    ['main', 'consumer', 'noise-a', 'noise-b', 'noise-c'],
  );
});
