import test from 'ava';
import {
  EMPTY_CLOCK,
  entry,
  EPOLL_CTL_ADD,
  EPOLLET,
  EPOLLIN,
  EPOLLOUT,
  fd,
  joinInto,
  leq,
  threadId,
  tickInto,
} from '../../src/kernel/index.js';
import { delivered, Session, T0, T1, T2 } from './helpers.js';

const E = fd(3);

test('joinInto takes the entry-wise maximum and fills holes with 0', (t) => {
  const into = [3, 0];
  joinInto(into, [1, 4, 0, 2]);
  t.deepEqual(into, [3, 4, 0, 2]);

  const empty: number[] = [];
  joinInto(empty, [0, 5]);
  t.deepEqual(empty, [0, 5]);
});

test('tickInto increments one entry, padding with 0', (t) => {
  const clock: number[] = [];
  tickInto(clock, threadId(2));
  tickInto(clock, threadId(2));
  tickInto(clock, threadId(0));
  t.deepEqual(clock, [1, 0, 2]);
});

test('entry reads past the end as 0 and leq compares entry-wise', (t) => {
  t.is(entry([4], threadId(0)), 4);
  t.is(entry([4], threadId(3)), 0);
  t.true(leq(EMPTY_CLOCK, [0, 1]));
  t.true(leq([1, 2], [1, 2, 3]));
  t.false(leq([1, 3], [2, 2]));
  t.false(leq([0, 0, 1], [5, 5]));
});

/** An epoll at fd 3 watching eventfds at fds 4 and 5 for EPOLLIN, data 4 and 5. */
function twoEventfds(): Session {
  const s = new Session(3);
  s.fd('epollCreate1', T0);
  for (const n of [4, 5]) {
    s.fd('eventfd', T0);
    s.call('epollCtl', T0, E, EPOLL_CTL_ADD, fd(n), EPOLLIN | EPOLLET, BigInt(n));
  }
  return s;
}

test('an edge joins the notifier clock into the interest and ticks the notifier', (t) => {
  const s = twoEventfds();
  s.call('write', T1, fd(4), 8, 1n);

  t.deepEqual(s.eventfd(4).clock, []);
  t.deepEqual(s.interest(3, 4, 4).clock, [0, 1]);
  t.deepEqual(s.interest(3, 4, 4).edgeClock, [0, 1]);
  t.deepEqual(s.clock(T1), [0, 2]);
});

test('the interest clock only grows with later edges', (t) => {
  const s = twoEventfds();
  s.call('write', T1, fd(4), 8, 1n);
  s.call('write', T2, fd(4), 8, 1n);

  t.deepEqual(s.interest(3, 4, 4).clock, [0, 1, 1]);
  t.deepEqual(s.interest(3, 4, 4).edgeClock, [0, 0, 1]);
  t.deepEqual(s.clock(T2), [0, 0, 2]);
});

test('an update without an edge leaves the interest clock alone', (t) => {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  const [a] = s.pair('socketpair', T0);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, a, EPOLLOUT | EPOLLET, 1n);
  const clock = s.interest(3, 4, 4).clock;

  s.call('write', T1, a, 1);
  t.deepEqual(s.interest(3, 4, 4).clock, clock);
  t.deepEqual(s.clock(T1), [0, 1]);
});

test('delivery acquires the clocks of exactly the delivered interests', (t) => {
  const s = twoEventfds();
  s.call('write', T1, fd(4), 8, 1n);
  s.call('write', T2, fd(5), 8, 1n);

  t.deepEqual(s.call('epollWait', T0, E, 1, 0).outcome, delivered([EPOLLIN, 4n]));
  t.deepEqual(s.clock(T0), [0, 1]);
  t.deepEqual(s.call('epollWait', T0, E, 1, 0).outcome, delivered([EPOLLIN, 5n]));
  t.deepEqual(s.clock(T0), [0, 1, 1]);
});

test('a woken waiter acquires the clock of the event it receives', (t) => {
  const s = twoEventfds();
  s.call('epollWait', T0, E, 8, -1);
  s.call('write', T2, fd(5), 8, 1n);

  t.deepEqual(s.clock(T0), [0, 0, 1]);
});

test('an empty or timed-out epoll_wait acquires nothing', (t) => {
  const s = twoEventfds();
  s.call('write', T1, fd(4), 8, 1n);
  s.call('epollWait', T2, E, 8, 0);
  const clock = s.clock(T2);

  t.deepEqual(s.call('epollWait', T2, E, 8, 0).outcome, delivered());
  s.call('epollWait', T2, E, 8, 5);
  s.timeout(T2);
  t.deepEqual(s.clock(T2), clock);
});
