import test from 'ava';
import {
  descriptionId,
  EFD_NONBLOCK,
  fd,
  initialKernel,
  O_NONBLOCK,
  SEED_CONFIG,
} from '../../src/kernel/index.js';
import { failed, returned, Session, T0, T1, unsupported } from './helpers.js';

test('a fresh kernel has stdin, stdout and stderr open as fds 0, 1 and 2', (t) => {
  const k = initialKernel(2);

  t.deepEqual(k.fds, [0, 1, 2]);
  t.deepEqual(k.descriptions, [
    { kind: 'stdio', id: 0, refs: 1, name: 'stdin' },
    { kind: 'stdio', id: 1, refs: 1, name: 'stdout' },
    { kind: 'stdio', id: 2, refs: 1, name: 'stderr' },
  ]);
  t.deepEqual(k.interestTable, []);
  t.deepEqual(k.threads, [
    { clock: [], blocked: null },
    { clock: [], blocked: null },
  ]);
  t.deepEqual(k.config, SEED_CONFIG);
});

test('initialKernel merges a partial config over the seed config', (t) => {
  const k = initialKernel(1, { eventfdLimit: 2n, mutant: 'del-keeps-ready-key' });

  t.deepEqual(k.config, {
    eventfdLimit: 2n,
    socketCapacity: 0x34000,
    mutant: 'del-keeps-ready-key',
    debugAssertions: true,
  });
});

test('initialKernel always has at least one thread', (t) => {
  t.is(initialKernel(0).threads.length, 1);
});

test('the first new fd is 3 and later ones count up', (t) => {
  const s = new Session();

  t.is(s.fd('epollCreate1', T0), fd(3));
  t.is(s.fd('eventfd', T0), fd(4));
  t.deepEqual(s.pair('socketpair', T0), [fd(5), fd(6)]);
  t.deepEqual(s.pair('pipe', T0), [fd(7), fd(8)]);
  t.deepEqual(s.k.fds, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('a new fd takes the lowest free number', (t) => {
  const s = new Session();
  for (let i = 0; i < 3; i++) s.fd('eventfd', T0);

  t.deepEqual(s.call('close', T0, fd(4)).outcome, returned(0));
  t.deepEqual(s.call('close', T0, fd(0)).outcome, returned(0));
  t.is(s.fd('eventfd', T0), fd(0));
  t.is(s.fd('eventfd', T0), fd(4));
  t.is(s.fd('eventfd', T0), fd(6));
});

test('closing every fd makes 0 the next number', (t) => {
  const s = new Session();
  for (const n of [0, 1, 2]) s.call('close', T0, fd(n));

  t.deepEqual(s.k.fds, []);
  t.is(s.fd('eventfd', T0), fd(0));
});

test('description ids increase in creation order and are never reused', (t) => {
  const s = new Session();
  const first = s.fd('eventfd', T0);
  s.call('close', T0, first);
  const second = s.fd('eventfd', T0);

  t.is(second, fd(3));
  t.is(s.id(second), 4);
  t.is(s.description(3), null);
  t.is(s.eventfd(4).id, descriptionId(4));
});

test('dup shares the description and its id and takes the lowest free number', (t) => {
  const s = new Session();
  const e = s.fd('eventfd', T0);
  s.fd('eventfd', T0);
  s.call('close', T0, fd(1));

  t.deepEqual(s.call('dup', T0, e).outcome, returned(1));
  t.is(s.id(fd(1)), s.id(e));
  t.is(s.eventfd(3).refs, 2);
});

test('dup, close and fcntl of a closed or invalid fd give EBADF', (t) => {
  const s = new Session();

  for (const n of [-1, 3, 99]) {
    t.deepEqual(s.call('dup', T0, fd(n)).outcome, failed('EBADF'));
    t.deepEqual(s.call('close', T0, fd(n)).outcome, failed('EBADF'));
    t.deepEqual(s.call('setFlags', T0, fd(n), O_NONBLOCK).outcome, failed('EBADF'));
  }
});

test('closing an fd twice gives EBADF the second time', (t) => {
  const s = new Session();
  const e = s.fd('eventfd', T0);

  t.deepEqual(s.call('close', T0, e).outcome, returned(0));
  t.deepEqual(s.call('close', T1, e).outcome, failed('EBADF'));
});

test('a close with another reference left only drops the reference', (t) => {
  const s = new Session();
  const e = s.fd('eventfd', T0, 5, EFD_NONBLOCK);
  const copy = s.fd('dup', T0, e);
  s.call('close', T0, e);

  t.is(s.eventfd(3).refs, 1);
  t.deepEqual(s.k.fds, [0, 1, 2, null, 3]);
  t.deepEqual(s.call('read', T0, copy).outcome, returned(8, { value: 5n }));
});

test('fcntl sets and clears O_NONBLOCK on a socket end, ignoring the access mode', (t) => {
  const s = new Session();
  const [a] = s.pair('socketpair', T0);

  t.deepEqual(s.call('setFlags', T0, a, O_NONBLOCK | 2).outcome, returned(0));
  t.deepEqual(s.call('read', T0, a).outcome, failed('EAGAIN'));

  s.call('setFlags', T0, a, 0);
  t.deepEqual(s.call('read', T0, a).outcome, {
    kind: 'blocked',
    on: { kind: 'read', id: s.id(a), len: 8 },
  });
});

test('fcntl F_SETFL is refused on an eventfd and for flags other than O_NONBLOCK', (t) => {
  const s = new Session();
  const e = s.fd('eventfd', T0);
  const [a] = s.pair('socketpair', T0);

  t.deepEqual(s.call('setFlags', T0, e, O_NONBLOCK).outcome, {
    kind: 'unsupported',
    call: 'fcntl',
    message: `fcntl: F_SETFL is not supported for event fd ${e}`,
  });
  t.deepEqual(s.call('setFlags', T0, a, 0x400).outcome, {
    kind: 'unsupported',
    call: 'fcntl',
    message: 'fcntl: only O_NONBLOCK is supported for F_SETFL on socketpairs and pipes (got 0x400)',
  });
});

test('read and write give EBADF on a closed fd and abort on an epoll or a standard stream', (t) => {
  const s = new Session();
  const e = s.fd('epollCreate1', T0);

  t.deepEqual(s.call('read', T0, fd(9)).outcome, failed('EBADF'));
  t.deepEqual(s.call('write', T0, fd(-1), 8, 1n).outcome, failed('EBADF'));
  t.deepEqual(
    s.call('read', T0, e).outcome,
    unsupported('read', 'read: reading from an epoll fd 3 is not modelled'),
  );
  t.deepEqual(
    s.call('write', T0, fd(1), 4).outcome,
    unsupported('write', 'write: writing to stdout fd 1 is not modelled'),
  );
  t.deepEqual(
    s.call('read', T0, fd(0)).outcome,
    unsupported('read', 'read: reading from stdin fd 0 is not modelled'),
  );
});
