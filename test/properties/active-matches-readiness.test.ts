import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, EPOLLOUT, model } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'active-matches-readiness';

/** A readable eventfd watched for EPOLLIN and EPOLLOUT, read and written by two threads. */
function drained(skipUpdate: boolean) {
  return model('drained', (m) => {
    const efd = m.eventfd(1, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLOUT | EPOLLET, 7n);
    if (skipUpdate) m.mutate('eventfd-read-skips-update');
    m.thread('reader', (t) => t.read(efd));
    m.thread('writer', (t) => t.write(efd, 2n));
  });
}

test('a read that skips the readiness update leaves a stale active EPOLLIN', (t) => {
  const replay = violates(
    t,
    drained(true),
    ID,
    'epoll 4 interest (3, 3) has active EPOLLIN|EPOLLOUT but its description reports EPOLLOUT',
  );
  t.is(replay, 'reader:read');
});

test('under the seed a read updates the interest to the new readiness', (t) => {
  passes(t, drained(false));
});

testProp(
  'active events match readiness along every random schedule of the seed',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 4 })],
  (t, picks) => {
    for (const ctx of walk(drained(false), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
