import { testProp } from '@fast-check/ava';
import type { ExecutionContext } from 'ava';
import {
  initialKernel,
  type KernelConfig,
  type KernelState,
  type KernelStep,
} from '../../src/kernel/index.js';
import { apply, configArbitrary, runArbitrary, type Op } from './arbitraries.js';
import { big } from './helpers.js';
import {
  checkI1,
  checkI2,
  checkI3,
  checkI5,
  orphanEpolls,
  snapshot,
  unfrozenPath,
} from './invariants.js';

/** What a run checks after each step, given the states before and after it. */
type Check = (before: KernelState, step: KernelStep, op: Op) => string[];

const describe = (op: Op): string => JSON.stringify(op, big);

/**
 * Replays `ops` from a fresh kernel. A blocked thread takes no steps (only its deadline may
 * fire). After every call: nothing was thrown, the given state is untouched, the returned state
 * is deeply frozen, an abort or panic returns the given state, and `check` finds nothing.
 */
function replay(
  t: ExecutionContext,
  threads: number,
  config: Partial<KernelConfig>,
  ops: readonly Op[],
  check: Check,
): void {
  let k = initialKernel(threads, config);
  t.is(unfrozenPath(k), null);
  for (const op of ops) {
    if (op.call !== 'timeout' && k.threads[op.t]?.blocked !== null) continue;
    const before = snapshot(k);
    let step: KernelStep | null;
    try {
      step = apply(k, op);
    } catch (error) {
      t.fail(`${describe(op)} threw ${String(error)}`);
      return;
    }
    t.is(snapshot(k), before, `${describe(op)} changed the state it was given`);
    if (step === null) continue;
    t.is(unfrozenPath(step.state), null, `${describe(op)} returned a state that is not frozen`);
    if (step.outcome.kind === 'unsupported' || step.outcome.kind === 'panic') {
      t.is(step.state, k, `${describe(op)} aborted but changed the state`);
    }
    t.deepEqual(check(k, step, op), [], describe(op));
    k = step.state;
  }
}

/** Wakeups name threads that were blocked before the step and are not after it. */
function checkWakeups(before: KernelState, step: KernelStep): string[] {
  return step.wakeups.flatMap((w) => {
    const was = before.threads[w.thread]?.blocked ?? null;
    const is = step.state.threads[w.thread]?.blocked ?? null;
    if (was === null || is !== null) return [`wakeup of thread ${w.thread} that was not blocked`];
    if (w.reason === 'ready' && w.result.ret < 1) return [`I4: thread ${w.thread} woke empty`];
    return [];
  });
}

testProp(
  'single-threaded runs keep I2, I3 and I5 and never panic',
  [configArbitrary, runArbitrary(1, 40)],
  (t, config, ops) => {
    replay(t, 1, config, ops, (before, step) => [
      ...(step.outcome.kind === 'panic' ? [`panic: ${step.outcome.message}`] : []),
      ...checkWakeups(before, step),
      ...checkI2(step.state),
      ...checkI3(step.state),
      ...checkI5(step.state),
    ]);
  },
  { numRuns: 400 },
);

testProp(
  'multi-threaded runs keep I1 to I4, and I5 but for epolls closed while a thread waits',
  [configArbitrary, runArbitrary(3, 60)],
  (t, config, ops) => {
    const orphans = new Set<number>();
    replay(t, 3, config, ops, (before, step) => {
      const stale = before.interestTable.some((row) =>
        row.epolls.some((id) => before.descriptions[id]?.kind !== 'epoll'),
      );
      const { outcome } = step;
      const badPanic =
        outcome.kind === 'panic' && (outcome.code !== 'stale-interest-table' || !stale);
      for (const id of orphanEpolls(step.state)) orphans.add(id);
      return [
        ...(badPanic ? [`panic without a stale row: ${outcome.message}`] : []),
        ...checkWakeups(before, step),
        ...checkI1(step.state),
        ...checkI2(step.state),
        ...checkI3(step.state),
        ...checkI5(step.state, orphans),
      ];
    });
  },
  { numRuns: 300 },
);

testProp(
  'every thread in a wait queue is blocked in epoll_wait on that epoll',
  [configArbitrary, runArbitrary(3, 60)],
  (t, config, ops) => {
    replay(t, 3, config, ops, (_before, step) =>
      step.state.descriptions.flatMap((d) =>
        d?.kind !== 'epoll'
          ? []
          : d.queue
              .filter((q) => {
                const on = step.state.threads[q]?.blocked;
                return on?.kind !== 'epoll_wait' || on.epoll !== d.id;
              })
              .map((q) => `thread ${q} is queued on epoll ${d.id} without waiting there`),
      ),
    );
  },
  { numRuns: 150 },
);
