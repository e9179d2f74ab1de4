import {
  EPOLL_CTL_ADD,
  EPOLLET,
  fd,
  initialKernel,
  sys,
  threadId,
  type DeliveredEvent,
  type Description,
  type EpollDescription,
  type Errno,
  type EventfdDescription,
  type Fd,
  type Interest,
  type KernelConfig,
  type KernelState,
  type KernelStep,
  type Outcome,
  type SocketDescription,
  type SyscallResult,
  type ThreadId,
  type Wakeup,
} from '../../src/kernel/index.js';

export const T0 = threadId(0);
export const T1 = threadId(1);
export const T2 = threadId(2);
export const T3 = threadId(3);

/** 2^64 - 1, the largest u64. */
export const U64_MAX = (1n << 64n) - 1n;

type Sys = typeof sys;
/** The system calls that take a state and return a step. */
type Call = {
  [K in keyof Sys]: Sys[K] extends (k: KernelState, ...rest: never[]) => KernelStep ? K : never;
}[keyof Sys];
type Args<C extends Call> = Sys[C] extends (k: KernelState, ...rest: infer A) => KernelStep
  ? A
  : never;

/** ORs event bits into an unsigned 32-bit mask, as the kernel stores them. */
export function bits(...flags: number[]): number {
  return flags.reduce((mask, flag) => (mask | flag) >>> 0, 0);
}

/** The outcome of a call that returned `ret`, with what it wrote through its pointers. */
export function returned(ret: number, extra: Omit<SyscallResult, 'ret'> = {}): Outcome {
  return { kind: 'returned', result: { ret, ...extra } };
}

/** The outcome of a call that failed with `errno`. */
export function failed(errno: Errno): Outcome {
  return { kind: 'returned', result: { ret: -1, errno } };
}

/** The outcome of an `epoll_wait` that delivered `events`, each `[events, data]`. */
export function delivered(...events: (readonly [number, bigint])[]): Outcome {
  return returned(events.length, { events: records(events) });
}

/** The outcome of a call the seed refuses. */
export function unsupported(call: string, message: string): Outcome {
  return { kind: 'unsupported', call, message };
}

/** A blocked `epoll_wait` caller that collected `events` inside someone else's step. */
export function woke(thread: ThreadId, ...events: (readonly [number, bigint])[]): Wakeup {
  return { thread, reason: 'ready', result: { ret: events.length, events: records(events) } };
}

/** A blocked read or write that went through inside someone else's step. */
export function retried(thread: ThreadId, result: SyscallResult): Wakeup {
  return { thread, reason: 'retry', result };
}

function records(events: readonly (readonly [number, bigint])[]): DeliveredEvent[] {
  return events.map(([mask, data]) => ({ events: mask, data }));
}

/** A kernel under test: applies calls in turn, keeping the latest state in `k`. */
export class Session {
  k: KernelState;

  constructor(threads = 2, config: Partial<KernelConfig> = {}) {
    this.k = initialKernel(threads, config);
  }

  /** Runs one system call on the current state and moves to the state it returns. */
  call<C extends Call>(name: C, ...args: Args<C>): KernelStep {
    const fn = sys[name] as unknown as (k: KernelState, ...rest: Args<C>) => KernelStep;
    const step = fn(this.k, ...args);
    this.k = step.state;
    return step;
  }

  /** Fires thread `t`'s `epoll_wait` deadline; null when it has none. */
  timeout(t: ThreadId): KernelStep | null {
    const step = sys.timeout(this.k, t);
    if (step !== null) this.k = step.state;
    return step;
  }

  /** Runs a call that must return a non-negative value, and gives that value. */
  ret<C extends Call>(name: C, ...args: Args<C>): number {
    const { outcome } = this.call(name, ...args);
    if (outcome.kind !== 'returned' || outcome.result.ret < 0) {
      throw new Error(`${name} was expected to succeed, got ${JSON.stringify(outcome, big)}`);
    }
    return outcome.result.ret;
  }

  /** Runs a call that creates one fd and gives it. */
  fd<C extends Call>(name: C, ...args: Args<C>): Fd {
    return this.ret(name, ...args) as Fd;
  }

  /** Runs `socketpair` or `pipe` and gives the two fds. */
  pair(name: 'socketpair' | 'pipe', t: ThreadId, flags = 0): readonly [Fd, Fd] {
    const { outcome } = this.call(name, t, flags);
    if (outcome.kind !== 'returned' || outcome.result.fds === undefined) {
      throw new Error(`${name} was expected to succeed, got ${JSON.stringify(outcome, big)}`);
    }
    return outcome.result.fds;
  }

  /** The description id fd `n` points at. */
  id(n: Fd): number {
    const id = this.k.fds[n];
    if (id === undefined || id === null) throw new Error(`fd ${n} is not open`);
    return id;
  }

  /** The description with id `id`, or null when it is gone. */
  description(id: number): Description | null {
    return this.k.descriptions[id] ?? null;
  }

  /** The live epoll with id `id`. */
  epoll(id: number): EpollDescription {
    return narrow(this.description(id), 'epoll');
  }

  /** The live eventfd with id `id`. */
  eventfd(id: number): EventfdDescription {
    return narrow(this.description(id), 'eventfd');
  }

  /** The live socket end with id `id`. */
  socket(id: number): SocketDescription {
    return narrow(this.description(id), 'socket');
  }

  /** The interest of epoll `epoll` keyed `(id, fd)`. */
  interest(epoll: number, id: number, fd: number): Interest {
    const found = this.epoll(epoll).interests.find((i) => i.key.id === id && i.key.fd === fd);
    if (found === undefined) throw new Error(`epoll ${epoll} has no interest (${id}, ${fd})`);
    return found;
  }

  /** The ready set of epoll `id` as `[description id, fd]` pairs. */
  ready(id: number): [number, number][] {
    return this.epoll(id).ready.map((key) => [key.id, key.fd]);
  }

  /** Thread `t`'s vector clock. */
  clock(t: ThreadId): readonly number[] {
    return this.k.threads[t]?.clock ?? [];
  }
}

function narrow<K extends Description['kind']>(
  d: Description | null,
  kind: K,
): Extract<Description, { kind: K }> {
  if (d?.kind !== kind) throw new Error(`expected a live ${kind}, got ${d?.kind ?? 'nothing'}`);
  return d as Extract<Description, { kind: K }>;
}

/** JSON replacer that prints bigints, for diagnostics and state snapshots. */
export function big(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

/** An epoll at fd 3 and a socketpair a (fd 4) and b (fd 5), with `watch` added and drained. */
export function watchedPair(
  capacity = 0x34000,
  watch: readonly [Fd, number, bigint][] = [],
): Session {
  const s = new Session(3, { socketCapacity: capacity });
  s.fd('epollCreate1', T0);
  s.pair('socketpair', T0);
  for (const [n, mask, data] of watch)
    s.call('epollCtl', T0, fd(3), EPOLL_CTL_ADD, n, mask | EPOLLET, data);
  s.call('epollWait', T0, fd(3), 8, 0);
  return s;
}
