import { freeze, produce } from 'immer';
import { tickInto } from './clock.js';
import type { Draft } from 'immer';
import { acquire, run, type KernelCall } from './context.js';
import type { DescriptionId, Fd, ThreadId } from './ids.js';
import { epollCreate1, epollCtl, epollTimeout, epollWait } from './ops/epoll.js';
import { eventfdCreate } from './ops/eventfd.js';
import { close, dup, read, setFlags, write } from './ops/fd.js';
import { pipe, socketpair } from './ops/socket.js';
import type { KernelStep } from './result.js';
import type { KernelConfig, KernelState } from './state.js';

/** The seed's eventfd counter limit, u64::MAX - 1. */
export const EVENTFD_LIMIT = (1n << 64n) - 2n;

/** The seed's socket buffer capacity in bytes (0x34000). */
export const SOCKET_CAPACITY = 0x34000;

/** The seed's own configuration: real limits, no mutant. */
export const SEED_CONFIG: KernelConfig = {
  eventfdLimit: EVENTFD_LIMIT,
  socketCapacity: SOCKET_CAPACITY,
  mutant: null,
  debugAssertions: true,
};

const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const i32 = (v: number): number => (Number.isFinite(v) ? v | 0 : 0);
const u32 = (v: number): number => (Number.isFinite(v) ? v >>> 0 : 0);

/**
 * A fresh kernel with `threads` threads (clocks empty, none blocked) and Miri's standard streams
 * open as fds 0, 1 and 2, so that the first new fd is 3. It is deeply frozen like every state a
 * call returns, since a call that aborts hands back the very state it was given.
 */
export function initialKernel(threads: number, config: Partial<KernelConfig> = {}): KernelState {
  const names = ['stdin', 'stdout', 'stderr'] as const;
  const state: KernelState = {
    config: { ...SEED_CONFIG, ...config },
    fds: names.map((_, i) => i as DescriptionId),
    descriptions: names.map((name, i) => ({
      kind: 'stdio',
      id: i as DescriptionId,
      refs: 1,
      name,
    })),
    interestTable: [],
    threads: Array.from({ length: Math.max(1, threads) }, () => ({ clock: [], blocked: null })),
  };
  return freeze(state, true);
}

/**
 * The system calls as `KernelCall`s, for running inside a draft with `perform`. Numeric
 * arguments are coerced as C would pass them (i32 or u32, u64 for data and eventfd values).
 */
export const calls = {
  /** `epoll_create1(flags)`. */
  epollCreate1: (flags = 0): KernelCall => ({
    name: 'epoll_create1',
    body: (ctx) => epollCreate1(ctx, i32(flags)),
  }),

  /** `epoll_ctl(epfd, op, fd, &{events, data})`; `events` and `data` are ignored for DEL. */
  epollCtl: (epfd: Fd, op: number, target: Fd, events = 0, data = 0n): KernelCall => ({
    name: 'epoll_ctl',
    body: (ctx) =>
      epollCtl(ctx, i32(epfd) as Fd, i32(op), i32(target) as Fd, u32(events), u64(data)),
  }),

  /** `epoll_wait(epfd, events, maxevents, timeout)`; `timeout` in ms, -1 for none. */
  epollWait: (epfd: Fd, maxevents: number, timeout: number): KernelCall => ({
    name: 'epoll_wait',
    body: (ctx) => epollWait(ctx, i32(epfd) as Fd, i32(maxevents), i32(timeout)),
  }),

  /** The deadline of the caller's blocked `epoll_wait` passes: it returns 0. */
  timeout: (): KernelCall => ({ name: 'epoll_wait', body: epollTimeout }),

  /** `eventfd(initval, flags)`. */
  eventfd: (initval = 0, flags = 0): KernelCall => ({
    name: 'eventfd',
    body: (ctx) => eventfdCreate(ctx, u32(initval), i32(flags)),
  }),

  /** `socketpair(AF_UNIX, SOCK_STREAM | flags, 0, fds)`. */
  socketpair: (flags = 0): KernelCall => ({
    name: 'socketpair',
    body: (ctx) => socketpair(ctx, i32(flags)),
  }),

  /** `pipe2(fds, flags)`. */
  pipe: (flags = 0): KernelCall => ({ name: 'pipe2', body: (ctx) => pipe(ctx, i32(flags)) }),

  /** `read(fd, buf, len)`. */
  read: (target: Fd, len = 8): KernelCall => ({
    name: 'read',
    body: (ctx) => read(ctx, i32(target) as Fd, Math.max(0, i32(len))),
  }),

  /**
   * `write(fd, buf, len)`: `value` is the u64 an eventfd write adds; `short`, when given, is the
   * byte count a socket write is cut to (Miri's random short write, as an explicit choice).
   */
  write: (target: Fd, len = 8, value = 0n, short: number | null = null): KernelCall => ({
    name: 'write',
    body: (ctx) =>
      write(
        ctx,
        i32(target) as Fd,
        Math.max(0, i32(len)),
        u64(value),
        short === null ? null : i32(short),
      ),
  }),

  /** `dup(fd)`. */
  dup: (target: Fd): KernelCall => ({ name: 'dup', body: (ctx) => dup(ctx, i32(target) as Fd) }),

  /** `close(fd)`. */
  close: (target: Fd): KernelCall => ({
    name: 'close',
    body: (ctx) => close(ctx, i32(target) as Fd),
  }),

  /** `fcntl(fd, F_SETFL, flags)`. */
  setFlags: (target: Fd, flags: number): KernelCall => ({
    name: 'fcntl',
    body: (ctx) => setFlags(ctx, i32(target) as Fd, i32(flags)),
  }),

  /** The caller joins finished thread `other`: it acquires `other`'s clock, as Miri's join does. */
  join: (other: ThreadId): KernelCall => ({
    name: 'pthread_join',
    body: (ctx) => {
      acquire(ctx, ctx.k.threads[other]?.clock ?? []);
      return { kind: 'returned', result: { ret: 0 } };
    },
  }),
} as const;

