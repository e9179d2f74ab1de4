import test from 'ava';
import {
  EFD_NONBLOCK,
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  EPOLLRDHUP,
  fd,
} from '../../src/kernel/index.js';
import { bits, delivered, failed, returned, Session, T0, T1, T2, woke } from './helpers.js';

const ET_IN = EPOLLIN | EPOLLET;
const STALE = 'someone forgot to remove the garbage from `machine.epoll_interests`';

/** An epoll at fd 3 and an eventfd at fd 4 (id 4), watched through its dup at fd 5 only. */
function watchedThroughDup(): Session {
  const s = new Session(2);
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0, 0, EFD_NONBLOCK);
  s.fd('dup', T0, fd(4));
  s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(5), ET_IN, 55n);
  return s;
}

test('an interest outlives the close of its fd while a dup keeps the description', (t) => {
  const s = watchedThroughDup();

  t.deepEqual(s.call('close', T0, fd(5)).outcome, returned(0));
  s.call('write', T0, fd(4), 8, 1n);
  t.deepEqual(s.call('epollWait', T0, fd(3), 8, 0).outcome, delivered([EPOLLIN, 55n]));
});

test('epoll_ctl DEL and MOD through the closed fd number give EBADF', (t) => {
  const s = watchedThroughDup();
  s.call('close', T0, fd(5));

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_DEL, fd(5)).outcome, failed('EBADF'));
  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_MOD, fd(5), ET_IN).outcome, failed('EBADF'));
  t.deepEqual(
    s.epoll(3).interests.map((i) => i.key),
    [{ id: 4, fd: 5 }],
  );
});

test('a new description at the closed number has its own key', (t) => {
  const s = watchedThroughDup();
  s.call('close', T0, fd(5));
  s.fd('eventfd', T0, 1);

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_DEL, fd(5)).outcome, failed('ENOENT'));
  s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(5), ET_IN, 66n);
  t.deepEqual(
    s.epoll(3).interests.map((i) => i.key),
    [
      { id: 4, fd: 5 },
      { id: 5, fd: 5 },
    ],
  );
  t.deepEqual(s.call('epollWait', T0, fd(3), 8, 0).outcome, delivered([EPOLLIN, 66n]));
});

test('the last close removes every interest in the description and wakes nobody', (t) => {
  const s = new Session(2);
  const first = s.fd('epollCreate1', T0);
  const second = s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  const copy = s.fd('dup', T0, x);
  s.call('epollCtl', T0, first, EPOLL_CTL_ADD, x, EPOLLOUT | EPOLLET);
  s.call('epollCtl', T0, first, EPOLL_CTL_ADD, copy, ET_IN);
  s.call('epollCtl', T0, second, EPOLL_CTL_ADD, x, ET_IN);
  s.call('epollWait', T1, second, 8, -1);
  s.call('close', T0, copy);
  t.is(s.epoll(3).interests.length, 2);

  const step = s.call('close', T0, x);
  t.deepEqual(step.wakeups, []);
  t.deepEqual(s.epoll(3).interests, []);
  t.deepEqual(s.ready(3), []);
  t.deepEqual(s.epoll(4).interests, []);
  t.deepEqual(s.k.interestTable, []);
  t.deepEqual(s.epoll(4).queue, [1]);
});

test('closing a socket end wakes a waiter on its peer with the hang-up', (t) => {
  const s = new Session(2);
  const [a, b] = s.pair('socketpair', T0);
  const e = s.fd('epollCreate1', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, b, ET_IN, 2n);
  s.call('epollWait', T1, e, 8, -1);

  const step = s.call('close', T0, a);
  t.deepEqual(step.wakeups, [woke(T1, [EPOLLIN | EPOLLHUP, 2n])]);
});

