import test from 'ava';
import {
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  EFD_SEMAPHORE,
  EPOLL_CTL_ADD,
  EPOLLET,
  EPOLLIN,
  EPOLLOUT,
  fd,
} from '../../src/kernel/index.js';
import {
  delivered,
  failed,
  retried,
  returned,
  Session,
  T0,
  T1,
  T2,
  U64_MAX,
  unsupported,
  woke,
} from './helpers.js';

const E = fd(3);
const X = fd(4);

/** An epoll at fd 3 watching an eventfd at fd 4 for `mask`, with data 9, its first edge taken. */
function watched(mask: number, flags = 0, threads = 3): Session {
  const s = new Session(threads);
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0, 0, flags);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, X, mask | EPOLLET, 9n);
  s.call('epollWait', T0, E, 8, 0);
  return s;
}

test('eventfd starts at initval and honours EFD_NONBLOCK', (t) => {
  const s = new Session();

  t.deepEqual(s.call('eventfd', T0, 5, EFD_NONBLOCK).outcome, returned(3));
  t.deepEqual(s.description(3), {
    kind: 'eventfd',
    id: 3,
    refs: 1,
    counter: 5n,
    nonblocking: true,
    clock: [],
    readers: [],
    writers: [],
  });
  s.fd('eventfd', T0, 0, EFD_CLOEXEC);
  t.is(s.eventfd(4).nonblocking, false);
});

test('eventfd reads initval as a u32', (t) => {
  const s = new Session();
  s.fd('eventfd', T0, 2 ** 32 + 7);
  s.fd('eventfd', T0, -1);

  t.is(s.eventfd(3).counter, 7n);
  t.is(s.eventfd(4).counter, 4294967295n);
});

test('eventfd aborts on EFD_SEMAPHORE and on unknown flags', (t) => {
  const s = new Session();

  t.deepEqual(
    s.call('eventfd', T0, 0, EFD_SEMAPHORE | EFD_NONBLOCK).outcome,
    unsupported('eventfd', 'eventfd: encountered unsupported flags EFD_SEMAPHORE (0x1)'),
  );
  t.deepEqual(
    s.call('eventfd', T0, 0, 0x4).outcome,
    unsupported('eventfd', 'eventfd: encountered unknown unsupported flags 0x4'),
  );
  t.deepEqual(
    s.call('eventfd', T0, 0, -2).outcome,
    unsupported('eventfd', 'eventfd: encountered unknown unsupported flags 0xfff7f7fe'),
  );
  t.deepEqual(s.k.fds, [0, 1, 2]);
});

test('an eventfd write of any length other than 8 gives EINVAL', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0);

  for (const len of [0, 4, 7, 9, 16]) {
    t.deepEqual(s.call('write', T0, x, len, 1n).outcome, failed('EINVAL'));
  }
  t.is(s.eventfd(3).counter, 0n);
});

test('an eventfd write of u64::MAX gives EINVAL', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0);

  t.deepEqual(s.call('write', T0, x, 8, U64_MAX).outcome, failed('EINVAL'));
  t.deepEqual(s.call('write', T0, x, 8, -1n).outcome, failed('EINVAL'));
  t.is(s.eventfd(3).counter, 0n);
});

test('writes add to the counter and a read takes all of it', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0, 0, EFD_NONBLOCK);
  s.call('write', T0, x, 8, 3n);
  s.call('write', T0, x, 8, 4n);

  t.deepEqual(s.call('read', T0, x, 8).outcome, returned(8, { value: 7n }));
  t.is(s.eventfd(3).counter, 0n);
  t.deepEqual(s.call('read', T0, x, 8).outcome, failed('EAGAIN'));
});

test('an eventfd read needs at least 8 bytes', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0, 3);

  t.deepEqual(s.call('read', T0, x, 7).outcome, failed('EINVAL'));
  t.deepEqual(s.call('read', T0, x, 0).outcome, failed('EINVAL'));
  t.deepEqual(s.call('read', T0, x, 16).outcome, returned(8, { value: 3n }));
});

test('the counter is exact up to u64::MAX - 1', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0, 0, EFD_NONBLOCK);

  t.deepEqual(s.call('write', T0, x, 8, U64_MAX - 2n).outcome, returned(8));
  t.deepEqual(s.call('write', T0, x, 8, 1n).outcome, returned(8));
  t.is(s.eventfd(3).counter, U64_MAX - 1n);
  t.deepEqual(s.call('write', T0, x, 8, 1n).outcome, failed('EAGAIN'));
  t.deepEqual(s.call('write', T0, x, 8, 0n).outcome, returned(8));
  t.deepEqual(s.call('read', T0, x).outcome, returned(8, { value: U64_MAX - 1n }));
});

test('a write past the limit blocks, and a read lets it through', (t) => {
  const s = new Session(2, { eventfdLimit: 2n });
  const x = s.fd('eventfd', T0);
  s.call('write', T0, x, 8, 2n);

  t.deepEqual(s.call('write', T1, x, 8, 1n).outcome, {
    kind: 'blocked',
    on: { kind: 'write', id: 3, len: 8, value: 1n },
  });
  t.deepEqual(s.eventfd(3).writers, [1]);
  const step = s.call('read', T0, x);
  t.deepEqual(step.outcome, returned(8, { value: 2n }));
  t.deepEqual(step.wakeups, [retried(T1, { ret: 8 })]);
  t.is(s.eventfd(3).counter, 1n);
  t.deepEqual(s.eventfd(3).writers, []);
  t.is(s.k.threads[1]?.blocked, null);
});

