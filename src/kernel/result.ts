import type { PanicCode } from './context.js';
import type { Errno } from './errno.js';
import type { Fd, ThreadId } from './ids.js';
import type { VClock } from './clock.js';
import type { BlockedOn, InterestKey, KernelState } from './state.js';

/** One record `epoll_wait` writes: the interest's active events and its data. */
export interface DeliveredEvent {
  readonly events: number;
  readonly data: bigint;
}

/**
 * What a system call returned. `ret` is the C return value (-1 on error, with `errno`); the
 * optional fields carry what the call wrote through its pointers.
 */
export interface SyscallResult {
  readonly ret: number;
  readonly errno?: Errno;
  /** The eventfd counter a successful eventfd `read` returned. */
  readonly value?: bigint;
  /** The records a successful `epoll_wait` wrote, in delivery order. */
  readonly events?: readonly DeliveredEvent[];
  /** The two fds `socketpair` or `pipe` created. */
  readonly fds?: readonly [Fd, Fd];
}

/** A blocked thread that a step completed, with what its call finally returned. */
export interface Wakeup {
  readonly thread: ThreadId;
  /** `ready`: an epoll waiter handed its events; `retry`: a blocked read or write went through. */
  readonly reason: 'ready' | 'retry' | 'timeout';
  readonly result: SyscallResult;
}

/** An event record handed to a thread, with the clocks that causal delivery is judged by. */
export interface Delivery {
  readonly thread: ThreadId;
  readonly key: InterestKey;
  /** The notifier's clock at the edge that made the interest ready. */
  readonly edgeClock: VClock;
  /** The receiver's clock right after it took the record. */
  readonly clock: VClock;
}

/** How a kernel operation ended for the calling thread. */
export type Outcome =
  | { readonly kind: 'returned'; readonly result: SyscallResult }
  | { readonly kind: 'blocked'; readonly on: BlockedOn }
  /** The seed aborts with "unsupported operation"; the state is the one before the call. */
  | { readonly kind: 'unsupported'; readonly call: string; readonly message: string }
  /** The interpreter itself panicked (an `.expect` or `assert!` in the seed failed). */
  | {
      readonly kind: 'panic';
      readonly call: string;
      readonly message: string;
      readonly code: PanicCode;
    };

/** The result of one kernel operation: the next state, the caller's outcome, the wakeups. */
export interface KernelStep {
  readonly state: KernelState;
  readonly outcome: Outcome;
  /** Blocked threads this step completed, in the order they completed. */
  readonly wakeups: readonly Wakeup[];
  /** Every event record delivered in this step, in delivery order. */
  readonly deliveries: readonly Delivery[];
}
