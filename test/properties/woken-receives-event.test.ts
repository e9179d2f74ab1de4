import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, model, threadId } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'woken-receives-event';

/** Two threads wait on one epoll for an eventfd that one write makes ready once. */
function twoWaiters(wakeAll: boolean) {
  return model('two-waiters-one-event', (m) => {
    const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
    if (wakeAll) m.mutate('wake-all-waiters');
    m.thread('w1', (t) => t.epollWait(ep, 1, -1), { mayEndBlocked: true });
    m.thread('w2', (t) => t.epollWait(ep, 1, -1), { mayEndBlocked: true });
    m.thread('writer', (t) => t.write(efd, 1n));
  });
}

test('waking every waiter for one event wakes one with nothing to receive', (t) => {
  const replay = violates(
    t,
    twoWaiters(true),
    ID,
    'the interpreter panicked: we got woken up with no events to deliver',
  );
  t.is(replay, 'w1:epoll_wait,w2:epoll_wait,writer:write');
});

test('under the seed one event wakes exactly one of two waiters', (t) => {
  passes(t, twoWaiters(false));
});

test('a ready wakeup that returned no event is named', (t) => {
  const [ctx] = walk(twoWaiters(false), [0]);
  if (ctx === undefined) throw new Error('no step');
  const empty = { thread: threadId(2), reason: 'ready' as const, result: { ret: 0 } };
  const transition = { ...ctx.transition, wakeups: [empty] };
  t.is(
    property(ID).check({ ...ctx, transition }),
    'w2 was woken from epoll_wait with no event to receive',
  );
});

testProp(
  'every waiter woken along a random schedule receives an event',
  [fc.array(fc.nat(5), { minLength: 1, maxLength: 8 })],
  (t, picks) => {
    for (const ctx of walk(twoWaiters(false), picks)) {
      t.is(property(ID).check(ctx), null);
      for (const w of ctx.transition.wakeups) t.is(w.result.ret, 1);
    }
  },
  { numRuns: 40 },
);
