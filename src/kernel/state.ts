import type { VClock } from './clock.js';
import type { DescriptionId, Fd, ThreadId } from './ids.js';

/** An interest key: (description id, fd number), ordered lexicographically. */
export interface InterestKey {
  readonly id: DescriptionId;
  readonly fd: Fd;
}

/** One entry of an epoll instance's interest list. */
export interface Interest {
  readonly key: InterestKey;
  /** The user's mask with EPOLLHUP and EPOLLERR added; EPOLLET stays in it, harmlessly. */
  readonly relevant: number;
  /** Always `relevant & readiness` of the description after a correct update. */
  readonly active: number;
  /** Grows with every edge; delivery acquires it. Never reset, not even by MOD. */
  readonly clock: VClock;
  /**
   * The notifier's clock at the latest edge, kept beside `clock` so that causal delivery can be
   * checked even under a mutant that forgets to release into `clock`.
   */
  readonly edgeClock: VClock;
  /** The user data, an exact u64. */
  readonly data: bigint;
}

/** An epoll instance. Dups of its fd share all of it. */
export interface EpollDescription {
  readonly kind: 'epoll';
  readonly id: DescriptionId;
  /** Strong references: fd table entries plus blocked `epoll_wait` calls. */
  readonly refs: number;
  /** Sorted by key. */
  readonly interests: readonly Interest[];
  /** Sorted by key; edge-triggered, so delivery removes a key. */
  readonly ready: readonly InterestKey[];
  /** Threads blocked in `epoll_wait`, first in first out. */
  readonly queue: readonly ThreadId[];
}

/** An eventfd: a u64 counter. */
export interface EventfdDescription {
  readonly kind: 'eventfd';
  readonly id: DescriptionId;
  readonly refs: number;
  readonly counter: bigint;
  readonly nonblocking: boolean;
  /** Writes release into it, reads acquire it. */
  readonly clock: VClock;
  /** Threads blocked in `read`, in blocking order. They hold no reference. */
  readonly readers: readonly ThreadId[];
  /** Threads blocked in `write`, in blocking order. They hold no reference. */
  readonly writers: readonly ThreadId[];
}

/** Which kind of anonymous socket end a description is. */
export type SocketFlavour = 'socketpair' | 'pipe-read' | 'pipe-write';

/** One end of a socketpair or pipe. Only byte counts are modelled, not byte values. */
export interface SocketDescription {
  readonly kind: 'socket';
  readonly id: DescriptionId;
  readonly refs: number;
  readonly flavour: SocketFlavour;
  readonly peer: DescriptionId;
  /** Bytes in this end's read buffer; null for a pipe write end, which has none. */
  readonly buffered: number | null;
  /** The read buffer's clock: the peer's writes release into it, our reads acquire it. */
  readonly clock: VClock;
  /** Set when the peer was destroyed while its own read buffer still held our data. */
  readonly lostData: boolean;
  readonly nonblocking: boolean;
  readonly readers: readonly ThreadId[];
  readonly writers: readonly ThreadId[];
}

/** The standard streams Miri opens at fds 0, 1 and 2; epoll cannot watch them. */
export interface StdioDescription {
  readonly kind: 'stdio';
  readonly id: DescriptionId;
  readonly refs: number;
  readonly name: 'stdin' | 'stdout' | 'stderr';
}

/** A file description. */
export type Description =
  EpollDescription | EventfdDescription | SocketDescription | StdioDescription;

/** The system call a blocked thread is waiting in; the kernel retries or completes it. */
export type BlockedOn =
  | {
      readonly kind: 'epoll_wait';
      readonly epoll: DescriptionId;
      readonly maxevents: number;
      /** Milliseconds, or -1 for no deadline. */
      readonly timeout: number;
    }
  | { readonly kind: 'read'; readonly id: DescriptionId; readonly len: number }
  | {
      readonly kind: 'write';
      readonly id: DescriptionId;
      readonly len: number;
      /** The value an eventfd write adds; 0 for a socket write. */
      readonly value: bigint;
    };

/** What the kernel keeps per thread: its vector clock and the call it is blocked in. */
export interface KernelThread {
  readonly clock: VClock;
  readonly blocked: BlockedOn | null;
}

/** One row of the global interest table: the epolls watching a description, sorted by id. */
export interface InterestTableEntry {
  readonly watched: DescriptionId;
  readonly epolls: readonly DescriptionId[];
}

/**
 * A deliberately wrong variant of the seed's semantics, used to show that an invariant fires.
 * - `wake-all-waiters`: the wake loop wakes every queued thread, even with nothing left to take.
 * - `eventfd-read-skips-update`: a successful eventfd read does not update epoll readiness.
 * - `del-keeps-ready-key`: `EPOLL_CTL_DEL` leaves the key in the ready set.
 * - `ctl-skips-wakeup`: ADD and MOD update readiness but never wake a blocked waiter.
 * - `edge-skips-release`: an edge does not join the notifier's clock into the interest.
 */
export type Mutant =
  | 'wake-all-waiters'
  | 'eventfd-read-skips-update'
  | 'del-keeps-ready-key'
  | 'ctl-skips-wakeup'
  | 'edge-skips-release';

/** Every mutant, in a fixed order. */
export const MUTANTS: readonly Mutant[] = [
  'wake-all-waiters',
  'eventfd-read-skips-update',
  'del-keeps-ready-key',
  'ctl-skips-wakeup',
  'edge-skips-release',
];

/** Fixed parameters of a kernel, chosen by the model. */
export interface KernelConfig {
  /** The largest eventfd counter value; the real one is 2^64 - 2. */
  readonly eventfdLimit: bigint;
  /** A socket read buffer's capacity in bytes; the seed's is 212,992. */
  readonly socketCapacity: number;
  /** The deliberately wrong semantics in force, or null for the seed's own. */
  readonly mutant: Mutant | null;
  /**
   * Whether the interpreter is a debug build: then every delivery first asserts that each
   * interest's active events equal its description's readiness, masked (the seed's I3 check),
   * and panics mid-step where they do not. True by default, as Miri's own test suite runs.
   */
  readonly debugAssertions: boolean;
}

/** The whole kernel: plain immutable data. */
export interface KernelState {
  readonly config: KernelConfig;
  /** Index: fd number; value: the description it points at, or null when free. */
  readonly fds: readonly (DescriptionId | null)[];
  /** Index: description id; null once the description is destroyed or freed. */
  readonly descriptions: readonly (Description | null)[];
  /** Sorted by watched id; `machine.epoll_interests` in the seed. */
  readonly interestTable: readonly InterestTableEntry[];
  /** Index: thread id. */
  readonly threads: readonly KernelThread[];
}
