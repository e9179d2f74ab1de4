import { produce, type Draft } from 'immer';
import { joinInto, tickInto } from './clock.js';
import type { DescriptionId, Fd, ThreadId } from './ids.js';
import type { Delivery, KernelStep, Outcome, Wakeup } from './result.js';
import type { Description, KernelState } from './state.js';

/** Why the interpreter panicked: each code is one `.expect` or `assert!` of the seed. */
export type PanicCode = 'stale-interest-table' | 'woken-without-events' | 'missing-ready-interest';

/** The mutable view one kernel operation works on, inside a single immer `produce`. */
export interface Context {
  readonly k: Draft<KernelState>;
  /** The thread on whose behalf code runs; a nested wakeup runs as the woken thread. */
  actor: ThreadId;
  readonly wakeups: Wakeup[];
  readonly deliveries: Delivery[];
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

/**
 * Runs one operation as `actor` on `state`. An abort or panic returns the state from before the
 * call, as the seed stops the whole program there; nothing escapes as an exception.
 */
export function run(
  state: KernelState,
  actor: ThreadId,
  call: string,
  body: (ctx: Context) => Outcome,
): KernelStep {
  let outcome: Outcome | undefined;
  const wakeups: Wakeup[] = [];
  const deliveries: Delivery[] = [];
  try {
    const next = produce(state, (k) => {
      outcome = body({ k, actor, wakeups, deliveries });
    });
    if (outcome === undefined) throw new Error(`kernel call ${call} produced no outcome`);
    return { state: next, outcome, wakeups, deliveries };
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    const failed: Outcome =
      error.kind === 'unsupported'
        ? { kind: 'unsupported', call, message: error.message }
        : {
            kind: 'panic',
            call,
            message: error.message,
            code: error.code ?? 'stale-interest-table',
          };
    return { state, outcome: failed, wakeups: [], deliveries: [] };
  }
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
