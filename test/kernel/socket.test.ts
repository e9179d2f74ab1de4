import test from 'ava';
import {
  descriptionId,
  EPOLLIN,
  EPOLLOUT,
  fd,
  O_NONBLOCK,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
} from '../../src/kernel/index.js';
import {
  failed,
  retried,
  returned,
  Session,
  T0,
  T1,
  T2,
  unsupported,
  watchedPair,
} from './helpers.js';

const A = fd(4);
const B = fd(5);

test('socketpair creates fds[0] first, each end the peer of the other', (t) => {
  const s = new Session();

  t.deepEqual(s.call('socketpair', T0).outcome, returned(0, { fds: [fd(3), fd(4)] }));
  t.deepEqual(s.description(3), {
    kind: 'socket',
    id: 3,
    refs: 1,
    flavour: 'socketpair',
    peer: 4,
    buffered: 0,
    clock: [],
    lostData: false,
    nonblocking: false,
    readers: [],
    writers: [],
  });
  t.is(s.socket(4).peer, descriptionId(3));
});

test('socketpair honours SOCK_NONBLOCK, ignores SOCK_CLOEXEC and aborts on other flags', (t) => {
  const s = new Session();
  s.pair('socketpair', T0, SOCK_NONBLOCK | SOCK_CLOEXEC);

  t.is(s.socket(3).nonblocking, true);
  t.is(s.socket(4).nonblocking, true);
  t.deepEqual(
    s.call('socketpair', T0, 0x1).outcome,
    unsupported('socketpair', 'socketpair: unsupported flags 0x1'),
  );
  t.deepEqual(
    s.call('socketpair', T0, -1).outcome,
    unsupported('socketpair', 'socketpair: unsupported flags 0xfff7f7ff'),
  );
});

test('a write fills the peer buffer and a read takes up to len bytes', (t) => {
  const s = watchedPair();

  t.deepEqual(s.call('write', T0, A, 10).outcome, returned(10));
  t.is(s.socket(5).buffered, 10);
  t.is(s.socket(4).buffered, 0);
  t.deepEqual(s.call('read', T0, B, 4).outcome, returned(4));
  t.deepEqual(s.call('read', T0, B, 100).outcome, returned(6));
});

test('a write at capacity is partial, then gives EAGAIN or blocks', (t) => {
  const s = watchedPair(5);

  t.deepEqual(s.call('write', T0, A, 8).outcome, returned(5));
  s.call('setFlags', T0, A, O_NONBLOCK);
  t.deepEqual(s.call('write', T0, A, 8).outcome, failed('EAGAIN'));
  s.call('setFlags', T0, A, 0);
  t.deepEqual(s.call('write', T1, A, 8).outcome, {
    kind: 'blocked',
    on: { kind: 'write', id: 4, len: 8, value: 0n },
  });
  t.deepEqual(s.socket(4).writers, [1]);
});

test('the seed buffer holds 0x34000 bytes', (t) => {
  const s = new Session();
  const [a] = s.pair('socketpair', T0, SOCK_NONBLOCK);

  t.deepEqual(s.call('write', T0, a, 300_000).outcome, returned(0x34000));
  t.deepEqual(s.call('write', T0, a, 1).outcome, failed('EAGAIN'));
});

test('a short write moves the chosen number of bytes', (t) => {
  const s = watchedPair();

  t.deepEqual(s.call('write', T0, A, 8, 0n, 3).outcome, returned(3));
  t.deepEqual(s.call('write', T0, A, 8, 0n, 8).outcome, returned(8));
  t.deepEqual(s.call('write', T0, A, 8, 0n, 0).outcome, returned(8));
  t.is(s.socket(5).buffered, 19);
});

test('zero-length reads and writes return 0 and update nothing', (t) => {
  const s = watchedPair(0x34000, [[B, EPOLLIN | EPOLLOUT, 2n]]);

  t.deepEqual(s.call('write', T0, A, 0).outcome, returned(0));
  t.deepEqual(s.call('read', T0, B, 0).outcome, returned(0));
  t.deepEqual(s.ready(3), []);
});

test('a read of an empty socket gives EAGAIN or blocks, and a write retries the reader', (t) => {
  const s = watchedPair();
  s.call('setFlags', T0, B, O_NONBLOCK);
  t.deepEqual(s.call('read', T0, B, 4).outcome, failed('EAGAIN'));
  s.call('setFlags', T0, B, 0);
  t.deepEqual(s.call('read', T1, B, 4).outcome, {
    kind: 'blocked',
    on: { kind: 'read', id: 5, len: 4 },
  });

  const step = s.call('write', T0, A, 10);
  t.deepEqual(step.wakeups, [retried(T1, { ret: 4 })]);
  t.is(s.socket(5).buffered, 6);
  t.is(s.k.threads[1]?.blocked, null);
});

test('a write retries every blocked reader in order, and a reader left short blocks again', (t) => {
  const s = watchedPair();
  s.call('read', T1, B, 4);
  s.call('read', T2, B, 4);

  t.deepEqual(s.call('write', T0, A, 6).wakeups, [
    retried(T1, { ret: 4 }),
    retried(T2, { ret: 2 }),
  ]);
  s.call('read', T1, B, 4);
  s.call('read', T2, B, 4);
  t.deepEqual(s.call('write', T0, A, 3).wakeups, [retried(T1, { ret: 3 })]);
  t.deepEqual(s.socket(5).readers, [2]);
  t.deepEqual(s.k.threads[2]?.blocked, { kind: 'read', id: 5, len: 4 });
});

test('a read retries the blocked writers of the peer', (t) => {
  const s = watchedPair(4);
  s.call('write', T1, A, 6);
  s.call('write', T1, A, 2);

  const step = s.call('read', T0, B, 3);
  t.deepEqual(step.outcome, returned(3));
  t.deepEqual(step.wakeups, [retried(T1, { ret: 2 })]);
  t.is(s.socket(5).buffered, 3);
});

test('after the peer is gone, writes give EPIPE and reads drain then give EOF', (t) => {
  const s = watchedPair();
  s.call('write', T0, B, 3);
  s.call('close', T0, B);

  t.deepEqual(s.call('write', T0, A, 1).outcome, failed('EPIPE'));
  t.deepEqual(s.call('read', T0, A, 8).outcome, returned(3));
  t.deepEqual(s.call('read', T0, A, 8).outcome, returned(0));
});

test('a socket write releases into the peer buffer and a read acquires it', (t) => {
  const s = watchedPair();
  s.call('write', T1, A, 1);
  s.call('write', T1, A, 1);

  t.deepEqual(s.socket(5).clock, [0, 1]);
  t.deepEqual(s.clock(T1), [0, 2]);
  s.call('read', T0, B, 8);
  t.deepEqual(s.clock(T0), [0, 1]);
});
