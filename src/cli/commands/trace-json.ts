import type { Trace } from '../../check/index.js';
import type { Transition } from '../../machine/index.js';
import type { Model } from '../../program/index.js';

function stepJson(model: Model, t: Transition, index: number | null): unknown {
  return {
    step: index,
    thread: model.threads[t.thread]?.name ?? t.thread,
    label: t.label,
    call: t.call,
    outcome: t.outcome,
    wakeups: t.wakeups.map((w) => ({
      thread: model.threads[w.thread]?.name ?? w.thread,
      reason: w.reason,
      result: w.result,
    })),
  };
}

/** A trace as JSON-ready data: the setup steps, then numbered steps from 1. */
export function traceJson(model: Model, trace: Trace): unknown {
  return {
    setup: trace.setup.map((t) => stepJson(model, t, null)),
    steps: trace.transitions.map((t, i) => stepJson(model, t, i + 1)),
  };
}
