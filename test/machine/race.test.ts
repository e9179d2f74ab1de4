import test from 'ava';
import {
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  model,
  threadId,
  type Model,
  type ThreadBuilder,
} from '../../src/index.js';
import { runThreads, startOf } from './helpers.js';

const MAIN = threadId(0);
const A = threadId(1);
const B = threadId(2);

/** Races in the order the named threads step. */
function races(m: Model, names: readonly string[]) {
  return runThreads(m, startOf(m), names).transitions.map((tr) => tr.race);
}

/** Threads `a` and `b`, each making one access to `x`. */
function pair(a: 'store' | 'load', b: 'store' | 'load'): Model {
  const access = (t: ThreadBuilder, kind: 'store' | 'load', value: number) => {
    if (kind === 'store') t.store('x', value);
    else t.load('x');
  };
  return model(`${a}-${b}`, (m) => {
    m.variable('x');
    m.thread('a', (t) => {
      access(t, a, 1);
    });
    m.thread('b', (t) => {
      access(t, b, 2);
    });
  });
}

/** A writer that stores `x` and then writes an eventfd a reader waits for through epoll. */
const handoff = model('handoff', (m) => {
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);
  m.variable('x');
  m.thread('writer', (t) => {
    t.store('x', 1);
    t.write(efd, 1n);
  });
  m.thread('reader', (t) => {
    t.epollWait(ep, 1, -1);
    t.load('x');
  });
  m.thread('eager', (t) => t.load('x'));
});

test('two unordered stores race', (t) => {
  t.deepEqual(races(pair('store', 'store'), ['a', 'b']), [
    null,
    { variable: 'x', access: 'store', other: A, otherAccess: 'store' },
  ]);
});

test('a load after an unordered store races with it', (t) => {
  t.deepEqual(races(pair('store', 'load'), ['a', 'b']), [
    null,
    { variable: 'x', access: 'load', other: A, otherAccess: 'store' },
  ]);
});

test('a store after an unordered load races with it', (t) => {
  t.deepEqual(races(pair('store', 'load'), ['b', 'a']), [
    null,
    { variable: 'x', access: 'store', other: B, otherAccess: 'load' },
  ]);
});

test('two loads never race', (t) => {
  t.deepEqual(races(pair('load', 'load'), ['a', 'b']), [null, null]);
});

test('a store ordered through an eventfd write and an epoll delivery does not race', (t) => {
  t.deepEqual(races(handoff, ['reader', 'writer', 'writer', 'reader']), [null, null, null, null]);
  t.deepEqual(races(handoff, ['writer', 'writer', 'reader', 'reader']), [null, null, null, null]);
});

test('a load that no delivery orders after the store races', (t) => {
  t.deepEqual(races(handoff, ['writer', 'writer', 'eager']), [
    null,
    null,
    { variable: 'x', access: 'load', other: A, otherAccess: 'store' },
  ]);
});

test('a load after joining the writer does not race', (t) => {
  const m = model('join', (m) => {
    m.variable('x');
    m.thread('writer', (w) => {
      w.store('x', 1);
    });
    m.thread('reader', (r) => {
      r.join('writer');
      r.load('x');
    });
  });
  t.deepEqual(races(m, ['writer', 'reader', 'reader']), [null, null, null]);
});

test('a store in the setup happens before every thread', (t) => {
  const m = model('setup', (m) => {
    m.variable('x');
    m.store('x', 1);
    m.thread('a', (a) => a.load('x'));
  });
  t.deepEqual(races(m, ['a']), [null]);
});

test('a store by main after the setup races with a thread it did not order', (t) => {
  const m = model('after-setup', (m) => {
    m.variable('x');
    m.main((main) => {
      main.store('x', 1);
    });
    m.thread('a', (a) => a.load('x'));
  });
  t.deepEqual(races(m, ['main', 'a']), [
    null,
    { variable: 'x', access: 'load', other: MAIN, otherAccess: 'store' },
  ]);
});

test('accesses by one thread never race with each other', (t) => {
  const m = model('alone', (m) => {
    m.variable('x');
    m.thread('a', (a) => {
      a.store('x', 1);
      a.load('x');
      a.store('x', 2);
    });
  });
  t.deepEqual(races(m, ['a', 'a', 'a']), [null, null, null]);
});

test('a store records its writer and epoch and forgets earlier loads', (t) => {
  const m = pair('load', 'store');
  const loaded = runThreads(m, startOf(m), ['a']).state;
  t.deepEqual(loaded.variables, [{ value: 0, writer: null, writeEpoch: 0, reads: [0, 1, 0] }]);
  const stored = runThreads(m, loaded, ['b']).state;
  t.deepEqual(stored.variables, [{ value: 2, writer: B, writeEpoch: 1, reads: [0, 0, 0] }]);
});
