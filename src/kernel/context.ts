import { produce, type Draft } from 'immer';
import { joinInto, tickInto } from './clock.js';
import type { DescriptionId, Fd, ThreadId } from './ids.js';
import type { Delivery, KernelStep, Outcome, Wakeup } from './result.js';
import type { Description, KernelState } from './state.js';

/** Why the interpreter panicked: each code is one `.expect` or `assert!` of the seed. */
export type PanicCode =
  'stale-interest-table' | 'woken-without-events' | 'missing-ready-interest' | 'active-mismatch';

/** The mutable view one kernel operation works on, inside a single immer `produce`. */
export interface Context {
  readonly k: Draft<KernelState>;
  /** The thread on whose behalf code runs; a nested wakeup runs as the woken thread. */
  actor: ThreadId;
  readonly wakeups: Wakeup[];
  readonly deliveries: Delivery[];
  /**
   * Temporary strong references the running call holds to epolls, by id: the seed's update keeps
   * each epoll it notifies alive until it is done. Kept here, not in `refs`, so that holding one
   * does not copy the epoll.
   */
  readonly pins: Map<number, number>;
}

/** Thrown inside an operation to end it the way the seed aborts or panics; caught by `run`. */
class Abort extends Error {
  constructor(
    readonly kind: 'unsupported' | 'panic',
    message: string,
    readonly code: PanicCode | null,
  ) {
    super(message);
  }
}

/** Ends the current operation with the seed's "unsupported operation" abort. */
export function unsupported(message: string): never {
  throw new Abort('unsupported', message, null);
}

/** Ends the current operation with an interpreter panic. */
export function panic(code: PanicCode, message: string): never {
  throw new Abort('panic', message, code);
}

/** What one call did inside a draft: the caller's outcome, the wakeups, the deliveries. */
export interface Performed {
  readonly outcome: Outcome;
  readonly wakeups: readonly Wakeup[];
  readonly deliveries: readonly Delivery[];
}

/** A system call ready to run: its name for messages and the operation itself. */
export interface KernelCall {
  readonly name: string;
  readonly body: (ctx: Context) => Outcome;
}

/**
 * Runs one call as `actor` on a draft of the kernel, for a caller that already holds one (the
 * machine steps a whole state in a single `produce`). When the outcome is `unsupported` or
 * `panic`, the draft is left half-changed and the caller must discard it, as the seed stops the
 * whole program there.
 */
export function perform(k: Draft<KernelState>, actor: ThreadId, call: KernelCall): Performed {
  const wakeups: Wakeup[] = [];
  const deliveries: Delivery[] = [];
  try {
    const ctx = { k, actor, wakeups, deliveries, pins: new Map<number, number>() };
    return { outcome: call.body(ctx), wakeups, deliveries };
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    const outcome: Outcome =
      error.kind === 'unsupported'
        ? { kind: 'unsupported', call: call.name, message: error.message }
        : {
            kind: 'panic',
            call: call.name,
            message: error.message,
            code: error.code ?? 'stale-interest-table',
          };
    return { outcome, wakeups: [], deliveries: [] };
  }
}

/** True for the outcomes after which the seed stops the program. */
export function isAbort(outcome: Outcome): boolean {
  return outcome.kind === 'unsupported' || outcome.kind === 'panic';
}

/**
 * Runs one call as `actor` on `state`, as a pure function. An abort or panic returns the state
 * from before the call; nothing escapes as an exception.
 */
export function run(state: KernelState, actor: ThreadId, call: KernelCall): KernelStep {
  let performed: Performed = {
    outcome: { kind: 'returned', result: { ret: 0 } },
    wakeups: [],
    deliveries: [],
  };
  const next = produce(state, (k) => {
    performed = perform(k, actor, call);
  });
  return { state: isAbort(performed.outcome) ? state : next, ...performed };
}

/** The description an fd points at, or undefined when the fd is not open. */
export function lookup(ctx: Context, fd: Fd): Draft<Description> | undefined {
  if (!Number.isInteger(fd) || fd < 0) return undefined;
  const id = ctx.k.fds[fd];
  if (id === undefined || id === null) return undefined;
  return ctx.k.descriptions[id] ?? undefined;
}

/** Points the lowest free fd number at `id` and returns that number. */
export function allocateFd(ctx: Context, id: DescriptionId): Fd {
  const fds = ctx.k.fds;
  let n = fds.indexOf(null);
  if (n === -1) n = fds.length;
  fds[n] = id;
  return n as Fd;
}

/** The id the next new description gets. */
export function nextId(ctx: Context): DescriptionId {
  return ctx.k.descriptions.length as DescriptionId;
}

/** Joins the actor's clock into `into`, then ticks the actor (the seed's `release_clock`). */
export function release(ctx: Context, into: number[]): void {
  const own = actorClock(ctx);
  joinInto(into, own);
  tickInto(own, ctx.actor);
}

/** Joins `from` into the actor's clock (the seed's `acquire_clock`). */
export function acquire(ctx: Context, from: readonly number[]): void {
  joinInto(actorClock(ctx), from);
}

/** The actor's own clock, mutable. */
export function actorClock(ctx: Context): number[] {
  const thread = ctx.k.threads[ctx.actor];
  if (thread === undefined) throw new Error(`kernel has no thread ${ctx.actor}`);
  return thread.clock;
}

/** Runs `body` as thread `t`, as the seed runs an unblock callback nested in the notifier. */
export function as<T>(ctx: Context, t: ThreadId, body: () => T): T {
  const outer = ctx.actor;
  ctx.actor = t;
  try {
    return body();
  } finally {
    ctx.actor = outer;
  }
}
