import type { Trace } from '../check/index.js';
import { threadId, type ThreadId } from '../kernel/index.js';
import type { Model } from '../program/index.js';

/**
 * What every rendering of a counterexample takes: the model, the trace its schedule produces
 * (`trace.states[i]` is the state after `trace.transitions[i]`), the property it breaks (null
 * when nothing is broken, as for an unsupported call) and the replay command, printed as given.
 */
export interface CounterexampleView {
  readonly model: Model;
  readonly trace: Trace;
  readonly violation: { readonly property: string; readonly message: string } | null;
  readonly replay: string | null;
}

/** A thread's name in the model, or its number when the model has no such thread. */
export function threadName(model: Model, t: ThreadId): string {
  return model.threads[t]?.name ?? String(t);
}

/**
 * The threads that get a lane or column, in model order. `main` runs the setup, which is shown
 * apart, so it gets a lane only when it also steps or is woken after the setup.
 */
export function laneThreads(view: CounterexampleView): readonly ThreadId[] {
  const busy = new Set<number>();
  for (const t of view.trace.transitions) {
    busy.add(t.thread);
    for (const w of t.wakeups) busy.add(w.thread);
  }
  return view.model.threads
    .map((_, t) => threadId(t))
    .filter((t) => t !== 0 || busy.has(t) || view.model.threads.length === 1);
}
