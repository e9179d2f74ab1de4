import test from 'ava';
import {
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLLET,
  EPOLLIN,
  EPOLLOUT,
  fd,
  MUTANTS,
  type Mutant,
} from '../../src/kernel/index.js';
import { delivered, returned, Session, T0, T1, T2, woke } from './helpers.js';

const E = fd(3);
const X = fd(4);

/** An epoll at fd 3 watching an eventfd at fd 4 (counter `initval`) for `mask`, data 7. */
function watched(mutant: Mutant | null, mask = EPOLLIN, initval = 0): Session {
  // A release build: a debug build would stop at the stale interest's first delivery instead.
  const s = new Session(3, { mutant, debugAssertions: false });
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0, initval);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, X, mask | EPOLLET, 7n);
  return s;
}

test('every mutant has a test in this file', (t) => {
  t.deepEqual(MUTANTS, [
    'wake-all-waiters',
    'eventfd-read-skips-update',
    'del-keeps-ready-key',
    'ctl-skips-wakeup',
    'edge-skips-release',
  ]);
});

test('wake-all-waiters wakes a waiter with nothing left to take, which panics', (t) => {
  const seed = watched(null);
  const mutant = watched('wake-all-waiters');
  for (const s of [seed, mutant]) {
    s.call('epollWait', T1, E, 8, -1);
    s.call('epollWait', T2, E, 8, -1);
  }

  t.deepEqual(seed.call('write', T0, X, 8, 1n).wakeups, [woke(T1, [EPOLLIN, 7n])]);
  t.deepEqual(seed.epoll(3).queue, [2]);
  t.deepEqual(mutant.call('write', T0, X, 8, 1n).outcome, {
    kind: 'panic',
    call: 'write',
    message: 'we got woken up with no events to deliver',
    code: 'woken-without-events',
  });
});

test('eventfd-read-skips-update leaves stale active events and no edge after a read', (t) => {
  const seed = watched(null, EPOLLIN | EPOLLOUT, 1);
  const mutant = watched('eventfd-read-skips-update', EPOLLIN | EPOLLOUT, 1);
  for (const s of [seed, mutant]) {
    t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN | EPOLLOUT, 7n]));
    t.deepEqual(s.call('read', T1, X).outcome, returned(8, { value: 1n }));
  }

  t.is(seed.interest(3, 4, 4).active, EPOLLOUT);
  t.deepEqual(seed.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 7n]));
  t.is(mutant.interest(3, 4, 4).active, EPOLLIN | EPOLLOUT);
  t.deepEqual(mutant.call('epollWait', T0, E, 8, 0).outcome, delivered());
});

test('under a debug build, the stale interest of eventfd-read-skips-update panics the next delivery', (t) => {
  const s = new Session(3, { mutant: 'eventfd-read-skips-update' });
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0, 1);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, X, EPOLLIN | EPOLLOUT | EPOLLET, 7n);
  s.call('epollWait', T0, E, 8, 0);
  s.call('read', T1, X);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, {
    kind: 'panic',
    call: 'epoll_wait',
    message:
      'assertion `left == right` failed: interest (4, 4) has active events EPOLLIN|EPOLLOUT, ' +
      'its description reports EPOLLOUT',
    code: 'active-mismatch',
  });
});

test('del-keeps-ready-key leaves the key ready, and the next epoll_wait panics', (t) => {
  const seed = watched(null, EPOLLIN, 1);
  const mutant = watched('del-keeps-ready-key', EPOLLIN, 1);
  for (const s of [seed, mutant]) s.call('epollCtl', T0, E, EPOLL_CTL_DEL, X);

  t.deepEqual(seed.ready(3), []);
  t.deepEqual(seed.call('epollWait', T0, E, 8, 0).outcome, delivered());
  t.deepEqual(mutant.ready(3), [[4, 4]]);
  t.deepEqual(mutant.epoll(3).interests, []);
  t.deepEqual(mutant.call('epollWait', T0, E, 8, 0).outcome, {
    kind: 'panic',
    call: 'epoll_wait',
    message: 'non-existent event in ready set',
    code: 'missing-ready-interest',
  });
});

test('ctl-skips-wakeup makes a ready ADD leave the waiter blocked', (t) => {
  const sessions = [new Session(2), new Session(2, { mutant: 'ctl-skips-wakeup' })] as const;
  for (const s of sessions) {
    s.fd('epollCreate1', T0);
    s.fd('eventfd', T0, 1);
    s.call('epollWait', T1, E, 8, -1);
  }
  const [seed, mutant] = sessions;

  t.deepEqual(seed.call('epollCtl', T0, E, EPOLL_CTL_ADD, X, EPOLLIN | EPOLLET, 7n).wakeups, [
    woke(T1, [EPOLLIN, 7n]),
  ]);
  t.deepEqual(mutant.call('epollCtl', T0, E, EPOLL_CTL_ADD, X, EPOLLIN | EPOLLET, 7n).wakeups, []);
  t.deepEqual(mutant.ready(3), [[4, 4]]);
  t.deepEqual(mutant.epoll(3).queue, [1]);
});

test('edge-skips-release keeps the notifier clock out of the interest', (t) => {
  const seed = watched(null);
  const mutant = watched('edge-skips-release');
  for (const s of [seed, mutant]) {
    s.call('write', T1, X, 8, 1n);
    s.call('epollWait', T0, E, 8, 0);
  }

  t.deepEqual(seed.interest(3, 4, 4).clock, [0, 1]);
  t.deepEqual(seed.clock(T0), [0, 1]);
  t.deepEqual(seed.clock(T1), [0, 2]);
  t.deepEqual(mutant.interest(3, 4, 4).clock, []);
  t.deepEqual(mutant.interest(3, 4, 4).edgeClock, [0, 1]);
  t.deepEqual(mutant.clock(T0), []);
  t.deepEqual(mutant.clock(T1), [0, 1]);
});