/**
 * Ends a step of thread `t` in a draft: ticks its own clock entry, so that what it does next is
 * a new epoch that no clock released so far covers.
 */
export function endStep(k: Draft<KernelState>, t: ThreadId): void {
  const clock = k.threads[t]?.clock;
  if (clock !== undefined) tickInto(clock, t);
}

/**
 * The system calls of the model, each a pure function from a kernel state to a `KernelStep`.
 * `t` is the calling thread; no input makes a call throw.
 */
export const sys = {
  /** `epoll_create1(flags)`. */
  epollCreate1: (k: KernelState, t: ThreadId, flags = 0): KernelStep =>
    run(k, t, calls.epollCreate1(flags)),

  /** `epoll_ctl(epfd, op, fd, &{events, data})`; `events` and `data` are ignored for DEL. */
  epollCtl: (
    k: KernelState,
    t: ThreadId,
    epfd: Fd,
    op: number,
    target: Fd,
    events = 0,
    data = 0n,
  ) => run(k, t, calls.epollCtl(epfd, op, target, events, data)),

  /** `epoll_wait(epfd, events, maxevents, timeout)`; `timeout` in ms, -1 for none. */
  epollWait: (k: KernelState, t: ThreadId, epfd: Fd, maxevents: number, timeout: number) =>
    run(k, t, calls.epollWait(epfd, maxevents, timeout)),

  /** The deadline of `t`'s blocked `epoll_wait` passes; null when `t` cannot time out. */
  timeout: (k: KernelState, t: ThreadId): KernelStep | null => {
    const on = k.threads[t]?.blocked;
    if (on?.kind !== 'epoll_wait' || on.timeout < 0) return null;
    return run(k, t, calls.timeout());
  },

  /** `eventfd(initval, flags)`. */
  eventfd: (k: KernelState, t: ThreadId, initval = 0, flags = 0) =>
    run(k, t, calls.eventfd(initval, flags)),

  /** `socketpair(AF_UNIX, SOCK_STREAM | flags, 0, fds)`. */
  socketpair: (k: KernelState, t: ThreadId, flags = 0) => run(k, t, calls.socketpair(flags)),

  /** `pipe2(fds, flags)`. */
  pipe: (k: KernelState, t: ThreadId, flags = 0) => run(k, t, calls.pipe(flags)),

  /** `read(fd, buf, len)`. */
  read: (k: KernelState, t: ThreadId, target: Fd, len = 8) => run(k, t, calls.read(target, len)),

  /** `write(fd, buf, len)`; see `calls.write`. */
  write: (
    k: KernelState,
    t: ThreadId,
    target: Fd,
    len = 8,
    value = 0n,
    short: number | null = null,
  ) => run(k, t, calls.write(target, len, value, short)),

  /** `dup(fd)`. */
  dup: (k: KernelState, t: ThreadId, target: Fd) => run(k, t, calls.dup(target)),

  /** `close(fd)`. */
  close: (k: KernelState, t: ThreadId, target: Fd) => run(k, t, calls.close(target)),

  /** `fcntl(fd, F_SETFL, flags)`. */
  setFlags: (k: KernelState, t: ThreadId, target: Fd, flags: number) =>
    run(k, t, calls.setFlags(target, flags)),

  /** Thread `t` joins finished thread `other`, acquiring its clock. */
  join: (k: KernelState, t: ThreadId, other: ThreadId) => run(k, t, calls.join(other)),

  /** Ends a step of thread `t`: ticks its own clock entry. */
  endStep: (k: KernelState, t: ThreadId): KernelState =>
    produce(k, (draft) => {
      endStep(draft, t);
    }),
} as const;
