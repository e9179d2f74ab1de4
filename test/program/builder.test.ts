import test from 'ava';
import {
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLLET,
  EPOLLIN,
  eq,
  model,
  not,
  O_NONBLOCK,
  type Instruction,
  type Model,
} from '../../src/index.js';

/** The program of the thread named `name`. */
function programOf(m: Model, name: string): readonly Instruction[] {
  const thread = m.threads.find((th) => th.name === name);
  if (thread === undefined) throw new Error(`no thread ${name}`);
  return thread.program;
}

const efd = { k: 'reg', name: 'efd' } as const;

test('repeated calls get numbered labels and fresh registers', (t) => {
  const m = model('labels', (m) => {
    m.eventfd(0, 0, { as: 'efd' });
    m.write(efd);
    m.write(efd, 2n);
    m.write(efd, 3n, { label: 'wake' });
  });
  t.deepEqual(programOf(m, 'main'), [
    { op: 'eventfd', initval: 0, flags: 0, dst: 'efd', label: 'eventfd' },
    { op: 'write', fd: efd, len: 8, value: { k: 'lit', v: 1n }, dst: 'w', label: 'write' },
    { op: 'write', fd: efd, len: 8, value: { k: 'lit', v: 2n }, dst: 'w2', label: 'write#2' },
    { op: 'write', fd: efd, len: 8, value: { k: 'lit', v: 3n }, dst: 'w3', label: 'wake' },
  ]);
});

test('an explicit label used twice is numbered too', (t) => {
  const m = model('explicit', (m) => {
    m.eventfd(0, 0, { label: 'make' });
    m.eventfd(0, 0, { label: 'make' });
  });
  t.deepEqual(
    programOf(m, 'main').map((i) => i.label),
    ['make', 'make#2'],
  );
});

test('register names are unique across threads, labels only within one', (t) => {
  const m = model('names', (m) => {
    m.thread('a', (a) => a.read(3));
    m.thread('b', (b) => b.read(3));
  });
  t.deepEqual(programOf(m, 'a'), [
    { op: 'read', fd: { k: 'lit', v: 3 }, len: 8, dst: 'r', label: 'read' },
  ]);
  t.deepEqual(programOf(m, 'b'), [
    { op: 'read', fd: { k: 'lit', v: 3 }, len: 8, dst: 'r2', label: 'read' },
  ]);
});

test('a loop compiles to a counter, a loop head, its body and a jump back', (t) => {
  const m = model('loop', (m) => {
    m.thread('a', (a) => {
      a.loop('spin', 3, () => {
        a.write(3);
      });
    });
  });
  t.deepEqual(programOf(m, 'a'), [
    { op: 'set', dst: 'spin.passes', value: { k: 'lit', v: 0 }, label: 'spin.start' },
    { op: 'loop', name: 'spin', bound: 3, counter: 'spin.passes', exit: 4, label: 'spin' },
    {
      op: 'write',
      fd: { k: 'lit', v: 3 },
      len: 8,
      value: { k: 'lit', v: 1n },
      dst: 'w',
      label: 'write',
    },
    { op: 'jump', to: 1, label: 'spin.again' },
  ]);
});

test('break jumps past the innermost loop, conditionally when given a condition', (t) => {
  const m = model('break', (m) => {
    m.thread('a', (a) => {
      a.loop('outer', 2, () => {
        a.loop('inner', 2, () => {
          const r = a.read(3);
          a.break(eq(r.errno, 'EAGAIN'));
        });
        a.break();
      });
    });
  });
  t.deepEqual(programOf(m, 'a'), [
    { op: 'set', dst: 'outer.passes', value: { k: 'lit', v: 0 }, label: 'outer.start' },
    { op: 'loop', name: 'outer', bound: 2, counter: 'outer.passes', exit: 9, label: 'outer' },
    { op: 'set', dst: 'inner.passes', value: { k: 'lit', v: 0 }, label: 'inner.start' },
    { op: 'loop', name: 'inner', bound: 2, counter: 'inner.passes', exit: 7, label: 'inner' },
    { op: 'read', fd: { k: 'lit', v: 3 }, len: 8, dst: 'r', label: 'read' },
    {
      op: 'jump',
      to: 7,
      when: eq({ k: 'field', of: 'r', field: 'errno' }, 'EAGAIN'),
      label: 'inner.break',
    },
    { op: 'jump', to: 3, label: 'inner.again' },
    { op: 'jump', to: 9, label: 'outer.break' },
    { op: 'jump', to: 1, label: 'outer.again' },
  ]);
});

test('while puts its condition on the loop head, which exits past the loop', (t) => {
  const m = model('while', (m) => {
    m.thread('a', (a) => {
      const r = a.read(3);
      a.while('retry', 2, eq(r.ret, -1), () => a.dup(3));
    });
  });
  t.deepEqual(programOf(m, 'a').slice(1), [
    { op: 'set', dst: 'retry.passes', value: { k: 'lit', v: 0 }, label: 'retry.start' },
    {
      op: 'loop',
      name: 'retry',
      bound: 2,
      counter: 'retry.passes',
      while: eq({ k: 'field', of: 'r', field: 'ret' }, -1),
      exit: 5,
      label: 'retry',
    },
    { op: 'dup', fd: { k: 'lit', v: 3 }, dst: 'fd', label: 'dup' },
    { op: 'jump', to: 2, label: 'retry.again' },
  ]);
});

