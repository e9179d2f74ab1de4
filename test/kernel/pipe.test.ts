import test from 'ava';
import {
  EPOLL_CTL_ADD,
  EPOLLERR,
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  EPOLLRDHUP,
  fd,
  O_NONBLOCK,
  SOCK_CLOEXEC,
} from '../../src/kernel/index.js';
import { bits, delivered, failed, returned, Session, T0, T1, unsupported } from './helpers.js';

const R = fd(3);
const W = fd(4);
const ALL = bits(EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLET);
const HANGUP = bits(EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLHUP);

/** A pipe (read end fd 3, write end fd 4) and an epoll at fd 5 watching both ends, drained. */
function watched(capacity = 0x34000): Session {
  const s = new Session(2, { socketCapacity: capacity });
  s.pair('pipe', T0);
  const e = s.fd('epollCreate1', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, R, ALL, 3n);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, W, ALL, 4n);
  s.call('epollWait', T0, e, 8, 0);
  return s;
}

const wait = (s: Session) => s.call('epollWait', T0, fd(5), 8, 0).outcome;

test('pipe creates the read end first; the write end has no buffer', (t) => {
  const s = new Session();

  t.deepEqual(s.call('pipe', T0).outcome, returned(0, { fds: [R, W] }));
  const end = { kind: 'socket', refs: 1, clock: [], lostData: false, nonblocking: false };
  const idle = { readers: [], writers: [] };
  t.deepEqual(s.socket(3), { ...end, id: 3, flavour: 'pipe-read', peer: 4, buffered: 0, ...idle });
  t.deepEqual(s.socket(4), {
    ...end,
    id: 4,
    flavour: 'pipe-write',
    peer: 3,
    buffered: null,
    ...idle,
  });
});

test('pipe2 honours O_NONBLOCK, ignores O_CLOEXEC and aborts on other flags', (t) => {
  const s = new Session();
  s.pair('pipe', T0, O_NONBLOCK | SOCK_CLOEXEC);

  t.is(s.socket(3).nonblocking, true);
  t.deepEqual(s.call('read', T0, R, 1).outcome, failed('EAGAIN'));
  t.deepEqual(
    s.call('pipe', T0, 0x1).outcome,
    unsupported('pipe2', 'pipe2: unsupported flags 0x1'),
  );
});

test('a new pipe reports OUT at the read end and IN|OUT at the write end', (t) => {
  const s = new Session();
  s.pair('pipe', T0);
  const e = s.fd('epollCreate1', T0);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, R, ALL, 3n);
  s.call('epollCtl', T0, e, EPOLL_CTL_ADD, W, ALL, 4n);

  t.deepEqual(
    s.call('epollWait', T0, e, 8, 0).outcome,
    delivered([EPOLLOUT, 3n], [EPOLLIN | EPOLLOUT, 4n]),
  );
});

test('a write moves bytes to the read end and forces an edge there only', (t) => {
  const s = watched();

  t.deepEqual(s.call('write', T1, W, 5).outcome, returned(5));
  t.is(s.socket(3).buffered, 5);
  t.deepEqual(wait(s), delivered([EPOLLIN | EPOLLOUT, 3n]));
  t.deepEqual(s.call('read', T1, R, 5).outcome, returned(5));
  t.deepEqual(wait(s), delivered([EPOLLIN | EPOLLOUT, 4n]));
});

test('a full pipe takes EPOLLOUT from the write end', (t) => {
  const s = watched(4);
  s.call('write', T1, W, 9);

  t.is(s.interest(5, 4, 4).active, EPOLLIN);
  s.call('setFlags', T1, W, O_NONBLOCK);
  t.deepEqual(s.call('write', T1, W, 1).outcome, failed('EAGAIN'));
});

test('writing to the read end gives EBADF', (t) => {
  const s = watched();

  t.deepEqual(s.call('write', T1, R, 1).outcome, failed('EBADF'));
  t.deepEqual(wait(s), delivered());
});

test('reading the write end aborts, unless the length is 0', (t) => {
  const s = watched();

  t.deepEqual(
    s.call('read', T1, W, 1).outcome,
    unsupported('read', 'reading from the write end of a pipe'),
  );
  t.deepEqual(s.call('read', T1, W, 0).outcome, returned(0));
});

test('after the writer closes, the empty read end reports IN|OUT|RDHUP|HUP and reads EOF', (t) => {
  const s = watched();
  s.call('close', T1, W);

  t.deepEqual(wait(s), delivered([HANGUP, 3n]));
  t.deepEqual(s.call('read', T1, R, 8).outcome, returned(0));
  t.deepEqual(s.call('write', T1, R, 1).outcome, failed('EPIPE'));
});

test('after the reader closes with unread data, the write end reports ERR too', (t) => {
  const s = watched();
  s.call('write', T1, W, 2);
  wait(s);
  s.call('close', T1, R);

  t.deepEqual(wait(s), delivered([HANGUP | EPOLLERR, 4n]));
  t.deepEqual(s.call('write', T1, W, 1).outcome, failed('EPIPE'));
});

test('after the reader closes with nothing unread, the write end reports no ERR', (t) => {
  const s = watched();
  s.call('close', T1, R);

  t.deepEqual(wait(s), delivered([HANGUP, 4n]));
});
