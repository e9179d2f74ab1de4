import { compareKeys, leq, type InterestKey, type ThreadId, type VClock } from '../kernel/index.js';
import { start, type MachineState } from '../machine/index.js';
import type { CounterexampleView } from './counterexample.js';

/**
 * One happens-before edge a counterexample shows: the step whose edge made an interest ready,
 * to the step in which `thread` took that event.
 */
export interface HappensBefore {
  /** Index of the step that made the edge, or null when the setup made it. */
  readonly from: number | null;
  /** Index of the step in which the event was delivered. */
  readonly to: number;
  /** The thread that received the event: the step's own thread, or one it woke. */
  readonly thread: ThreadId;
  readonly key: InterestKey;
}

/** An edge seen between two states: which interest, in which step, with the notifier's clock. */
interface Edge {
  readonly step: number;
  readonly key: InterestKey;
  readonly clock: VClock;
}

/**
 * Every delivery of the trace with the step that made its edge. Interests keep the notifier's
 * clock of their latest edge, so an edge shows as a change of that clock between two states.
 * When the epoll was freed in the delivering step itself, no later state holds the interest;
 * the edge is then that step's own when the step's thread clock covers it.
 */
export function happensBefore(view: CounterexampleView): readonly HappensBefore[] {
  const { transitions, states } = view.trace;
  const begun = start(view.model);
  const first = begun.kind === 'ready' ? begun.state : null;
  const before = (i: number): MachineState | null => (i === 0 ? first : (states[i - 1] ?? null));
  const edges: Edge[] = [];
  const arrows: HappensBefore[] = [];
  transitions.forEach((t, i) => {
    const after = states[i];
    if (after !== undefined) edges.push(...edgesBetween(before(i), after, i));
    for (const d of t.deliveries) {
      const seen = edges.findLast(
        (e) => compareKeys(e.key, d.key) === 0 && same(e.clock, d.edgeClock),
      );
      const here = within(before(i), after, t.thread, d.edgeClock) ? i : null;
      arrows.push({ from: seen?.step ?? here, to: i, thread: d.thread, key: d.key });
    }
  });
  return arrows;
}

function edgesBetween(before: MachineState | null, after: MachineState, step: number): Edge[] {
  const old = new Map<string, VClock>();
  for (const d of before?.kernel.descriptions ?? []) {
    if (d?.kind !== 'epoll') continue;
    for (const i of d.interests) old.set(`${d.id}/${i.key.id}/${i.key.fd}`, i.edgeClock);
  }
  const edges: Edge[] = [];
  for (const d of after.kernel.descriptions) {
    if (d?.kind !== 'epoll') continue;
    for (const i of d.interests) {
      const was = old.get(`${d.id}/${i.key.id}/${i.key.fd}`);
      if (i.edgeClock.length > 0 && (was === undefined || !same(was, i.edgeClock))) {
        edges.push({ step, key: i.key, clock: i.edgeClock });
      }
    }
  }
  return edges;
}

/** True when thread `t` could hold `clock` during a step: between its clocks before and after. */
function within(
  before: MachineState | null,
  after: MachineState | undefined,
  t: ThreadId,
  clock: VClock,
): boolean {
  const was = before?.kernel.threads.at(t)?.clock;
  const is = after?.kernel.threads.at(t)?.clock;
  return was !== undefined && is !== undefined && leq(was, clock) && leq(clock, is);
}

function same(a: VClock, b: VClock): boolean {
  return leq(a, b) && leq(b, a);
}