test('if without else jumps past its body when the condition fails', (t) => {
  const m = model('if', (m) => {
    m.thread('a', (a) => {
      a.if(true, () => a.close(3));
      a.close(4);
    });
  });
  t.deepEqual(programOf(m, 'a'), [
    { op: 'jump', to: 2, when: not(true), label: 'if' },
    { op: 'close', fd: { k: 'lit', v: 3 }, dst: 'rc', label: 'close' },
    { op: 'close', fd: { k: 'lit', v: 4 }, dst: 'rc2', label: 'close#2' },
  ]);
});

test('if with else jumps to the else branch, and the then branch jumps past it', (t) => {
  const m = model('if-else', (m) => {
    m.thread('a', (a) => {
      a.if(
        false,
        () => a.close(3),
        () => a.close(4),
      );
    });
  });
  t.deepEqual(programOf(m, 'a'), [
    { op: 'jump', to: 3, when: not(false), label: 'if' },
    { op: 'close', fd: { k: 'lit', v: 3 }, dst: 'rc', label: 'close' },
    { op: 'jump', to: 4, label: 'else' },
    { op: 'close', fd: { k: 'lit', v: 4 }, dst: 'rc2', label: 'close#2' },
  ]);
});

test('forEachEvent walks the records with an index register', (t) => {
  const m = model('each', (m) => {
    m.thread('a', (a) => {
      const n = a.epollWait(3, 2, -1);
      a.forEachEvent('events', n, 2, (event) => {
        a.store('x', event.data);
      });
    });
  });
  const index = { k: 'reg', name: 'events.i' } as const;
  t.deepEqual(programOf(m, 'a').slice(1), [
    { op: 'set', dst: 'events.i', value: { k: 'lit', v: 0 }, label: 'events.init' },
    { op: 'set', dst: 'events.passes', value: { k: 'lit', v: 0 }, label: 'events.start' },
    {
      op: 'loop',
      name: 'events',
      bound: 2,
      counter: 'events.passes',
      while: { k: 'bin', op: '<', a: index, b: { k: 'field', of: 'n', field: 'count' } },
      exit: 7,
      label: 'events',
    },
    {
      op: 'store',
      variable: 'x',
      value: { k: 'event', of: 'n', index, field: 'data' },
      label: 'store',
    },
    {
      op: 'set',
      dst: 'events.i',
      value: { k: 'bin', op: '+', a: index, b: { k: 'lit', v: 1 } },
      label: 'events.next',
    },
    { op: 'jump', to: 3, label: 'events.again' },
  ]);
});

test('epoll_ctl takes an operation by name or number, and fcntl sets O_NONBLOCK', (t) => {
  const m = model('ctl', (m) => {
    m.epollCtl(3, 'ADD', 4, EPOLLIN | EPOLLET, 7n);
    m.epollCtl(3, EPOLL_CTL_DEL, 4);
    m.setNonblocking(4, true);
  });
  t.deepEqual(programOf(m, 'main'), [
    {
      op: 'epoll_ctl',
      epfd: { k: 'lit', v: 3 },
      ctl: EPOLL_CTL_ADD,
      fd: { k: 'lit', v: 4 },
      events: EPOLLIN | EPOLLET,
      data: { k: 'lit', v: 7n },
      dst: 'rc',
      label: 'epoll_ctl',
    },
    {
      op: 'epoll_ctl',
      epfd: { k: 'lit', v: 3 },
      ctl: EPOLL_CTL_DEL,
      fd: { k: 'lit', v: 4 },
      events: 0,
      data: { k: 'lit', v: 0n },
      dst: 'rc2',
      label: 'epoll_ctl#2',
    },
    {
      op: 'fcntl_setfl',
      fd: { k: 'lit', v: 4 },
      flags: O_NONBLOCK,
      dst: 'rc3',
      label: 'fcntl_setfl',
    },
  ]);
});

test('break outside a loop throws with the thread name', (t) => {
  t.throws(
    () =>
      model('stray', (m) => {
        m.thread('a', (a) => {
          a.break();
        });
      }),
    { message: 'thread a: break outside a loop' },
  );
});

test('a model records its setup length, threads, variables, finals and options', (t) => {
  const m = model('whole', (m) => {
    m.describe('All the parts.');
    m.eventfd(0, 0, { as: 'efd' });
    m.variable('x', 2n);
    m.main((main) => main.close(efd));
    m.thread('a', (a) => a.load('x'), { mayEndBlocked: true });
    m.final(eq(1, 1), 'one is one');
    m.mutate('ctl-skips-wakeup');
    m.limit({ states: 50 });
    m.limit({ depth: 9 });
    m.expect({ verdict: 'violation', property: 'no-lost-wakeup' });
  });
  t.is(m.description, 'All the parts.');
  t.is(m.setup, 1);
  t.deepEqual(
    m.threads.map((th) => [th.name, th.program.length, th.mayEndBlocked]),
    [
      ['main', 2, false],
      ['a', 1, true],
    ],
  );
  t.deepEqual(m.variables, [{ name: 'x', initial: 2n }]);
  t.deepEqual(m.finals, [{ cond: eq(1, 1), message: 'one is one' }]);
  t.is(m.options.mutant, 'ctl-skips-wakeup');
  t.deepEqual(m.bounds, { states: 50, depth: 9 });
  t.deepEqual(m.expect, { verdict: 'violation', property: 'no-lost-wakeup' });
});

test('without main(), the whole of main is the setup', (t) => {
  const m = model('setup-only', (m) => {
    m.eventfd();
    m.eventfd();
  });
  t.is(m.setup, 2);
});
