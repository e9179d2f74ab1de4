import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'no-deadlock';

/** Two ready eventfds and two waiters taking up to `maxevents` each, with no one else. */
function twoWaiters(maxevents: number, mayEndBlocked = false) {
  return model('two-waiters', (m) => {
    const a = m.eventfd(1, EFD_NONBLOCK, { as: 'a' });
    const b = m.eventfd(1, EFD_NONBLOCK, { as: 'b' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', a, EPOLLIN | EPOLLET, 1n);
    m.epollCtl(ep, 'ADD', b, EPOLLIN | EPOLLET, 2n);
    m.thread('w1', (t) => t.epollWait(ep, maxevents, -1), { mayEndBlocked });
    m.thread('w2', (t) => t.epollWait(ep, maxevents, -1), { mayEndBlocked });
  });
}

test('a waiter that takes both events leaves the other blocked for ever', (t) => {
  const replay = violates(
    t,
    twoWaiters(2),
    ID,
    'deadlock: no thread can move and w2 (blocked) never finished',
  );
  t.is(replay, 'w1:epoll_wait,w2:epoll_wait');
});

test('with maxevents 1 each waiter takes one event and both finish', (t) => {
  passes(t, twoWaiters(1));
});

test('threads free to end blocked are no deadlock', (t) => {
  passes(t, twoWaiters(2, true));
});

test('a thread waiting to join a blocked one is named as such', (t) => {
  const m = model('join-stuck', (m) => {
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.thread('sleeper', (s) => s.epollWait(ep, 1, -1));
    m.thread('joiner', (j) => {
      j.join('sleeper');
    });
  });
  violates(
    t,
    m,
    ID,
    'deadlock: no thread can move and sleeper (blocked), joiner (waiting to join) never finished',
  );
});

testProp(
  'no random schedule of the maxevents 1 model ends stuck',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 4 })],
  (t, picks) => {
    for (const ctx of walk(twoWaiters(1), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
