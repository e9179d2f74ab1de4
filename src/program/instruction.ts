import type { Expr } from './expr.js';

interface Labelled {
  /** Names the instruction in traces and replay strings; unique within its thread. */
  readonly label: string;
}

/** A system call instruction; its result goes to register `dst`. */
export type SyscallInstruction = Labelled &
  (
    | { readonly op: 'epoll_create1'; readonly flags: number; readonly dst: string }
    | {
        readonly op: 'epoll_ctl';
        readonly epfd: Expr;
        /** `EPOLL_CTL_ADD` (1), `EPOLL_CTL_DEL` (2), `EPOLL_CTL_MOD` (3), or any other number. */
        readonly ctl: number;
        readonly fd: Expr;
        readonly events: number;
        readonly data: Expr;
        readonly dst: string;
      }
    | {
        readonly op: 'epoll_wait';
        readonly epfd: Expr;
        readonly maxevents: number;
        /** Milliseconds; -1 blocks without a deadline, 0 never blocks. */
        readonly timeout: number;
        readonly dst: string;
      }
    | {
        readonly op: 'eventfd';
        readonly initval: number;
        readonly flags: number;
        readonly dst: string;
      }
    | { readonly op: 'socketpair' | 'pipe'; readonly flags: number; readonly dst: string }
    | { readonly op: 'read'; readonly fd: Expr; readonly len: number; readonly dst: string }
    | {
        readonly op: 'write';
        readonly fd: Expr;
        readonly len: number;
        /** The u64 an eventfd write adds; ignored by sockets, which move `len` bytes. */
        readonly value: Expr;
        readonly dst: string;
      }
    | { readonly op: 'dup' | 'close'; readonly fd: Expr; readonly dst: string }
    | {
        readonly op: 'fcntl_setfl';
        readonly fd: Expr;
        readonly flags: number;
        readonly dst: string;
      }
  );

/** An instruction other threads can observe: a system call, a shared access or a join. */
export type VisibleInstruction =
  | SyscallInstruction
  | (Labelled & { readonly op: 'store'; readonly variable: string; readonly value: Expr })
  | (Labelled & { readonly op: 'load'; readonly variable: string; readonly dst: string })
  | (Labelled & { readonly op: 'join'; readonly thread: string });

/**
 * An instruction only its own thread sees. The machine runs these together with the visible
 * step before them, since no other thread can tell them apart from it.
 */
export type LocalInstruction =
  | (Labelled & { readonly op: 'set'; readonly dst: string; readonly value: Expr })
  | (Labelled & { readonly op: 'assert'; readonly cond: Expr; readonly message: string })
  /** Goes to instruction `to`; when `when` is given, only if it holds. */
  | (Labelled & { readonly op: 'jump'; readonly to: number; readonly when?: Expr })
  /**
   * A loop head. When `while` is given and false, the loop ends: control goes to `exit`.
   * Otherwise it counts one more pass in register `counter`; a pass beyond `bound` ends the
   * search on this path with the loop's bound reached.
   */
  | (Labelled & {
      readonly op: 'loop';
      readonly name: string;
      readonly bound: number;
      readonly counter: string;
      readonly while?: Expr;
      readonly exit: number;
    });

/** One instruction of a thread's program. */
export type Instruction = VisibleInstruction | LocalInstruction;

const LOCAL_OPS = new Set(['set', 'assert', 'jump', 'loop']);

/** True for instructions other threads cannot observe. */
export function isLocal(i: Instruction): i is LocalInstruction {
  return LOCAL_OPS.has(i.op);
}

/** The register an instruction writes, if any. */
export function destination(i: Instruction): string | null {
  if ('dst' in i) return i.dst;
  if (i.op === 'loop') return i.counter;
  return null;
}
