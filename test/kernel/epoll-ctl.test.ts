import test from 'ava';
import {
  EFD_NONBLOCK,
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLLERR,
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  fd,
} from '../../src/kernel/index.js';
import { bits, delivered, failed, returned, Session, T0, T1, U64_MAX } from './helpers.js';

const ADD = EPOLL_CTL_ADD;
const MOD = EPOLL_CTL_MOD;
const DEL = EPOLL_CTL_DEL;
const E = fd(3);
const X = fd(4);

/** An epoll at fd 3 (id 3) and an eventfd at fd 4 (id 4) holding `initval`. */
function setup(initval = 0, threads = 2): Session {
  const s = new Session(threads);
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0, initval, EFD_NONBLOCK);
  return s;
}

test('epoll_ctl ADD stores mask|EPOLLHUP|EPOLLERR, the data and the active events', (t) => {
  const s = setup();

  t.deepEqual(
    s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLOUT | EPOLLET, 77n).outcome,
    returned(0),
  );
  t.deepEqual(s.epoll(3).interests, [
    {
      key: { id: 4, fd: 4 },
      relevant: bits(EPOLLIN, EPOLLOUT, EPOLLET, EPOLLHUP, EPOLLERR),
      active: EPOLLOUT,
      clock: [],
      edgeClock: [],
      data: 77n,
    },
  ]);
  t.deepEqual(s.ready(3), [[4, 4]]);
  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [3] }]);
});

test('interest data is an exact u64, delivered as stored', (t) => {
  const s = setup(1);
  const copies = [s.fd('dup', T0, X), s.fd('dup', T0, X)];
  s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLET, U64_MAX);
  s.call('epollCtl', T0, E, ADD, copies[0] ?? X, EPOLLIN | EPOLLET, (1n << 63n) + 1n);
  s.call('epollCtl', T0, E, ADD, copies[1] ?? X, EPOLLIN | EPOLLET, (1n << 64n) + 5n);

  t.deepEqual(
    s.call('epollWait', T0, E, 8, 0).outcome,
    delivered([EPOLLIN, U64_MAX], [EPOLLIN, (1n << 63n) + 1n], [EPOLLIN, 5n]),
  );
});

test('epoll_ctl ADD with no matching readiness makes no edge and no clock change', (t) => {
  const s = setup();
  s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLET, 1n);

  t.is(s.interest(3, 4, 4).active, 0);
  t.deepEqual(s.ready(3), []);
  t.deepEqual(s.clock(T0), []);
});

test('epoll_ctl ADD of an existing key gives EEXIST and changes nothing', (t) => {
  const s = setup(1);
  s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLET, 1n);
  s.call('epollWait', T0, E, 8, 0);
  const before = s.k;
  const step = s.call('epollCtl', T0, E, ADD, X, EPOLLOUT | EPOLLET, 2n);

  t.deepEqual(step.outcome, failed('EEXIST'));
  t.deepEqual(step.state, before);
});

test('epoll_ctl ADD of two fds of one description makes two keys and one table row', (t) => {
  const s = setup();
  const copy = s.fd('dup', T0, X);
  s.call('epollCtl', T0, E, ADD, copy, EPOLLOUT | EPOLLET, 5n);
  s.call('epollCtl', T0, E, ADD, X, EPOLLOUT | EPOLLET, 4n);

  t.deepEqual(
    s.epoll(3).interests.map((i) => [i.key.id, i.key.fd, i.data]),
    [
      [4, 4, 4n],
      [4, 5, 5n],
    ],
  );
  t.deepEqual(s.ready(3), [
    [4, 4],
    [4, 5],
  ]);
  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [3] }]);
});

test('the table row of a description lists its epolls in id order', (t) => {
  const s = setup();
  const other = s.fd('epollCreate1', T0);
  s.call('epollCtl', T0, other, ADD, X, EPOLLIN | EPOLLET);
  s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLET);

  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [3, 5] }]);
});

test('epoll_ctl MOD of a missing key gives ENOENT', (t) => {
  const s = setup();

  t.deepEqual(s.call('epollCtl', T0, E, MOD, X, EPOLLIN | EPOLLET).outcome, failed('ENOENT'));
  t.deepEqual(s.epoll(3).interests, []);
});