test('a read retries a blocked writer before its own update, so waiters see its write', (t) => {
  const s = new Session(3, { eventfdLimit: 2n });
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0, 2);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, X, EPOLLIN | EPOLLOUT | EPOLLET, 9n);
  s.call('epollWait', T0, E, 8, 0);
  s.call('write', T1, X, 8, 1n);
  s.call('epollWait', T2, E, 8, -1);

  const step = s.call('read', T0, X);
  t.deepEqual(step.outcome, returned(8, { value: 2n }));
  t.deepEqual(step.wakeups, [woke(T2, [EPOLLIN | EPOLLOUT, 9n]), retried(T1, { ret: 8 })]);
  t.deepEqual(s.ready(3), [[4, 4]]);
});

test('a write past a configured limit gives EAGAIN when non-blocking', (t) => {
  const s = new Session(1, { eventfdLimit: 2n });
  const x = s.fd('eventfd', T0, 1, EFD_NONBLOCK);

  t.deepEqual(s.call('write', T0, x, 8, 2n).outcome, failed('EAGAIN'));
  t.deepEqual(s.call('write', T0, x, 8, 1n).outcome, returned(8));
  t.is(s.eventfd(3).counter, 2n);
});

test('a read of a zero counter blocks, and a write retries every blocked reader', (t) => {
  const s = new Session(3);
  const x = s.fd('eventfd', T0);
  t.deepEqual(s.call('read', T1, x).outcome, {
    kind: 'blocked',
    on: { kind: 'read', id: 3, len: 8 },
  });
  s.call('read', T2, x, 16);
  t.deepEqual(s.eventfd(3).readers, [1, 2]);

  const step = s.call('write', T0, x, 8, 5n);
  t.deepEqual(step.wakeups, [retried(T1, { ret: 8, value: 5n })]);
  t.deepEqual(s.eventfd(3).readers, [2]);
  t.is(s.k.threads[1]?.blocked, null);
  t.deepEqual(s.k.threads[2]?.blocked, { kind: 'read', id: 3, len: 16 });
});

test('a write with a blocked reader leaves epoll observers EPOLLOUT only', (t) => {
  const s = watched(EPOLLIN | EPOLLOUT);
  s.call('read', T1, X);

  t.deepEqual(s.call('write', T2, X, 8, 3n).wakeups, [retried(T1, { ret: 8, value: 3n })]);
  t.deepEqual(s.interest(3, 4, 4).clock, [0, 0, 1]);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 9n]));
});

test('the blocked reader updates epoll first, waking a waiter with EPOLLOUT', (t) => {
  const s = watched(EPOLLIN | EPOLLOUT);
  s.call('epollWait', T0, E, 8, -1);
  s.call('read', T1, X);

  const step = s.call('write', T2, X, 8, 3n);
  t.deepEqual(step.wakeups, [woke(T0, [EPOLLOUT, 9n]), retried(T1, { ret: 8, value: 3n })]);
  t.deepEqual(s.ready(3), [[4, 4]]);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 9n]));
});

test('a write with no blocked reader shows EPOLLIN and EPOLLOUT', (t) => {
  const s = watched(EPOLLIN | EPOLLOUT);
  s.call('write', T2, X, 8, 3n);

  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN | EPOLLOUT, 9n]));
});

test('every eventfd write and read is a forced edge, even for an EPOLLOUT-only interest', (t) => {
  const s = watched(EPOLLOUT);

  for (const value of [1n, 0n, 5n]) {
    s.call('write', T1, X, 8, value);
    t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 9n]));
  }
  s.call('read', T1, X);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 9n]));
});

test('a read takes away EPOLLIN and is a forced edge', (t) => {
  const s = watched(EPOLLIN | EPOLLOUT);
  s.call('write', T1, X, 8, 1n);
  s.call('epollWait', T0, E, 8, 0);

  s.call('read', T1, X);
  t.is(s.interest(3, 4, 4).active, EPOLLOUT);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 9n]));
});

test('failed, blocked, creating and closing eventfd calls never touch epoll', (t) => {
  const s = watched(EPOLLIN | EPOLLOUT, EFD_NONBLOCK);
  const before = s.epoll(3);
  const clock = s.clock(T1);

  t.deepEqual(s.call('write', T1, X, 4, 1n).outcome, failed('EINVAL'));
  t.deepEqual(s.call('write', T1, X, 8, U64_MAX).outcome, failed('EINVAL'));
  t.deepEqual(s.call('read', T1, X, 4).outcome, failed('EINVAL'));
  t.deepEqual(s.call('read', T1, X).outcome, failed('EAGAIN'));
  const blocking = s.fd('eventfd', T2);
  t.is(s.call('read', T1, blocking).outcome.kind, 'blocked');
  s.call('close', T2, s.fd('eventfd', T2, 4));
  t.deepEqual(s.epoll(3), before);
  t.deepEqual(s.clock(T1), clock);
});

test('an eventfd read acquires the clock of every earlier write', (t) => {
  const s = new Session(2);
  const x = s.fd('eventfd', T0);
  s.call('write', T1, x, 8, 1n);
  s.call('write', T1, x, 8, 1n);

  t.deepEqual(s.eventfd(3).clock, [0, 1]);
  t.deepEqual(s.clock(T1), [0, 2]);
  s.call('read', T0, x);
  t.deepEqual(s.clock(T0), [0, 1]);
});
