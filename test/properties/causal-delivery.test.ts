import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, leq, model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'causal-delivery';

/** A waiter receives the event of an eventfd a writer makes readable. */
function signal(skipRelease: boolean) {
  return model('signal', (m) => {
    const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
    if (skipRelease) m.mutate('edge-skips-release');
    m.thread('waiter', (t) => t.epollWait(ep, 1, -1));
    m.thread('writer', (t) => t.write(efd, 1n));
  });
}

test('an edge that does not release the notifier clock breaks causal delivery', (t) => {
  const replay = violates(
    t,
    signal(true),
    ID,
    'waiter received key (3, 3) without happening after the step that made it ready ' +
      '(edge clock [4, 0, 2], receiver [4, 2])',
  );
  t.is(replay, 'waiter:epoll_wait,writer:write');
});

test('under the seed the receiver happens after the write', (t) => {
  passes(t, signal(false));
});

testProp(
  'every delivery along a random schedule of the seed happens after its edge',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 4 })],
  (t, picks) => {
    for (const ctx of walk(signal(false), picks)) {
      t.is(property(ID).check(ctx), null);
      for (const d of ctx.transition.deliveries) t.true(leq(d.edgeClock, d.clock));
    }
  },
  { numRuns: 30 },
);
