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
} from '../../src/kernel/index.js';
import { bits, delivered, failed, retried, returned, T0, T1, watchedPair } from './helpers.js';

const E = fd(3);
const A = fd(4);
const B = fd(5);

test('a closed peer gives IN|OUT|RDHUP|HUP, plus ERR if it lost unread data', (t) => {
  const quiet = watchedPair(0x34000, [[A, EPOLLIN | EPOLLOUT | EPOLLRDHUP, 1n]]);
  quiet.call('close', T0, B);
  const lossy = watchedPair(0x34000, [[A, EPOLLIN | EPOLLOUT | EPOLLRDHUP, 1n]]);
  lossy.call('write', T0, A, 2);
  lossy.call('close', T0, B);
  const hangup = bits(EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLHUP);

  t.is(quiet.socket(4).lostData, false);
  t.deepEqual(quiet.call('epollWait', T0, E, 8, 0).outcome, delivered([hangup, 1n]));
  t.is(lossy.socket(4).lostData, true);
  t.deepEqual(lossy.call('epollWait', T0, E, 8, 0).outcome, delivered([hangup | EPOLLERR, 1n]));
});

test('a write forces an edge for the peer but not for the writer', (t) => {
  const s = watchedPair(0x34000, [
    [A, EPOLLOUT, 1n],
    [B, EPOLLIN, 2n],
  ]);

  for (let i = 0; i < 2; i++) {
    s.call('write', T0, A, 1);
    t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 2n]));
  }
});

test('a write that fills the peer takes the writer out of the ready set', (t) => {
  const s = watchedPair(4);
  s.call('epollCtl', T0, E, EPOLL_CTL_ADD, A, EPOLLOUT | EPOLLET, 1n);
  t.deepEqual(s.ready(3), [[4, 4]]);

  s.call('write', T0, A, 4);
  t.deepEqual(s.ready(3), []);
  t.is(s.interest(3, 4, 4).active, 0);
});

test('an emptying read forces an edge for the writer, a partial read does not', (t) => {
  const s = watchedPair(0x34000, [[A, EPOLLOUT, 1n]]);
  s.call('write', T0, A, 3);

  s.call('read', T1, B, 1);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());
  s.call('read', T1, B, 2);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 1n]));
});

test('a read from a full buffer gives the writer a new EPOLLOUT edge', (t) => {
  const s = watchedPair(4, [[A, EPOLLOUT, 1n]]);
  s.call('write', T0, A, 4);

  s.call('read', T1, B, 1);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLOUT, 1n]));
});

test('a read updates the reader without forcing an edge', (t) => {
  const s = watchedPair(0x34000, [[B, EPOLLIN | EPOLLOUT, 2n]]);
  s.call('write', T0, A, 2);
  s.call('epollWait', T0, E, 8, 0);

  s.call('read', T1, B, 1);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());
  s.call('read', T1, B, 1);
  t.is(s.interest(3, 5, 5).active, EPOLLOUT);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered());
});

test('a read that empties the buffer forces the edge even if blocked writers refill it', (t) => {
  const s = watchedPair(4, [[A, EPOLLIN | EPOLLOUT, 1n]]);
  s.call('write', T0, B, 1);
  s.call('epollWait', T0, E, 8, 0);
  s.call('write', T1, A, 4);
  s.call('write', T1, A, 4);

  const step = s.call('read', T0, B, 4);
  t.deepEqual(step.wakeups, [retried(T1, { ret: 4 })]);
  t.is(s.socket(5).buffered, 4);
  t.deepEqual(s.call('epollWait', T0, E, 8, 0).outcome, delivered([EPOLLIN, 1n]));
});

test('fcntl on a socket triggers no epoll update', (t) => {
  const s = watchedPair(0x34000, [[A, EPOLLIN | EPOLLOUT, 1n]]);
  const before = s.epoll(3);

  s.call('setFlags', T0, A, O_NONBLOCK);
  t.deepEqual(s.epoll(3), before);
});

test('failed, empty and end-of-file reads and writes make no edge', (t) => {
  const s = watchedPair(1, [
    [A, EPOLLIN | EPOLLOUT, 1n],
    [B, EPOLLIN | EPOLLOUT, 2n],
  ]);
  s.call('setFlags', T0, A, O_NONBLOCK);
  const wait = () => s.call('epollWait', T0, E, 8, 0).outcome;

  t.deepEqual(s.call('read', T1, A, 8).outcome, failed('EAGAIN'));
  t.deepEqual(wait(), delivered());
  s.call('write', T1, A, 1);
  t.deepEqual(wait(), delivered([EPOLLIN | EPOLLOUT, 2n]));
  t.deepEqual(s.call('write', T1, A, 1).outcome, failed('EAGAIN'));
  t.deepEqual(wait(), delivered());
  s.call('close', T1, B);
  t.deepEqual(wait(), delivered([bits(EPOLLIN, EPOLLOUT, EPOLLHUP, EPOLLERR), 1n]));
  t.deepEqual(s.call('write', T1, A, 1).outcome, failed('EPIPE'));
  t.deepEqual(s.call('read', T1, A, 8).outcome, returned(0));
  t.deepEqual(wait(), delivered());
});