test('epoll_ctl MOD overwrites the mask and data and keeps the clock', (t) => {
  const s = setup();
  s.call('write', T1, X, 8, 1n);
  s.call('epollCtl', T1, E, ADD, X, EPOLLOUT | EPOLLET, 1n);
  t.deepEqual(s.interest(3, 4, 4).clock, [0, 1]);

  t.deepEqual(s.call('epollCtl', T0, E, MOD, X, EPOLLIN | EPOLLET, 2n).outcome, returned(0));
  t.deepEqual(s.interest(3, 4, 4), {
    key: { id: 4, fd: 4 },
    relevant: bits(EPOLLIN, EPOLLET, EPOLLHUP, EPOLLERR),
    active: EPOLLIN,
    clock: [0, 1],
    edgeClock: [],
    data: 2n,
  });
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 2n]));
  t.deepEqual(s.clock(T0), [1, 1]);
});

test('epoll_ctl MOD is a forced edge even when no new bit appears', (t) => {
  const s = setup(1);
  s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLET, 1n);
  s.call('epollWait', T0, E, 8, 0);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());

  s.call('epollCtl', T0, E, MOD, X, EPOLLIN | EPOLLET, 9n);
  t.deepEqual(s.ready(3), [[4, 4]]);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 9n]));
});

test('epoll_ctl MOD to a mask with nothing ready takes the key out of the ready set', (t) => {
  const s = setup();
  s.call('epollCtl', T0, E, ADD, X, EPOLLOUT | EPOLLET, 1n);
  t.deepEqual(s.ready(3), [[4, 4]]);

  s.call('epollCtl', T0, E, MOD, X, EPOLLIN | EPOLLET, 1n);
  t.deepEqual(s.ready(3), []);
  t.is(s.interest(3, 4, 4).active, 0);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());
});

test('epoll_ctl DEL of a missing key gives ENOENT', (t) => {
  const s = setup();

  t.deepEqual(s.call('epollCtl', T0, E, DEL, X).outcome, failed('ENOENT'));
  s.call('epollCtl', T0, E, ADD, X, EPOLLIN | EPOLLET);
  t.deepEqual(s.call('epollCtl', T0, E, DEL, X).outcome, returned(0));
  t.deepEqual(s.call('epollCtl', T0, E, DEL, X).outcome, failed('ENOENT'));
});

test('epoll_ctl DEL drops the interest and its ready key, with no wakeup or clock change', (t) => {
  const s = setup();
  const copy = s.fd('dup', T0, X);
  s.call('epollCtl', T0, E, ADD, X, EPOLLOUT | EPOLLET, 4n);
  s.call('epollCtl', T0, E, ADD, copy, EPOLLOUT | EPOLLET, 5n);
  const clock = s.clock(T0);

  const step = s.call('epollCtl', T0, E, DEL, X);
  t.deepEqual(step.outcome, returned(0));
  t.deepEqual(step.wakeups, []);
  t.deepEqual(s.clock(T0), clock);
  t.deepEqual(s.ready(3), [[4, 5]]);
  t.deepEqual(
    s.epoll(3).interests.map((i) => i.key),
    [{ id: 4, fd: 5 }],
  );
  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [3] }]);
});

test('epoll_ctl DEL of the last interest in a description leaves its table row', (t) => {
  const s = setup();
  const other = s.fd('epollCreate1', T0);
  s.call('epollCtl', T0, E, ADD, X, EPOLLOUT | EPOLLET);
  s.call('epollCtl', T0, other, ADD, X, EPOLLOUT | EPOLLET);

  s.call('epollCtl', T0, E, DEL, X);
  t.deepEqual(s.k.interestTable, [{ watched: 4, epolls: [5] }]);
  s.call('epollCtl', T0, other, DEL, X);
  t.deepEqual(s.k.interestTable, []);
  t.deepEqual(s.ready(5), []);
});

test('an interest added again after DEL starts with an empty clock', (t) => {
  const s = setup(0);
  s.call('write', T1, X, 8, 1n);
  s.call('epollCtl', T1, E, ADD, X, EPOLLIN | EPOLLET, 1n);
  s.call('epollCtl', T0, E, DEL, X);

  s.call('epollCtl', T0, E, ADD, X, EPOLLOUT | EPOLLET, 1n);
  t.deepEqual(s.interest(3, 4, 4).clock, []);
});
