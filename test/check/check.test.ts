import test from 'ava';
import {
  boundsFor,
  check,
  DEFAULT_BOUNDS,
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  EPOLLONESHOT,
  eq,
  meetsExpectation,
  model,
  Ref,
  threadId,
  variable,
  type Verdict,
} from '../../src/index.js';
import { handoff, impatient } from './models.js';

const clock = () => 0;
const stats = (states: number, transitions: number, maxDepth: number) => ({
  states,
  transitions,
  maxDepth,
  durationMs: 0,
  peakMemory: 0,
});

/** A model that registers an eventfd with EPOLLONESHOT, in a thread or in the setup. */
function oneshot(inSetup: boolean) {
  return model('oneshot', (m) => {
    const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    if (inSetup) m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET | EPOLLONESHOT, 1n);
    else m.thread('a', (a) => a.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET | EPOLLONESHOT, 1n));
  });
}

const ONESHOT_MESSAGE =
  'epoll_ctl: encountered unknown unsupported flags 0x40000000 (EPOLLONESHOT)';

test('a model every interleaving of which is sound passes with its counts', (t) => {
  t.deepEqual(check(handoff, { clock }), { kind: 'pass', stats: stats(5, 5, 3) });
});

test('a violation comes with its property, message, schedule and replay string', (t) => {
  t.deepEqual(check(impatient, { clock }), {
    kind: 'violation',
    property: 'assertions',
    message: 'reader failed assertion at assert: the reader finds the value',
    counterexample: {
      schedule: [{ kind: 'step', thread: threadId(2) }],
      replay: 'reader:read',
      shortest: true,
    },
    stats: stats(3, 3, 2),
  });
});

test('the state bound is reported with how far the search got and how to raise it', (t) => {
  t.deepEqual(check(handoff, { clock, bounds: { states: 2 } }), {
    kind: 'bound-reached',
    bound: 'states',
    detail: 'found more than the limit of 2 distinct states; raise it with --max-states',
    stats: stats(3, 2, 1),
  });
});

test('the depth bound is reported when some schedule is longer', (t) => {
  t.deepEqual(check(handoff, { clock, bounds: { depth: 2 } }), {
    kind: 'bound-reached',
    bound: 'depth',
    detail: 'some schedules are longer than the depth bound; raise it with --max-depth',
    stats: stats(4, 4, 2),
  });
  t.is(check(handoff, { clock, bounds: { depth: 3 } }).kind, 'pass');
});

test('the time bound is reported when the clock passes it', (t) => {
  const wide = model('wide', (m) => {
    for (const name of ['a', 'b', 'c', 'd']) {
      m.thread(name, (th) => {
        const x = th.eventfd();
        const y = th.eventfd();
        th.close(x);
        th.close(y);
      });
    }
  });
  let reads = 0;
  const verdict = check(wide, {
    clock: () => (reads++ === 0 ? 0 : 10_000),
    bounds: { seconds: 2 },
  });
  if (verdict.kind !== 'bound-reached') throw new Error(`expected a bound, got ${verdict.kind}`);
  t.is(verdict.bound, 'time');
  t.is(verdict.stats.transitions, 1024);
  t.is(verdict.stats.durationMs, 10_000);
  t.is(
    verdict.detail,
    `stopped at the time bound after ${verdict.stats.states} distinct states; raise it with --max-seconds`,
  );
});

test('a loop that wants more passes than its bound is reported by name', (t) => {
  const spin = model('spin', (m) => {
    m.thread('a', (a) => {
      a.loop('spin', 2, () => a.eventfd());
    });
  });
  t.deepEqual(check(spin, { clock }), {
    kind: 'bound-reached',
    bound: 'loop',
    detail:
      "loop 'spin' in thread 'a' wanted more than its bound of 2 passes; raise the bound in the model",
    stats: stats(2, 2, 1),
  });
});

test('an invalid model is an error naming its first problem and how many more', (t) => {
  const bad = model('bad', (m) => {
    m.thread('a', (a) => {
      a.store('ghost', 1);
      a.join('nobody');
    });
  });
  t.deepEqual(check(bad, { clock }), {
    kind: 'error',
    message:
      "model 'bad': thread 'a', instruction 0 (store): shared variable 'ghost' is not declared; declare it with m.variable('ghost') (and 1 more problems)",
  });
});

