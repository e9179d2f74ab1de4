import test from 'ava';
import {
  EFD_NONBLOCK,
  EPOLL_CTL_ADD,
  EPOLLET,
  EPOLLIN,
  EPOLLOUT,
  fd,
  threadId,
  type Fd,
} from '../../src/kernel/index.js';
import { delivered, failed, returned, Session, T0, T1, T2, unsupported, woke } from './helpers.js';

const E = fd(3);
const ET_IN = EPOLLIN | EPOLLET;

/**
 * An epoll at fd 3 and eventfds a (fd 4, id 4) and b (fd 5, id 5), with fd 6 a dup of a. The
 * interests are added in the order b, a via 6, a via 4, each with its fd number as data.
 */
function threeKeys(): Session {
  const s = new Session();
  s.fd('epollCreate1', T0);
  const a = s.fd('eventfd', T0, 0, EFD_NONBLOCK);
  const b = s.fd('eventfd', T0, 0, EFD_NONBLOCK);
  const copy = s.fd('dup', T0, a);
  for (const n of [b, copy, a]) s.call('epollCtl', T0, E, EPOLL_CTL_ADD, n, ET_IN, BigInt(n));
  return s;
}

test('epoll_wait gives EINVAL for epfd <= 0 or maxevents <= 0, before EBADF', (t) => {
  const s = new Session();
  s.fd('epollCreate1', T0);

  t.deepEqual(s.call('epollWait', T0, fd(0), 8, 0).outcome, failed('EINVAL'));
  t.deepEqual(s.call('epollWait', T0, fd(-1), 8, 0).outcome, failed('EINVAL'));
  t.deepEqual(s.call('epollWait', T0, E, 0, 0).outcome, failed('EINVAL'));
  t.deepEqual(s.call('epollWait', T0, E, -5, -1).outcome, failed('EINVAL'));
  t.deepEqual(s.call('epollWait', T0, fd(99), 0, 0).outcome, failed('EINVAL'));
});

test('epoll_wait gives EBADF for a closed fd and for a non-epoll fd', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0, 1);

  t.deepEqual(s.call('epollWait', T0, fd(99), 8, 0).outcome, failed('EBADF'));
  t.deepEqual(s.call('epollWait', T0, x, 8, -1).outcome, failed('EBADF'));
  t.deepEqual(s.call('epollWait', T0, fd(1), 8, 0).outcome, failed('EBADF'));
});

test('epoll_wait with timeout 0 and nothing ready returns 0 events', (t) => {
  const s = new Session();
  s.fd('epollCreate1', T0);

  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());
  t.is(s.k.threads[0]?.blocked, null);
});

test('epoll_wait returns ready interests in key order, not readiness order', (t) => {
  const s = threeKeys();
  s.call('write', T0, fd(5), 8, 1n);
  s.call('write', T0, fd(4), 8, 1n);
  t.deepEqual(s.ready(3), [
    [4, 4],
    [4, 6],
    [5, 5],
  ]);

  t.deepEqual(
    s.call('epollWait', T0, E, 8, 0).outcome,
    delivered([EPOLLIN, 4n], [EPOLLIN, 6n], [EPOLLIN, 5n]),
  );
  t.deepEqual(s.ready(3), []);
});

test('epoll_wait delivers each edge once', (t) => {
  const s = threeKeys();
  s.call('write', T0, fd(5), 8, 1n);

  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 5n]));
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());
});

test('epoll_wait takes at most maxevents keys and leaves the rest ready', (t) => {
  const s = threeKeys();
  s.call('write', T0, fd(5), 8, 1n);
  s.call('write', T0, fd(4), 8, 1n);

  t.deepEqual(s.call('epollWait', T0, E, 2, 0).outcome, delivered([EPOLLIN, 4n], [EPOLLIN, 6n]));
  t.deepEqual(s.ready(3), [[5, 5]]);
  t.deepEqual(s.call('epollWait', T0, E, 2, -1).outcome, delivered([EPOLLIN, 5n]));
});

test('epoll_wait reports the current active events, which may have shrunk', (t) => {
  const s = new Session(1, { socketCapacity: 4 });
  s.fd('epollCreate1', T0);
  const [a, b] = s.pair('socketpair', T0);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, a, EPOLLIN | EPOLLOUT | EPOLLET, 1n);
  s.call('epollWait', T0, E, 8, 0);
  s.call('write', T0, b, 1);
  t.is(s.interest(3, a, a).active, EPOLLIN | EPOLLOUT);

  s.call('write', T0, a, 4);
  t.deepEqual(s.ready(3), [[a, a]]);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 1n]));
});

test('epoll_wait with nothing ready blocks with timeout -1', (t) => {
  const s = new Session();
  s.fd('epollCreate1', T0);
  const step = s.call('epollWait', T0, E, 4, -1);
  const on = { kind: 'epoll_wait', epoll: 3, maxevents: 4, timeout: -1 } as const;

  t.deepEqual(step.outcome, { kind: 'blocked', on });
  t.deepEqual(step.wakeups, []);
  t.deepEqual(s.k.threads[0], { clock: [], blocked: on });
  t.deepEqual(s.epoll(3).queue, [0]);
  t.is(s.epoll(3).refs, 2);
});

test('epoll_wait with a timeout below -1 aborts only when it would block', (t) => {
  const s = threeKeys();
  const before = s.k;
  const step = s.call('epollWait', T0, E, 8, -2);

  t.deepEqual(
    step.outcome,
    unsupported(
      'epoll_wait',
      'epoll_wait: Only timeout values greater than or equal to -1 are supported. (got -2)',
    ),
  );
  t.is(step.state, before);
  s.call('write', T0, fd(5), 8, 1n);
  t.deepEqual(s.call('epollWait', T0, E, 8, -7).outcome, delivered([EPOLLIN, 5n]));
});

test('a timed-out epoll_wait returns 0 and leaves the wait queue', (t) => {
  const s = new Session();
  s.fd('epollCreate1', T0);
  t.deepEqual(s.call('epollWait', T0, E, 4, 50).outcome, {
    kind: 'blocked',
    on: { kind: 'epoll_wait', epoll: 3, maxevents: 4, timeout: 50 },
  });

  const step = s.timeout(T0);
  t.deepEqual(step?.outcome, returned(0));
  t.deepEqual(step?.wakeups, []);
  t.deepEqual(s.k.threads[0], { clock: [], blocked: null });
  t.deepEqual(s.epoll(3).queue, []);
  t.is(s.epoll(3).refs, 1);
});

test('a thread that timed out is not woken by a later event', (t) => {
  const s = threeKeys();
  s.call('epollWait', T1, E, 4, 10);
  s.timeout(T1);

  const step = s.call('write', T0, fd(5), 8, 1n);
  t.deepEqual(step.wakeups, []);
  t.deepEqual(s.ready(3), [[5, 5]]);
});

test('a thread woken before its deadline can no longer time out', (t) => {
  const s = threeKeys();
  s.call('epollWait', T1, E, 4, 10);

  t.deepEqual(s.call('write', T0, fd(5), 8, 1n).wakeups, [woke(T1, [EPOLLIN, 5n])]);
  t.is(s.timeout(T1), null);
});

test('sys.timeout gives null for a thread without a deadline', (t) => {
  const s = new Session(3);
  s.fd('epollCreate1', T0);
  const x: Fd = s.fd('eventfd', T0);
  s.call('epollWait', T0, E, 1, -1);
  s.call('read', T1, x);

  t.is(s.timeout(T0), null);
  t.is(s.timeout(T1), null);
  t.is(s.timeout(T2), null);
  t.is(s.timeout(threadId(7)), null);
});
