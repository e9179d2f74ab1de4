import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'no-lost-wakeup';

/** A waiter blocks on an empty epoll; another thread then adds an eventfd that is already ready. */
function lateAdd(skipWakeup: boolean) {
  return model('late-add', (m) => {
    const efd = m.eventfd(1, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    if (skipWakeup) m.mutate('ctl-skips-wakeup');
    m.thread('waiter', (t) => t.epollWait(ep, 1, -1));
    m.thread('adder', (t) => t.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n));
  });
}

test('an ADD that skips the wakeup leaves a waiter blocked beside a ready key', (t) => {
  const replay = violates(
    t,
    lateAdd(true),
    ID,
    'waiter waits on epoll 4 while key (3, 3) is ready',
  );
  t.is(replay, 'waiter:epoll_wait,adder:epoll_ctl');
});

test('under the seed adding a ready fd wakes the blocked waiter', (t) => {
  passes(t, lateAdd(false));
});

testProp(
  'no waiter is left beside a ready key along any random schedule of the seed',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 4 })],
  (t, picks) => {
    for (const ctx of walk(lateAdd(false), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
