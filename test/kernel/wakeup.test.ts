import test from 'ava';
import {
  EPOLL_CTL_ADD,
  EPOLL_CTL_MOD,
  EPOLLET,
  EPOLLIN,
  fd,
  type ThreadId,
} from '../../src/kernel/index.js';
import { delivered, returned, Session, T0, T1, T2, T3, woke } from './helpers.js';

const E = fd(3);
const ET_IN = EPOLLIN | EPOLLET;

/** An epoll at fd 3 and an eventfd at fd 4 watched twice, through fd 4 and its dup fd 5. */
function twoKeys(): Session {
  const s = new Session(4);
  s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  const copy = s.fd('dup', T0, x);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, x, ET_IN, 4n);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, copy, ET_IN, 5n);
  return s;
}

function wait(s: Session, t: ThreadId, maxevents: number): void {
  const { outcome } = s.call('epollWait', t, E, maxevents, -1);
  if (outcome.kind !== 'blocked') throw new Error(`thread ${t} did not block`);
}

test('a write wakes a blocked epoll_wait caller, which collects its events in that step', (t) => {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, x, ET_IN, 7n);
  wait(s, T0, 8);

  const step = s.call('write', T1, x, 8, 1n);
  t.deepEqual(step.outcome, returned(8));
  t.deepEqual(step.wakeups, [woke(T0, [EPOLLIN, 7n])]);
  t.deepEqual(s.k.threads[0], { clock: [0, 1], blocked: null });
  t.deepEqual(s.epoll(3).queue, []);
  t.deepEqual(s.ready(3), []);
  t.is(s.epoll(3).refs, 1);
});

test('k ready keys wake waiters in blocking order until the keys run out', (t) => {
  const s = twoKeys();
  wait(s, T1, 1);
  wait(s, T2, 1);
  wait(s, T3, 1);

  const step = s.call('write', T0, fd(4), 8, 1n);
  t.deepEqual(step.wakeups, [woke(T1, [EPOLLIN, 4n]), woke(T2, [EPOLLIN, 5n])]);
  t.deepEqual(s.epoll(3).queue, [3]);
  t.deepEqual(s.k.threads[3]?.blocked, { kind: 'epoll_wait', epoll: 3, maxevents: 1, timeout: -1 });
  t.is(s.epoll(3).refs, 2);
});

test('a woken waiter takes up to its own maxevents keys', (t) => {
  const s = twoKeys();
  wait(s, T1, 2);
  wait(s, T2, 1);

  const step = s.call('write', T0, fd(4), 8, 1n);
  t.deepEqual(step.wakeups, [woke(T1, [EPOLLIN, 4n], [EPOLLIN, 5n])]);
  t.deepEqual(s.epoll(3).queue, [2]);
});

test('the thread that blocked first is woken first', (t) => {
  const s = twoKeys();
  wait(s, T2, 1);
  wait(s, T1, 1);

  const step = s.call('write', T0, fd(4), 8, 1n);
  t.deepEqual(step.wakeups, [woke(T2, [EPOLLIN, 4n]), woke(T1, [EPOLLIN, 5n])]);
});

test('an update without an edge wakes nobody', (t) => {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  const [a] = s.pair('socketpair', T0);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, a, ET_IN, 1n);
  wait(s, T1, 8);

  const step = s.call('write', T0, a, 1);
  t.deepEqual(step.outcome, returned(1));
  t.deepEqual(step.wakeups, []);
  t.deepEqual(s.epoll(3).queue, [1]);
});

test('epoll_ctl ADD of a ready fd wakes a blocked waiter', (t) => {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0, 1);
  wait(s, T1, 8);

  const step = s.call('epollCtl', T0, E, EPOLL_CTL_ADD, x, ET_IN, 7n);
  t.deepEqual(step.outcome, returned(0));
  t.deepEqual(step.wakeups, [woke(T1, [EPOLLIN, 7n])]);
});

test('epoll_ctl MOD wakes a blocked waiter', (t) => {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0, 1);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, x, ET_IN, 7n);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 7n]));
  wait(s, T1, 8);

  const step = s.call('epollCtl', T0, E, EPOLL_CTL_MOD, x, ET_IN, 8n);
  t.deepEqual(step.wakeups, [woke(T1, [EPOLLIN, 8n])]);
});

test('one update wakes the waiters of several epolls in epoll id order', (t) => {
  const s = new Session(3);
  const first = s.fd('epollCreate1', T0);
  const second = s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  s.call('epollCtl', T0, second, EPOLL_CTL_ADD, x, ET_IN, 2n);
  s.call('epollCtl', T0, first, EPOLL_CTL_ADD, x, ET_IN, 1n);
  s.call('epollWait', T1, second, 8, -1);
  s.call('epollWait', T2, first, 8, -1);

  const step = s.call('write', T0, x, 8, 1n);
  t.deepEqual(step.wakeups, [woke(T2, [EPOLLIN, 1n]), woke(T1, [EPOLLIN, 2n])]);
});

test('a waiter on another epoll stays blocked', (t) => {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  const idle = s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, x, ET_IN, 1n);
  s.call('epollWait', T1, idle, 8, -1);

  t.deepEqual(s.call('write', T0, x, 8, 1n).wakeups, []);
  t.deepEqual(s.epoll(4).queue, [1]);
  t.deepEqual(s.ready(3), [[5, 5]]);
});
