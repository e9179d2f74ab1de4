import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EPOLLET, EPOLLIN, model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'interest-table-consistent';

/**
 * T blocks in epoll_wait(E) watching socket end A; U writes to end B twice, closing E first
 * (the seed's latent hazard) or last.
 */
function closeWhileWaiting(closeFirst: boolean) {
  return model('close-epoll-while-waiting', (m) => {
    const sv = m.socketpair(0, { as: 'sv' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', sv.fd0, EPOLLIN | EPOLLET, 1n);
    m.thread('T', (t) => t.epollWait(ep, 1, -1));
    m.thread('U', (u) => {
      if (closeFirst) u.close(ep);
      u.writeBytes(sv.fd1, 1);
      u.writeBytes(sv.fd1, 1);
      if (!closeFirst) u.close(ep);
    });
  });
}

test('closing an epoll while a thread waits in it leaves a freed epoll in the table', (t) => {
  const replay = violates(
    t,
    closeWhileWaiting(true),
    ID,
    'the interest table lists epoll 5 for description 3, but that epoll was freed',
  );
  t.is(replay, 'T:epoll_wait,U:close,U:write');
});

test('the second write after the close panics the interpreter on the stale row', (t) => {
  const [, , , panic] = walk(closeWhileWaiting(true), [0, 0, 0, 0]);
  if (panic === undefined) throw new Error('the walk ended early');
  t.deepEqual(panic.transition.outcome, {
    kind: 'panic',
    call: 'write',
    message: 'someone forgot to remove the garbage from `machine.epoll_interests`',
    code: 'stale-interest-table',
  });
  t.is(
    property(ID).check(panic),
    'the interpreter panicked: someone forgot to remove the garbage from `machine.epoll_interests`',
  );
});

test('closing the epoll after the writes keeps the table consistent', (t) => {
  passes(t, closeWhileWaiting(false));
});

testProp(
  'the table matches the interest lists along every random schedule that closes last',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 5 })],
  (t, picks) => {
    for (const ctx of walk(closeWhileWaiting(false), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
