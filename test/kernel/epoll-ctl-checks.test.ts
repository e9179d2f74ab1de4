import test from 'ava';
import {
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLLERR,
  EPOLLET,
  EPOLLEXCLUSIVE,
  EPOLLHUP,
  EPOLLIN,
  EPOLLONESHOT,
  EPOLLOUT,
  EPOLLPRI,
  EPOLLRDHUP,
  EPOLLWAKEUP,
  fd,
} from '../../src/kernel/index.js';
import { failed, returned, Session, T0, unsupported } from './helpers.js';

const ET_IN = EPOLLIN | EPOLLET;

/** An epoll at fd 3 and an eventfd at fd 4. */
function setup(): Session {
  const s = new Session();
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0);
  return s;
}

test('epoll_ctl gives EFAULT when epfd equals fd, before any other check', (t) => {
  const s = setup();

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(3), ET_IN).outcome, failed('EFAULT'));
  t.deepEqual(s.call('epollCtl', T0, fd(99), 42, fd(99)).outcome, failed('EFAULT'));
  t.deepEqual(s.call('epollCtl', T0, fd(4), EPOLL_CTL_ADD, fd(4), 0).outcome, failed('EFAULT'));
  t.deepEqual(s.call('epollCtl', T0, fd(-1), EPOLL_CTL_DEL, fd(-1)).outcome, failed('EFAULT'));
});

test('epoll_ctl gives EBADF for a closed epfd whatever the op and fd', (t) => {
  const s = setup();

  t.deepEqual(s.call('epollCtl', T0, fd(9), EPOLL_CTL_ADD, fd(4), ET_IN).outcome, failed('EBADF'));
  t.deepEqual(s.call('epollCtl', T0, fd(9), 42, fd(4)).outcome, failed('EBADF'));
  t.deepEqual(s.call('epollCtl', T0, fd(9), EPOLL_CTL_ADD, fd(8), 0).outcome, failed('EBADF'));
  t.deepEqual(s.call('epollCtl', T0, fd(-3), EPOLL_CTL_DEL, fd(4)).outcome, failed('EBADF'));
});

test('epoll_ctl aborts for an open non-epoll epfd, before looking at fd', (t) => {
  const s = setup();
  const before = s.k;

  for (const epfd of [4, 0]) {
    const step = s.call('epollCtl', T0, fd(epfd), EPOLL_CTL_ADD, fd(99), ET_IN);
    t.deepEqual(step.outcome, unsupported('epoll_ctl', 'non-epoll FD passed to `epoll_ctl`'));
    t.is(step.state, before);
  }
});

test('epoll_ctl gives EBADF for a closed fd whatever the op', (t) => {
  const s = setup();

  for (const op of [EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL, 42]) {
    t.deepEqual(s.call('epollCtl', T0, fd(3), op, fd(7), 0).outcome, failed('EBADF'));
  }
});

test('epoll_ctl aborts on an unknown op only after the EFAULT and EBADF checks', (t) => {
  const s = setup();

  for (const op of [0, 4, 42, -1]) {
    t.deepEqual(
      s.call('epollCtl', T0, fd(3), op, fd(4), ET_IN).outcome,
      unsupported('epoll_ctl', `unsupported epoll_ctl operation: ${op}`),
    );
  }
});

test('epoll_ctl ADD and MOD without EPOLLET abort', (t) => {
  const s = setup();
  const message = unsupported('epoll_ctl', 'epoll_ctl: epollet flag must be included.');

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(4), EPOLLIN).outcome, message);
  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(4), 0).outcome, message);
  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_MOD, fd(4), EPOLLOUT).outcome, message);
});

test('epoll_ctl checks flags before EEXIST and ENOENT', (t) => {
  const s = setup();
  s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(4), ET_IN);

  t.deepEqual(
    s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(4), EPOLLIN).outcome,
    unsupported('epoll_ctl', 'epoll_ctl: epollet flag must be included.'),
  );
  t.deepEqual(
    s.call('epollCtl', T0, fd(3), EPOLL_CTL_MOD, fd(1), EPOLLIN).outcome,
    unsupported('epoll_ctl', 'epoll_ctl: epollet flag must be included.'),
  );
});

test('epoll_ctl aborts on EPOLLONESHOT, EPOLLEXCLUSIVE, EPOLLPRI and EPOLLWAKEUP', (t) => {
  const s = setup();

  for (const [flag, text] of [
    [EPOLLONESHOT, '0x40000000 (EPOLLONESHOT)'],
    [EPOLLEXCLUSIVE, '0x10000000 (EPOLLEXCLUSIVE)'],
    [EPOLLPRI, '0x2 (EPOLLPRI)'],
    [EPOLLWAKEUP, '0x20000000 (EPOLLWAKEUP)'],
    [0x40, '0x40 (0x40)'],
  ] as const) {
    for (const op of [EPOLL_CTL_ADD, EPOLL_CTL_MOD]) {
      t.deepEqual(
        s.call('epollCtl', T0, fd(3), op, fd(4), ET_IN | flag).outcome,
        unsupported('epoll_ctl', `epoll_ctl: encountered unknown unsupported flags ${text}`),
      );
    }
  }
});

test('epoll_ctl accepts every supported bit together', (t) => {
  const s = setup();
  const all = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLHUP | EPOLLERR | EPOLLET;

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(4), all).outcome, returned(0));
});

test('epoll_ctl DEL ignores the event mask', (t) => {
  const s = setup();
  s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(4), ET_IN);

  t.deepEqual(
    s.call('epollCtl', T0, fd(3), EPOLL_CTL_DEL, fd(4), EPOLLONESHOT).outcome,
    returned(0),
  );
});

test('epoll_ctl ADD of stdio aborts naming the stream', (t) => {
  const s = setup();
  const before = s.k;

  for (const [n, name] of [
    [0, 'stdin'],
    [1, 'stdout'],
    [2, 'stderr'],
  ] as const) {
    const step = s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(n), ET_IN);
    t.deepEqual(
      step.outcome,
      unsupported('epoll_ctl', `${name}: epoll does not support this file description`),
    );
    t.is(step.state, before);
  }
});

test('epoll_ctl ADD of an epoll aborts, even a dup of the same epoll', (t) => {
  const s = setup();
  s.fd('epollCreate1', T0);
  const copy = s.fd('dup', T0, fd(3));
  const message = unsupported('epoll_ctl', 'epoll: epoll does not support this file description');

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, fd(5), ET_IN).outcome, message);
  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, copy, ET_IN).outcome, message);
  t.deepEqual(s.epoll(3).interests, []);
  t.deepEqual(s.k.interestTable, []);
});

test('epoll_ctl MOD and DEL of a never-added stdio fd give ENOENT', (t) => {
  const s = setup();

  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_MOD, fd(0), ET_IN).outcome, failed('ENOENT'));
  t.deepEqual(s.call('epollCtl', T0, fd(3), EPOLL_CTL_DEL, fd(1)).outcome, failed('ENOENT'));
});
