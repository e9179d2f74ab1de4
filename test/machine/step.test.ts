import test from 'ava';
import {
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  and,
  eq,
  model,
  step,
  threadId,
  type MachineState,
} from '../../src/index.js';
import { runThreads, startOf } from './helpers.js';

const WAITER = threadId(1);
const WRITER = threadId(2);

/**
 * A waiter that counts its events, loads `x`, then checks what it received; a writer that
 * stores `x` and signals.
 */
function handoff(timeout = -1) {
  return model('handoff', (m) => {
    const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
    m.variable('x');
    m.thread('waiter', (t) => {
      const n = t.epollWait(ep, 1, timeout);
      const count = t.set(n.count, { as: 'count' });
      t.load('x');
      t.assert(and(eq(count, 1), eq(n.event(0).data, 7n)), 'one event arrives');
    });
    m.thread('writer', (t) => {
      t.store('x', 1);
      t.write(efd, 1n);
    });
  });
}

/** True when `v` and everything reachable from it is frozen. */
function deeplyFrozen(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  return Object.isFrozen(v) && Object.values(v).every(deeplyFrozen);
}

test('a step runs one visible instruction and the local instructions after it', (t) => {
  const m = handoff();
  const { state, transitions } = runThreads(m, startOf(m), ['writer', 'writer', 'waiter']);
  t.deepEqual(
    transitions.map((tr) => [tr.label, tr.call]),
    [
      ['store', 'x = 1'],
      ['write', 'write(3, 1)'],
      ['epoll_wait', 'epoll_wait(4, 1, -1)'],
    ],
  );
  t.deepEqual(state.threads[WAITER], {
    pc: 2,
    regs: { n: { ret: 1, events: [{ events: EPOLLIN, data: 7n }] }, count: 1 },
    status: 'runnable',
    deadline: null,
  });
});

test('a wakeup completes the blocked call and stores its result in the woken thread', (t) => {
  const m = handoff();
  const blocked = runThreads(m, startOf(m), ['waiter', 'writer']).state;
  t.deepEqual(blocked.threads[WAITER], { pc: 0, regs: {}, status: 'blocked', deadline: null });

  const { state, transition } = step(m, blocked, { kind: 'step', thread: WRITER });
  t.deepEqual(transition.wakeups, [
    {
      thread: WAITER,
      reason: 'ready',
      result: { ret: 1, events: [{ events: EPOLLIN, data: 7n }] },
    },
  ]);
  t.deepEqual(state.threads[WAITER], {
    pc: 2,
    regs: { n: { ret: 1, events: [{ events: EPOLLIN, data: 7n }] }, count: 1 },
    status: 'runnable',
    deadline: null,
  });
  t.deepEqual(state.threads[WRITER], { pc: 2, regs: {}, status: 'done', deadline: null });
});

test("every step ticks the running thread's own clock entry", (t) => {
  const m = handoff();
  const before = startOf(m);
  t.deepEqual(
    before.kernel.threads.map((th) => th.clock),
    [[5], [4, 1], [4, 0, 1]],
  );
  const stored = runThreads(m, before, ['writer']).state;
  t.deepEqual(
    stored.kernel.threads.map((th) => th.clock),
    [[5], [4, 1], [4, 0, 2]],
  );
  const waited = runThreads(m, stored, ['waiter']).state;
  t.deepEqual(
    waited.kernel.threads.map((th) => th.clock),
    [[5], [4, 2], [4, 0, 2]],
  );
});

test('a delivery acquires the clock the write released into the interest', (t) => {
  const m = handoff();
  const { state, transitions } = runThreads(m, startOf(m), ['waiter', 'writer', 'writer']);
  t.deepEqual(transitions[2]?.deliveries, [
    { thread: WAITER, key: { id: 3, fd: 3 }, edgeClock: [4, 0, 3], clock: [4, 2, 3] },
  ]);
  t.deepEqual(
    state.kernel.threads.map((th) => th.clock),
    [[5], [4, 2, 3], [4, 0, 5]],
  );
});

test('step leaves the given state unchanged and returns a deeply frozen state', (t) => {
  const m = handoff();
  const before = runThreads(m, startOf(m), ['waiter', 'writer']).state;
  const copy: MachineState = structuredClone(before);
  const { state } = step(m, before, { kind: 'step', thread: WRITER });
  t.deepEqual(before, copy);
  t.not(state, before);
  t.true(deeplyFrozen(state));
  t.true(deeplyFrozen(before));
});

test('a timeout returns 0 from epoll_wait and runs the thread on', (t) => {
  const m = handoff(10);
  const blocked = runThreads(m, startOf(m), ['waiter']).state;
  const { state, transition } = step(m, blocked, { kind: 'timeout', thread: WAITER });
  t.deepEqual([transition.label, transition.call], ['timeout', 'epoll_wait timed out']);
  t.deepEqual(transition.outcome, { kind: 'returned', result: { ret: 0 } });
  t.is(transition.stop, null);
  t.deepEqual(state.threads[WAITER], {
    pc: 2,
    regs: { n: { ret: 0 }, count: 0 },
    status: 'runnable',
    deadline: null,
  });
  t.deepEqual(runThreads(m, state, ['waiter']).transitions[0]?.stop, {
    kind: 'assertion',
    thread: WAITER,
    label: 'assert',
    message: 'one event arrives',
  });
});

test('stepping a blocked thread is refused and leaves the state as it was', (t) => {
  const m = handoff();
  const blocked = runThreads(m, startOf(m), ['waiter']).state;
  const { state, transition } = step(m, blocked, { kind: 'step', thread: WAITER });
  t.is(state, blocked);
  t.deepEqual(transition.stop, {
    kind: 'model-error',
    thread: WAITER,
    label: 'step',
    message: 'thread 1 has no instruction to run',
  });
});

test('a timeout of a thread without a deadline is refused', (t) => {
  const m = handoff();
  const blocked = runThreads(m, startOf(m), ['waiter']).state;
  const { state, transition } = step(m, blocked, { kind: 'timeout', thread: WAITER });
  t.is(state, blocked);
  t.deepEqual(transition.stop, {
    kind: 'model-error',
    thread: WAITER,
    label: 'timeout',
    message: 'thread 1 is not waiting with a deadline',
  });
});

test('an operand that cannot be evaluated is a failed assertion at that instruction', (t) => {
  const m = model('bad-operand', (m) => {
    m.thread('a', (a) => {
      const r = a.eventfd(0, 0, { as: 'r' });
      a.close(r.event(0).data);
    });
  });
  const { transitions, state } = runThreads(m, startOf(m), ['a', 'a']);
  t.deepEqual(transitions[1]?.stop, {
    kind: 'assertion',
    thread: threadId(1),
    label: 'close',
    message: "cannot evaluate its operands: register 'r' has no event record 0",
  });
  t.is(state.threads[1]?.pc, 1);
});

test('a loop that wants one pass more than its bound stops with the bound', (t) => {
  const m = model('spin', (m) => {
    m.thread('a', (a) => {
      a.loop('spin', 2, () => a.eventfd());
    });
  });
  const { transitions } = runThreads(m, startOf(m), ['a', 'a']);
  t.deepEqual(
    transitions.map((tr) => tr.stop),
    [null, { kind: 'loop-bound', thread: threadId(1), loop: 'spin', bound: 2 }],
  );
});
