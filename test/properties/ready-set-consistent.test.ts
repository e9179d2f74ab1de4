import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { produce } from 'immer';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'ready-set-consistent';

/** A ready eventfd that one thread removes from the epoll while another waits on it. */
function removed(keepKey: boolean) {
  return model('removed', (m) => {
    const efd = m.eventfd(1, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
    if (keepKey) m.mutate('del-keeps-ready-key');
    m.thread('remover', (t) => t.epollCtl(ep, 'DEL', efd));
    m.thread('waiter', (t) => t.epollWait(ep, 1, 0));
  });
}

test('a DEL that keeps the ready key leaves a key outside the interest list', (t) => {
  const replay = violates(
    t,
    removed(true),
    ID,
    'epoll 4 has key (3, 3) ready but not in its interest list',
  );
  t.is(replay, 'remover:epoll_ctl');
});

test('under the seed a DEL removes the key from the ready set', (t) => {
  passes(t, removed(false));
});

test('a ready key whose interest has no active events is named', (t) => {
  const [ctx] = walk(removed(false), [0]);
  if (ctx === undefined) throw new Error('no step');
  const before = ctx.before;
  const after = produce(before, (draft) => {
    const epoll = draft.kernel.descriptions[4];
    const interest = epoll?.kind === 'epoll' ? epoll.interests[0] : undefined;
    if (interest === undefined) throw new Error('no interest in epoll 4');
    interest.active = 0;
  });
  t.is(property(ID).check({ ...ctx, after }), 'epoll 4 has key (3, 3) ready with no active events');
  t.is(property(ID).check({ ...ctx, after: before }), null);
});

testProp(
  'the ready set stays consistent along every random schedule of the seed',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 4 })],
  (t, picks) => {
    for (const ctx of walk(removed(false), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
