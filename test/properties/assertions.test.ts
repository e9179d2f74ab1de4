import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model, variable } from '../../src/index.js';
import { passes, property, violates, walk } from './helpers.js';

const ID = 'assertions';

/** A writer signals an eventfd; the reader reads it at once, or first waits for it. */
function reader(waits: boolean) {
  return model('reader', (m) => {
    const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
    m.thread('writer', (w) => w.write(efd, 1n));
    m.thread('reader', (r) => {
      if (waits) r.epollWait(ep, 1, -1);
      const got = r.read(efd);
      r.assert(eq(got.value, 1n), 'the reader reads the 1 the writer wrote');
    });
  });
}

/** Main joins a writer that stores 2; the final condition expects `expected`. */
function ending(expected: number) {
  return model('ending', (m) => {
    m.variable('x');
    m.thread('writer', (w) => {
      w.store('x', 2);
    });
    m.main((main) => {
      main.join('writer');
    });
    m.final(eq(variable('x'), expected), `x ends ${expected}`);
  });
}

test('an assertion that fails in one interleaving is a violation', (t) => {
  const replay = violates(
    t,
    reader(false),
    ID,
    'reader failed assertion at assert: the reader reads the 1 the writer wrote',
  );
  t.is(replay, 'reader:read');
});

test('the same assertion holds when the reader first waits for the event', (t) => {
  passes(t, reader(true));
});

test('a final condition that fails is a violation', (t) => {
  const replay = violates(t, ending(3), ID, 'final condition failed: x ends 3');
  t.is(replay, 'writer:store,main:join');
});

test('a final condition that holds passes', (t) => {
  passes(t, ending(2));
});

test('a final condition that cannot be evaluated says why', (t) => {
  const m = model('unknown-variable', (m) => {
    m.thread('a', (a) => a.eventfd());
    m.final(eq(variable('ghost'), 1), 'ghost is 1');
  });
  violates(
    t,
    m,
    ID,
    `final condition "ghost is 1" cannot be evaluated: shared variable 'ghost' is not declared`,
  );
});

testProp(
  'no assertion fails along a random schedule of the waiting reader',
  [fc.array(fc.nat(3), { minLength: 1, maxLength: 5 })],
  (t, picks) => {
    for (const ctx of walk(reader(true), picks)) t.is(property(ID).check(ctx), null);
  },
  { numRuns: 30 },
);
