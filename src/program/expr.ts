import type { SyscallResult } from '../kernel/index.js';

/** What a register holds: a system call's result, or a plain value from `load` or `set`. */
export type Value = number | bigint | boolean | string | SyscallResult;

/** A field of a system call result: `ret`, `errno`, the eventfd `value`, the event `count`. */
export type ResultField = 'ret' | 'errno' | 'value' | 'count' | 'fd0' | 'fd1';

/** A binary operator of the expression language. */
export type BinaryOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | '+' | '-' | '&';

/**
 * An expression, as data: programs are never closures, so states can be hashed and compared.
 * A register holding a system call result reads as its `ret` where a number is expected.
 */
export type Expr =
  | { readonly k: 'lit'; readonly v: number | bigint | boolean | string }
  | { readonly k: 'reg'; readonly name: string }
  | { readonly k: 'field'; readonly of: string; readonly field: ResultField }
  | {
      readonly k: 'event';
      readonly of: string;
      readonly index: Expr;
      readonly field: 'events' | 'data';
    }
  | { readonly k: 'pick'; readonly index: Expr; readonly from: readonly Expr[] }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'bin'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'not'; readonly a: Expr };

/** Anything the builder accepts where an expression is expected. */
export type Operand = Expr | Ref | number | bigint | boolean | string;

/**
 * A register written by an instruction, as the builder hands it back. Its fields are
 * expressions over the register, so `n.errno` reads as the C `errno` after the call.
 */
export class Ref {
  constructor(readonly name: string) {}

  /** The C return value. */
  get ret(): Expr {
    return { k: 'field', of: this.name, field: 'ret' };
  }

  /** The errno name, or `''` when the call succeeded. */
  get errno(): Expr {
    return { k: 'field', of: this.name, field: 'errno' };
  }

  /** The counter an eventfd `read` returned. */
  get value(): Expr {
    return { k: 'field', of: this.name, field: 'value' };
  }

  /** How many events an `epoll_wait` returned (0 on error). */
  get count(): Expr {
    return { k: 'field', of: this.name, field: 'count' };
  }

  /** The first fd of a `socketpair` or `pipe` (`fds[0]`). */
  get fd0(): Expr {
    return { k: 'field', of: this.name, field: 'fd0' };
  }

  /** The second fd of a `socketpair` or `pipe` (`fds[1]`). */
  get fd1(): Expr {
    return { k: 'field', of: this.name, field: 'fd1' };
  }

  /** The `i`-th event record an `epoll_wait` returned, as `{ events, data }` expressions. */
  event(i: Operand): { readonly events: Expr; readonly data: Expr } {
    const index = expr(i);
    return {
      events: { k: 'event', of: this.name, index, field: 'events' },
      data: { k: 'event', of: this.name, index, field: 'data' },
    };
  }
}

/** Turns a builder operand into an expression. */
export function expr(o: Operand): Expr {
  if (o instanceof Ref) return { k: 'reg', name: o.name };
  if (typeof o === 'object') return o;
  return { k: 'lit', v: o };
}

const bin =
  (op: BinaryOp) =>
  (a: Operand, b: Operand): Expr => ({ k: 'bin', op, a: expr(a), b: expr(b) });

/** `a == b`; numbers and bigints compare by value. */
export const eq = bin('==');
/** `a != b`. */
export const ne = bin('!=');
/** `a < b`. */
export const lt = bin('<');
/** `a <= b`. */
export const le = bin('<=');
/** `a > b`. */
export const gt = bin('>');
/** `a >= b`. */
export const ge = bin('>=');
/** `a && b`. */
export const and = bin('&&');
/** `a || b`. */
export const or = bin('||');
/** `a + b`. */
export const add = bin('+');
/** `a - b`. */
export const sub = bin('-');
/** `a & b`, for event masks. */
export const bitand = bin('&');

/** `!a`. */
export const not = (a: Operand): Expr => ({ k: 'not', a: expr(a) });

/** True when the call in `r` failed with `errno`. */
export const isErr = (r: Ref, errno: string): Expr => eq(r.errno, errno);

/** True when `mask` has one or more of `bits`. */
export const has = (mask: Operand, bits: number): Expr => ne(bitand(mask, bits), 0);

/** `from[index]`: picks one of several operands, such as the fd for an event's data. */
export const pick = (index: Operand, from: readonly Operand[]): Expr => ({
  k: 'pick',
  index: expr(index),
  from: from.map(expr),
});

/** A shared variable's value, for final-state conditions only (no race check there). */
export const variable = (name: string): Expr => ({ k: 'var', name });
