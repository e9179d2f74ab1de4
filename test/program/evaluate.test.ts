import test from 'ava';
import {
  add,
  and,
  bitand,
  EPOLLIN,
  EPOLLOUT,
  eq,
  evaluate,
  EvaluationError,
  fd,
  ge,
  gt,
  has,
  isErr,
  le,
  lt,
  ne,
  not,
  numeric,
  or,
  pick,
  Ref,
  sub,
  truthy,
  variable,
  type Expr,
  type Scope,
  type Value,
} from '../../src/index.js';

const WAIT = new Ref('n');
const READ = new Ref('r');
const PAIR = new Ref('sv');
const FAILED = new Ref('e');

/** A scope over fixed registers and variables. */
function scope(
  registers: Record<string, Value> = {},
  variables: Record<string, number | bigint> = {},
): Scope {
  return { register: (name) => registers[name], variable: (name) => variables[name] };
}

const REGS = scope(
  {
    n: {
      ret: 2,
      events: [
        { events: EPOLLIN, data: 7n },
        { events: EPOLLIN | EPOLLOUT, data: 9n },
      ],
    },
    r: { ret: 8, value: 3n },
    sv: { ret: 0, fds: [fd(4), fd(5)] },
    e: { ret: -1, errno: 'EAGAIN' },
    i: 1,
    text: 'EAGAIN',
  },
  { x: 5n },
);

const at = (e: Expr): Value => evaluate(e, REGS);

test('numbers and bigints compare by value', (t) => {
  t.is(at(eq(1, 1n)), true);
  t.is(at(eq(2n, 1)), false);
  t.is(at(ne(2, 2n)), false);
  t.is(at(lt(1, 2n)), true);
  t.is(at(le(2n, 2)), true);
  t.is(at(gt(3, 2n)), true);
  t.is(at(ge(1n, 2)), false);
});

test('a register holding a call result reads as its return value', (t) => {
  t.is(at(eq(READ, 8)), true);
  t.is(at(eq(READ.ret, 8)), true);
  t.is(at(add(READ, 1)), 9);
});

test('errno reads as the errno name, or empty text after a success', (t) => {
  t.is(at(FAILED.errno), 'EAGAIN');
  t.is(at(READ.errno), '');
  t.is(at(isErr(FAILED, 'EAGAIN')), true);
  t.is(at(isErr(READ, 'EAGAIN')), false);
  t.is(at(eq({ k: 'reg', name: 'text' }, FAILED.errno)), true);
});

test('count is the number of event records, and 0 for a call that wrote none', (t) => {
  t.is(at(WAIT.count), 2);
  t.is(at(FAILED.count), 0);
});

test('event fields read the record at the evaluated index', (t) => {
  t.is(at(WAIT.event(0).data), 7n);
  t.is(at(WAIT.event({ k: 'reg', name: 'i' }).data), 9n);
  t.is(at(WAIT.event(1).events), EPOLLIN | EPOLLOUT);
  t.is(at(has(WAIT.event(1).events, EPOLLOUT)), true);
  t.is(at(has(WAIT.event(0).events, EPOLLOUT)), false);
});

test('an event index past the records is an evaluation error', (t) => {
  t.throws(() => at(WAIT.event(2).data), {
    instanceOf: EvaluationError,
    message: "register 'n' has no event record 2",
  });
});

test('value, fd0 and fd1 read what the call wrote, with defaults when it wrote nothing', (t) => {
  t.is(at(READ.value), 3n);
  t.is(at(FAILED.value), 0n);
  t.is(at(PAIR.fd0), 4);
  t.is(at(PAIR.fd1), 5);
  t.is(at(READ.fd0), -1);
  t.is(at(READ.fd1), -1);
});

test('pick chooses the operand at the evaluated index', (t) => {
  t.is(at(pick({ k: 'reg', name: 'i' }, [10, 20, 30])), 20);
  t.is(at(pick(sub(WAIT.count, 2), [PAIR.fd0, PAIR.fd1])), 4);
  t.throws(() => at(pick(3, [10, 20, 30])), {
    instanceOf: EvaluationError,
    message: 'pick index 3 is outside its 3 choices',
  });
});

test('&& and || stop at the first operand that decides, and ! negates', (t) => {
  const missing = new Ref('missing');
  t.is(at(and(false, missing)), false);
  t.is(at(or(1, missing)), true);
  t.is(at(and(1, 2n)), true);
  t.is(at(or(0, 0n)), false);
  t.is(at(not(0)), true);
  t.is(at(not(FAILED.errno)), false);
  t.is(at(not(READ.errno)), true);
});

test('arithmetic widens to bigint when either side is a bigint', (t) => {
  t.is(at(add(1, 2)), 3);
  t.is(at(add(1, 2n)), 3n);
  t.is(at(sub(5n, 7)), -2n);
  t.is(at(bitand(EPOLLIN | EPOLLOUT, EPOLLOUT)), EPOLLOUT);
  t.is(at(bitand(0x8000_0001, 0x8000_0000)), 0x8000_0000);
  t.is(at(bitand(6n, 3)), 2n);
});

test('a shared variable reads through the scope', (t) => {
  t.is(at(variable('x')), 5n);
  t.throws(() => at(variable('y')), {
    instanceOf: EvaluationError,
    message: "shared variable 'y' is not declared",
  });
});

test('an unset register is an evaluation error that names it', (t) => {
  t.throws(() => at(eq(new Ref('ghost'), 1)), {
    instanceOf: EvaluationError,
    message: "register 'ghost' is not set",
  });
});

test('a field of a plain value is an evaluation error', (t) => {
  t.throws(() => at(new Ref('i').errno), {
    instanceOf: EvaluationError,
    message: "register 'i' holds 1, not a call result",
  });
});

test('text compares only for equality', (t) => {
  t.is(at(ne(FAILED.errno, 'EINTR')), true);
  t.throws(() => at(lt(FAILED.errno, 'EINTR')), {
    instanceOf: EvaluationError,
    message: "cannot order text with '<'",
  });
});

test('numeric and truthy follow C', (t) => {
  t.is(numeric(true), 1);
  t.is(numeric(false), 0);
  t.is(numeric({ ret: -1, errno: 'EBADF' }), -1);
  t.is(truthy(0n), false);
  t.is(truthy(-1), true);
  t.is(truthy(''), false);
  t.is(truthy('EAGAIN'), true);
  t.throws(() => numeric('EAGAIN'), {
    instanceOf: EvaluationError,
    message: "'EAGAIN' is text, not a number",
  });
});
