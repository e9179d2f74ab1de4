import type { KernelState, ThreadId } from '../kernel/index.js';
import type { Value } from '../program/expr.js';

/**
 * A thread's status. `runnable` threads sit at a visible instruction (or at the end, `done`);
 * `blocked` threads wait inside a system call the kernel will complete or time out.
 */
export type ThreadStatus = 'runnable' | 'blocked' | 'done';

/** One thread of the machine. Its vector clock lives in the kernel, which moves it. */
export interface ThreadState {
  readonly pc: number;
  readonly regs: Readonly<Record<string, Value>>;
  readonly status: ThreadStatus;
  /** Under the `miri` timeout rule, when a blocked `epoll_wait` times out; else null. */
  readonly deadline: number | null;
}

/**
 * A shared variable with what race detection needs: the last write's thread and epoch (that
 * thread's own clock entry when it wrote), and each thread's latest read epoch (0: none).
 */
export interface VariableState {
  readonly value: number | bigint;
  readonly writer: ThreadId | null;
  readonly writeEpoch: number;
  readonly reads: readonly number[];
}

/** Everything at one point: the kernel, the threads, the shared variables, virtual time. */
export interface MachineState {
  readonly kernel: KernelState;
  readonly threads: readonly ThreadState[];
  readonly variables: readonly VariableState[];
  /** Virtual milliseconds; advances only under the `miri` timeout rule. */
  readonly now: number;
}
