import test from 'ava';
import {
  check,
  depthFirst,
  EFD_NONBLOCK,
  eq,
  isDeadEnd,
  model,
  start,
  threadId,
  type Bounds,
  type MachineState,
  type Model,
  type Progress,
  type SearchHooks,
  type Transition,
} from '../../src/index.js';

const UNBOUNDED: Bounds = { states: 1_000_000, depth: 1_000, seconds: 60 };

/** Thread a makes two eventfds, thread b one; the registers are never read, so paths merge. */
const small = model('small', (m) => {
  m.thread('a', (a) => {
    a.eventfd();
    a.eventfd();
  });
  m.thread('b', (b) => b.eventfd());
});

/** Four threads each making and closing two eventfds: far more than a thousand transitions. */
const wide = model('wide', (m) => {
  for (const name of ['a', 'b', 'c', 'd']) {
    m.thread(name, (t) => {
      const x = t.eventfd();
      const y = t.eventfd();
      t.close(x);
      t.close(y);
    });
  }
});

/** A reader that asserts it finds the writer's value: fails only when the reader goes first. */
const racy = model('racy', (m) => {
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  m.thread('writer', (w) => w.write(efd, 1n));
  m.thread('reader', (r) => {
    const got = r.read(efd);
    r.assert(eq(got.ret, 8), 'the reader finds the value');
  });
});

function startOf(m: Model): MachineState {
  const begun = start(m);
  if (begun.kind === 'failed') throw new Error(begun.reason);
  return begun.state;
}

/** Hooks that judge nothing wrong and read a clock stuck at 0. */
function quiet(overrides: Partial<SearchHooks<string>> = {}): SearchHooks<string> {
  return { judge: () => null, clock: () => 0, ...overrides };
}

const fifth = (t: number, tr: Transition) => (t === 5 ? `found at ${tr.label}` : null);

test('a complete search counts every distinct state and transition', (t) => {
  const result = depthFirst(small, startOf(small), UNBOUNDED, quiet());
  t.deepEqual(result, {
    kind: 'complete',
    stats: { states: 6, transitions: 7, maxDepth: 3, durationMs: 0, peakMemory: 0 },
    cut: null,
  });
});

test('the same model searched twice gives the same counts and the same finding', (t) => {
  const run = () => {
    let n = 0;
    return depthFirst(
      small,
      startOf(small),
      UNBOUNDED,
      quiet({ judge: (_b, tr) => fifth(++n, tr) }),
    );
  };
  const first = run();
  t.deepEqual(first, {
    kind: 'found',
    finding: 'found at eventfd#2',
    schedule: [
      { kind: 'step', thread: threadId(1) },
      { kind: 'step', thread: threadId(2) },
      { kind: 'step', thread: threadId(1) },
    ],
    stats: { states: 5, transitions: 5, maxDepth: 3, durationMs: 0, peakMemory: 0 },
  });
  t.deepEqual(run(), first);
  t.deepEqual(check(racy, { clock: () => 0 }), check(racy, { clock: () => 0 }));
});

test('the judge sees each end state once, with the threads left stuck there', (t) => {
  const m = model('one-of-two', (m) => {
    const efd = m.eventfd(0, 0, { as: 'efd' });
    m.thread('a', (a) => a.read(efd));
    m.thread('b', (b) => b.write(efd, 1n));
    m.thread('c', (c) => c.read(efd));
  });
  const ends: (readonly number[])[] = [];
  depthFirst(
    m,
    startOf(m),
    UNBOUNDED,
    quiet({
      judge: (_b, _tr, _a, terminal) => {
        if (terminal !== null) ends.push(terminal.stuck);
        return null;
      },
    }),
  );
  t.deepEqual(ends, [[3], [1]]);
});

test('the state bound stops the search once one state more is reached', (t) => {
  const result = depthFirst(small, startOf(small), { ...UNBOUNDED, states: 5 }, quiet());
  t.deepEqual(result, {
    kind: 'bound',
    bound: 'states',
    stats: { states: 6, transitions: 6, maxDepth: 3, durationMs: 0, peakMemory: 0 },
  });
  t.is(depthFirst(small, startOf(small), { ...UNBOUNDED, states: 6 }, quiet()).kind, 'complete');
});

test('the depth bound cuts longer schedules and says so', (t) => {
  const result = depthFirst(small, startOf(small), { ...UNBOUNDED, depth: 2 }, quiet());
  t.deepEqual(result, {
    kind: 'complete',
    stats: { states: 5, transitions: 5, maxDepth: 2, durationMs: 0, peakMemory: 0 },
    cut: 'depth',
  });
});

test('a depth bound equal to the longest schedule cuts nothing', (t) => {
  const result = depthFirst(small, startOf(small), { ...UNBOUNDED, depth: 3 }, quiet());
  t.deepEqual(result, {
    kind: 'complete',
    stats: { states: 6, transitions: 7, maxDepth: 3, durationMs: 0, peakMemory: 0 },
    cut: null,
  });
});

test('a fake clock drives the time bound, read every 1024 transitions', (t) => {
  let reads = 0;
  const progress: Progress[] = [];
  const result = depthFirst(
    wide,
    startOf(wide),
    { ...UNBOUNDED, seconds: 1 },
    quiet({
      clock: () => (reads++ === 0 ? 0 : 5000),
      memory: () => 4096,
      onProgress: (p) => progress.push(p),
    }),
  );
  t.deepEqual(result, {
    kind: 'bound',
    bound: 'time',
    stats: { states: 528, transitions: 1024, maxDepth: 16, durationMs: 5000, peakMemory: 4096 },
  });
  t.deepEqual(progress, [{ states: 528, transitions: 1024, depth: 10, elapsedMs: 5000 }]);
  t.is(reads, 3);
});

test('a clock that stays inside the time bound lets the search finish', (t) => {
  const result = depthFirst(
    small,
    startOf(small),
    { ...UNBOUNDED, seconds: 1 },
    quiet({ clock: () => 999 }),
  );
  t.is(result.kind, 'complete');
});

test('a dead end is a stop, an unsupported call or a panic', (t) => {
  const base: Transition = {
    choice: { kind: 'step', thread: threadId(0) },
    thread: threadId(0),
    label: 'x',
    op: 'x',
    call: 'x',
    outcome: { kind: 'returned', result: { ret: 0 } },
    wakeups: [],
    deliveries: [],
    race: null,
    stop: null,
  };
  t.false(isDeadEnd(base));
  t.true(isDeadEnd({ ...base, outcome: { kind: 'unsupported', call: 'c', message: 'm' } }));
  t.true(
    isDeadEnd({
      ...base,
      outcome: { kind: 'panic', call: 'c', message: 'm', code: 'woken-without-events' },
    }),
  );
  t.true(
    isDeadEnd({ ...base, stop: { kind: 'loop-bound', thread: threadId(0), loop: 'l', bound: 1 } }),
  );
});

test('no path continues past a dead end', (t) => {
  const seen: string[] = [];
  depthFirst(
    racy,
    startOf(racy),
    UNBOUNDED,
    quiet({
      judge: (_b, tr) => {
        seen.push(`${tr.thread}:${tr.label}${tr.stop === null ? '' : '!'}`);
        return null;
      },
    }),
  );
  t.deepEqual(seen, ['1:write', '2:read', '2:read!']);
});