test('an operand that fails while the model runs is a violation of its assertions', (t) => {
  const m = model('no-record', (m) => {
    m.thread('a', (a) => {
      a.eventfd(0, 0, { as: 'r' });
      a.close(new Ref('r').event(0).data);
    });
  });
  const verdict = check(m, { clock });
  t.is(verdict.kind, 'violation');
  t.is(
    verdict.kind === 'violation' ? verdict.message : '',
    "a failed assertion at close: cannot evaluate its operands: register 'r' has no event " +
      'record 0',
  );
  t.is(verdict.kind === 'violation' ? verdict.counterexample.replay : '', 'a:eventfd,a:close');
});

test('a setup that blocks is an error', (t) => {
  const m = model('stuck-setup', (m) => {
    m.read(m.eventfd(0, 0, { as: 'efd' }));
  });
  t.deepEqual(check(m, { clock }), {
    kind: 'error',
    message:
      "model 'stuck-setup': the setup blocked in read(3, 8); the setup must not block, move the call into a thread",
  });
});

test('EPOLLONESHOT is unsupported, with the schedule that reaches it', (t) => {
  t.deepEqual(check(oneshot(false), { clock }), {
    kind: 'unsupported',
    call: 'epoll_ctl',
    message: ONESHOT_MESSAGE,
    counterexample: {
      schedule: [{ kind: 'step', thread: threadId(1) }],
      replay: 'a:epoll_ctl',
      shortest: true,
    },
    stats: stats(1, 1, 0),
  });
});

test('EPOLLONESHOT in the setup is unsupported with an empty schedule', (t) => {
  const verdict: Verdict = check(oneshot(true), { clock });
  t.deepEqual(verdict, {
    kind: 'unsupported',
    call: 'epoll_ctl',
    message: ONESHOT_MESSAGE,
    counterexample: { schedule: [], replay: '', shortest: true },
    stats: stats(0, 0, 0),
  });
});

test('threads that join each other deadlock at the start', (t) => {
  const m = model('mutual-join', (m) => {
    m.thread('a', (a) => {
      a.join('b');
    });
    m.thread('b', (b) => {
      b.join('a');
    });
  });
  t.deepEqual(check(m, { clock }), {
    kind: 'violation',
    property: 'no-deadlock',
    message:
      'deadlock: no thread can move and a (waiting to join), b (waiting to join) never finished',
    counterexample: { schedule: [], replay: '', shortest: true },
    stats: stats(1, 0, 0),
  });
});

test('a model that is all setup has its final conditions checked', (t) => {
  const setupOnly = (expected: number) =>
    model('setup-only', (m) => {
      m.variable('x');
      m.store('x', 1);
      m.final(eq(variable('x'), expected), `x ends ${expected}`);
    });
  t.deepEqual(check(setupOnly(2), { clock }), {
    kind: 'violation',
    property: 'assertions',
    message: 'final condition failed: x ends 2',
    counterexample: { schedule: [], replay: '', shortest: true },
    stats: stats(1, 0, 0),
  });
  t.deepEqual(check(setupOnly(1), { clock }), { kind: 'pass', stats: stats(1, 0, 0) });
});

test('only the selected properties are checked', (t) => {
  const verdict = check(impatient, { clock, properties: ['no-data-race'] });
  t.deepEqual(verdict, { kind: 'pass', stats: stats(3, 3, 2) });
});

test('bounds come from the defaults, then the model, then the caller', (t) => {
  const limited = model('limited', (m) => {
    m.limit({ states: 10, depth: 5 });
  });
  t.deepEqual(boundsFor(limited), { states: 10, depth: 5, seconds: DEFAULT_BOUNDS.seconds });
  t.deepEqual(boundsFor(limited, { depth: 7, seconds: 1 }), { states: 10, depth: 7, seconds: 1 });
});

test('a verdict meets an expectation of the same kind and property', (t) => {
  const violation = check(impatient, { clock });
  t.true(meetsExpectation({ verdict: 'violation', property: 'assertions' }, violation));
  t.false(meetsExpectation({ verdict: 'violation', property: 'no-deadlock' }, violation));
  t.false(meetsExpectation({ verdict: 'pass' }, violation));
  t.true(meetsExpectation({ verdict: 'pass' }, check(handoff, { clock })));
  t.true(meetsExpectation({ verdict: 'unsupported' }, check(oneshot(false), { clock })));
});
