import test from 'ava';
import {
  descriptionName,
  EFD_NONBLOCK,
  EPOLLERR,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  EPOLLRDHUP,
  readiness,
  type Fd,
} from '../../src/kernel/index.js';
import { bits, Session, T0, U64_MAX } from './helpers.js';

const HANGUP = bits(EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLHUP);

function of(s: Session, n: Fd): number | null {
  const d = s.description(s.id(n));
  if (d === null) throw new Error(`fd ${n} has no description`);
  return readiness(s.k, d);
}

test('an eventfd is readable iff its counter is not 0', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0, 0, EFD_NONBLOCK);

  t.is(of(s, x), EPOLLOUT);
  s.call('write', T0, x, 8, 1n);
  t.is(of(s, x), EPOLLIN | EPOLLOUT);
});

test('an eventfd is writable iff its counter is below u64::MAX - 1', (t) => {
  const s = new Session();
  const x = s.fd('eventfd', T0, 0, EFD_NONBLOCK);
  s.call('write', T0, x, 8, U64_MAX - 2n);

  t.is(of(s, x), EPOLLIN | EPOLLOUT);
  s.call('write', T0, x, 8, 1n);
  t.is(of(s, x), EPOLLIN);
});

test('an eventfd limit from the config moves where EPOLLOUT ends', (t) => {
  const s = new Session(1, { eventfdLimit: 2n });
  const x = s.fd('eventfd', T0, 1);

  t.is(of(s, x), EPOLLIN | EPOLLOUT);
  s.call('write', T0, x, 8, 1n);
  t.is(of(s, x), EPOLLIN);
});

test('a socketpair end is readable with data and writable while the peer has room', (t) => {
  const s = new Session(1, { socketCapacity: 3 });
  const [a, b] = s.pair('socketpair', T0);

  t.is(of(s, a), EPOLLOUT);
  s.call('write', T0, a, 2);
  t.is(of(s, a), EPOLLOUT);
  t.is(of(s, b), EPOLLIN | EPOLLOUT);
  s.call('write', T0, a, 1);
  t.is(of(s, a), 0);
  t.is(of(s, b), EPOLLIN | EPOLLOUT);
});

test('a socket end with its peer gone reports IN|OUT|RDHUP|HUP', (t) => {
  const s = new Session();
  const [a, b] = s.pair('socketpair', T0);
  s.call('write', T0, b, 4);
  s.call('close', T0, b);

  t.is(of(s, a), HANGUP);
});

test('a socket end whose peer died with unread data also reports ERR', (t) => {
  const s = new Session();
  const [a, b] = s.pair('socketpair', T0);
  s.call('write', T0, a, 4);
  s.call('close', T0, b);

  t.is(of(s, a), HANGUP | EPOLLERR);
});

test('a pipe read end is always writable and a write end always readable', (t) => {
  const s = new Session(1, { socketCapacity: 2 });
  const [r, w] = s.pair('pipe', T0);

  t.is(of(s, r), EPOLLOUT);
  t.is(of(s, w), EPOLLIN | EPOLLOUT);
  s.call('write', T0, w, 2);
  t.is(of(s, r), EPOLLIN | EPOLLOUT);
  t.is(of(s, w), EPOLLIN);
});

test('pipe ends with the other end gone report IN|OUT|RDHUP|HUP', (t) => {
  const s = new Session();
  const [r, w] = s.pair('pipe', T0);
  const [r2, w2] = s.pair('pipe', T0);
  s.call('close', T0, w);
  s.call('write', T0, w2, 1);
  s.call('close', T0, r2);

  t.is(of(s, r), HANGUP);
  t.is(of(s, w2), HANGUP | EPOLLERR);
});

test('epoll and the standard streams have no readiness', (t) => {
  const s = new Session();
  const e = s.fd('epollCreate1', T0);

  t.is(of(s, e), null);
  for (const n of [0, 1, 2] as Fd[]) t.is(of(s, n), null);
});

test('descriptions are named as the seed names them', (t) => {
  const s = new Session();
  s.fd('epollCreate1', T0);
  s.fd('eventfd', T0);
  s.pair('socketpair', T0);
  s.pair('pipe', T0);

  t.deepEqual(
    s.k.descriptions.map((d) => (d === null ? null : descriptionName(d))),
    ['stdin', 'stdout', 'stderr', 'epoll', 'event', 'socketpair', 'socketpair', 'pipe', 'pipe'],
  );
});