test('closing the fd a thread is blocked reading destroys it and the reader never wakes', (t) => {
  const s = new Session(3);
  const [a, b] = s.pair('socketpair', T0);
  const e = s.fd('epollCreate1', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, b, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, 2n);
  s.call('epollWait', T0, e, 8, 0);
  s.call('read', T1, a, 8);

  const step = s.call('close', T0, a);
  t.deepEqual(step.wakeups, []);
  t.is(s.description(3), null);
  t.deepEqual(
    s.call('epollWait', T0, e, 8, 0).outcome,
    delivered([bits(EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLHUP), 2n]),
  );
  t.deepEqual(s.call('write', T2, b, 4).outcome, failed('EPIPE'));
  t.deepEqual(s.k.threads[1]?.blocked, { kind: 'read', id: 3, len: 8 });
});

test('a reader blocked on a closed eventfd is never woken', (t) => {
  const s = new Session(2);
  const x = s.fd('eventfd', T0);
  s.call('read', T1, x);
  s.call('close', T0, x);
  const y = s.fd('eventfd', T0);

  t.deepEqual(s.call('write', T0, y, 8, 1n).wakeups, []);
  t.deepEqual(s.k.threads[1]?.blocked, { kind: 'read', id: 3, len: 8 });
});

test('threads blocked on a socket are not woken when the peer closes', (t) => {
  const s = new Session(3, { socketCapacity: 1 });
  const [a, b] = s.pair('socketpair', T0);
  s.call('read', T1, a, 8);
  s.call('write', T2, a, 1);
  s.call('write', T2, a, 1);

  t.deepEqual(s.call('close', T0, b).wakeups, []);
  t.deepEqual(s.k.threads[1]?.blocked, { kind: 'read', id: 3, len: 8 });
  t.deepEqual(s.k.threads[2]?.blocked, { kind: 'write', id: 3, len: 1, value: 0n });
});

test('closing an epoll with no waiter runs its destroy and clears its table rows', (t) => {
  const s = new Session(1);
  const e = s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  const [a] = s.pair('socketpair', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, x, ET_IN);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, a, ET_IN);

  t.deepEqual(s.call('close', T0, e).outcome, returned(0));
  t.is(s.description(3), null);
  t.deepEqual(s.k.interestTable, []);
  t.deepEqual(s.call('write', T0, x, 8, 1n).outcome, returned(8));
});

test('an epoll closed while a thread waits stays alive and still wakes the waiter', (t) => {
  const s = new Session(2);
  const e = s.fd('epollCreate1', T0);
  const [a, b] = s.pair('socketpair', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, a, ET_IN, 1n);
  s.call('epollWait', T0, e, 8, -1);

  t.deepEqual(s.call('close', T1, e).outcome, returned(0));
  t.is(s.epoll(3).refs, 1);
  const step = s.call('write', T1, b, 1);
  t.deepEqual(step.outcome, returned(1));
  t.deepEqual(step.wakeups, [woke(T0, [EPOLLIN, 1n])]);
  t.is(s.description(3), null);
  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [3] }]);

  const before = s.k;
  const second = s.call('write', T1, b, 1);
  t.deepEqual(second.outcome, {
    kind: 'panic',
    call: 'write',
    message: STALE,
    code: 'stale-interest-table',
  });
  t.is(second.state, before);
});

test('an epoll closed during a wait that times out is freed without its destroy', (t) => {
  const s = new Session(2);
  const e = s.fd('epollCreate1', T0);
  const x = s.fd('eventfd', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, x, ET_IN, 1n);
  s.call('epollWait', T0, e, 8, 10);
  s.call('close', T1, e);

  t.deepEqual(s.timeout(T0)?.outcome, returned(0));
  t.is(s.description(3), null);
  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [3] }]);
  t.deepEqual(s.call('write', T1, x, 8, 1n).outcome, {
    kind: 'panic',
    call: 'write',
    message: STALE,
    code: 'stale-interest-table',
  });
});

test('closing a dup of an epoll leaves it usable through the other fd', (t) => {
  const s = new Session(1);
  const e = s.fd('epollCreate1', T0);
  const copy = s.fd('dup', T0, e);
  const x = s.fd('eventfd', T0, 1);
  s.call('close', T0, e);

  t.deepEqual(s.call('epollCtl', T0, copy, EPOLL_CTL_ADD, x, ET_IN, 3n).outcome, returned(0));
  t.deepEqual(s.call('epollWait', T0, copy, 8, 0).outcome, delivered([EPOLLIN, 3n]));
});
