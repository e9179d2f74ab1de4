import type { SyscallResult } from '../kernel/index.js';
import type { Expr, Value } from './expr.js';

/** A model that goes wrong while it runs (a missing event, a string used as a number). */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}

/** Where an expression finds registers and shared variables. */
export interface Scope {
  register(name: string): Value | undefined;
  variable(name: string): number | bigint | undefined;
}

function isResult(v: Value): v is SyscallResult {
  return typeof v === 'object';
}

/** A value as a number or bigint: a call result reads as its return value, true as 1. */
export function numeric(v: Value): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isResult(v)) return v.ret;
  throw new EvaluationError(`'${v}' is text, not a number`);
}

/** C truthiness: non-zero numbers, non-empty text. */
export function truthy(v: Value): boolean {
  return typeof v === 'string' ? v.length > 0 : numeric(v) !== 0 && numeric(v) !== 0n;
}

function field(v: Value, name: string, f: string): Value {
  if (!isResult(v))
    throw new EvaluationError(`register '${name}' holds ${String(v)}, not a call result`);
  switch (f) {
    case 'ret':
      return v.ret;
    case 'errno':
      return v.errno ?? '';
    case 'value':
      return v.value ?? 0n;
    case 'count':
      return v.events?.length ?? 0;
    case 'fd0':
      return v.fds?.[0] ?? -1;
    default:
      return v.fds?.[1] ?? -1;
  }
}

function text(v: Value): string {
  return typeof v === 'object' ? String(v.ret) : String(v);
}

function compare(op: string, a: Value, b: Value): boolean {
  if (typeof a === 'string' || typeof b === 'string') {
    const same = text(a) === text(b);
    if (op === '==') return same;
    if (op === '!=') return !same;
    throw new EvaluationError(`cannot order text with '${op}'`);
  }
  const [x, y] = widen(numeric(a), numeric(b));
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function widen(a: number | bigint, b: number | bigint): [number, number] | [bigint, bigint] {
  if (typeof a === 'number' && typeof b === 'number') return [a, b];
  return [BigInt(a), BigInt(b)];
}

function arithmetic(op: string, a: Value, b: Value): number | bigint {
  const [x, y] = widen(numeric(a), numeric(b));
  if (typeof x === 'number' && typeof y === 'number') {
    if (op === '+') return x + y;
    if (op === '-') return x - y;
    return (x & y) >>> 0;
  }
  const [p, q] = [BigInt(x), BigInt(y)];
  if (op === '+') return p + q;
  if (op === '-') return p - q;
  return p & q;
}

/** Evaluates an expression; throws `EvaluationError` when the model asks for the impossible. */
export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'reg':
      return lookup(scope, e.name);
    case 'field':
      return field(lookup(scope, e.of), e.of, e.field);
    case 'event': {
      const v = lookup(scope, e.of);
      const i = Number(numeric(evaluate(e.index, scope)));
      const record = isResult(v) ? v.events?.[i] : undefined;
      if (record === undefined) {
        throw new EvaluationError(`register '${e.of}' has no event record ${i}`);
      }
      return e.field === 'events' ? record.events : record.data;
    }
    case 'pick': {
      const i = Number(numeric(evaluate(e.index, scope)));
      const chosen = e.from[i];
      if (chosen === undefined) {
        throw new EvaluationError(`pick index ${i} is outside its ${e.from.length} choices`);
      }
      return evaluate(chosen, scope);
    }
    case 'var': {
      const v = scope.variable(e.name);
      if (v === undefined) throw new EvaluationError(`shared variable '${e.name}' is not declared`);
      return v;
    }
    case 'not':
      return !truthy(evaluate(e.a, scope));
    case 'bin': {
      if (e.op === '&&') return truthy(evaluate(e.a, scope)) && truthy(evaluate(e.b, scope));
      if (e.op === '||') return truthy(evaluate(e.a, scope)) || truthy(evaluate(e.b, scope));
      const a = evaluate(e.a, scope);
      const b = evaluate(e.b, scope);
      if (e.op === '+' || e.op === '-' || e.op === '&') return arithmetic(e.op, a, b);
      return compare(e.op, a, b);
    }
  }
}

function lookup(scope: Scope, name: string): Value {
  const v = scope.register(name);
  if (v === undefined) throw new EvaluationError(`register '${name}' is not set`);
  return v;
}
