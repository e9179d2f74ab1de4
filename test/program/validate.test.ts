import test from 'ava';
import {
  DEFAULT_OPTIONS,
  eq,
  formatProblem,
  model,
  Ref,
  validateModel,
  type Instruction,
  type Model,
  type ModelOptions,
} from '../../src/index.js';

/** The one-line messages `validateModel` gives for a model. */
function messages(m: Model): string[] {
  return validateModel(m).map(formatProblem);
}

/** A model whose thread `a` runs `program`, written as raw data. */
function withProgram(program: readonly Instruction[]): Model {
  const base = model('raw', (m) => {
    m.thread('a', () => undefined);
  });
  const [main] = base.threads;
  if (main === undefined) throw new Error('no main');
  return { ...base, threads: [main, { name: 'a', program, mayEndBlocked: false }] };
}

/** A model with options that the builder's types would not let through. */
function withOptions(options: Partial<Record<keyof ModelOptions, unknown>>): Model {
  const base = model('options', () => undefined);
  return { ...base, options: { ...DEFAULT_OPTIONS, ...options } as ModelOptions };
}

test('a sound model has no problems', (t) => {
  const m = model('sound', (m) => {
    const efd = m.eventfd(0, 0, { as: 'efd' });
    m.variable('x');
    m.thread('writer', (w) => {
      w.store('x', 1);
      w.write(efd);
    });
    m.thread('reader', (r) => {
      r.join('writer');
      r.loop('drain', 2, () => {
        const v = r.load('x');
        r.break(eq(v, 1));
      });
    });
  });
  t.deepEqual(validateModel(m), []);
});

test('a store to an undeclared shared variable names the thread and the declaration', (t) => {
  const m = model('undeclared', (m) => {
    m.thread('w', (w) => {
      w.store('y', 1);
    });
  });
  t.deepEqual(messages(m), [
    "thread 'w', instruction 0 (store): shared variable 'y' is not declared; declare it with m.variable('y')",
  ]);
});

test('a load of an undeclared shared variable is rejected the same way', (t) => {
  const m = model('undeclared-load', (m) => {
    m.thread('r', (r) => {
      r.load('y', { label: 'peek' });
    });
  });
  t.deepEqual(messages(m), [
    "thread 'r', instruction 0 (peek): shared variable 'y' is not declared; declare it with m.variable('y')",
  ]);
});

test('a register read before any instruction sets it is rejected', (t) => {
  const m = model('unset', (m) => {
    m.thread('a', (a) => {
      a.close(new Ref('later'));
      a.eventfd(0, 0, { as: 'later' });
    });
  });
  t.deepEqual(messages(m), [
    "thread 'a', instruction 0 (close): register 'later' is read before it is set on every path; set it earlier or in the setup",
  ]);
});

test('a register set in only one branch of an if is not set on every path', (t) => {
  const m = model('one-branch', (m) => {
    m.thread('a', (a) => {
      const fd = a.eventfd();
      a.if(eq(fd, 3), () => {
        a.set(1, { as: 'maybe' });
      });
      a.assert(eq(new Ref('maybe'), 1), 'maybe is 1');
    });
  });
  t.deepEqual(messages(m), [
    "thread 'a', instruction 3 (assert): register 'maybe' is read before it is set on every path; set it earlier or in the setup",
  ]);
});

test('a register set in both branches of an if is set on every path', (t) => {
  const m = model('both-branches', (m) => {
    m.thread('a', (a) => {
      const fd = a.eventfd();
      a.if(
        eq(fd, 3),
        () => a.set(1, { as: 'both' }),
        () => a.set(2, { as: 'both' }),
      );
      a.assert(eq(new Ref('both'), 1), 'both is 1');
    });
  });
  t.deepEqual(messages(m), []);
});

test('a register another thread sets is not visible, but one the setup sets is', (t) => {
  const m = model('visibility', (m) => {
    m.eventfd(0, 0, { as: 'shared' });
    m.thread('a', (a) => a.eventfd(0, 0, { as: 'own' }));
    m.thread('b', (b) => {
      b.close(new Ref('shared'));
      b.close(new Ref('own'));
    });
  });
  t.deepEqual(messages(m), [
    "thread 'b', instruction 1 (close#2): register 'own' is read before it is set on every path; set it earlier or in the setup",
  ]);
});

test('a backward jump to anything but a loop head is an unbounded loop', (t) => {
  const m = withProgram([
    { op: 'eventfd', initval: 0, flags: 0, dst: 'efd', label: 'eventfd' },
    { op: 'jump', to: 0, label: 'again' },
  ]);
  t.deepEqual(messages(m), [
    "thread 'a', instruction 1 (again): jumps back to instruction 0, which is not a loop head: the loop is unbounded; write it with loop(name, bound, body)",
  ]);
});

test('a jump outside the program names the valid range', (t) => {
  const m = withProgram([{ op: 'jump', to: 5, label: 'away' }]);
  t.deepEqual(messages(m), [
    "thread 'a', instruction 0 (away): jumps to 5, outside the program (0 to 1)",
  ]);
});

test('a loop with a bound of 0 asks for at least one pass', (t) => {
  const m = model('zero', (m) => {
    m.thread('a', (a) => {
      a.loop('spin', 0, () => a.eventfd());
    });
  });
  t.deepEqual(messages(m), [
    "thread 'a', instruction 1 (spin): loop 'spin' has bound 0; give it a whole number of passes, at least 1",
  ]);
});

test('joining an unknown thread lists the threads there are', (t) => {
  const m = model('join', (m) => {
    m.thread('a', (a) => {
      a.join('ghost');
    });
  });
  t.deepEqual(messages(m), [
    "thread 'a', instruction 0 (join): joins unknown thread 'ghost'; name one of main, a",
  ]);
});

test('a thread cannot join itself', (t) => {
  const m = model('self', (m) => {
    m.thread('a', (a) => {
      a.join('a');
    });
  });
  t.deepEqual(messages(m), ["thread 'a', instruction 0 (join): thread 'a' cannot join itself"]);
});

test('two threads with one name are rejected', (t) => {
  const m = model('twins', (m) => {
    m.thread('a', (a) => a.eventfd());
    m.thread('a', (a) => a.eventfd());
  });
  t.deepEqual(messages(m), ["two threads are named 'a'; give each thread its own name"]);
});

test('a label used twice in one thread is rejected at its second use', (t) => {
  const m = withProgram([
    { op: 'eventfd', initval: 0, flags: 0, dst: 'a', label: 'make' },
    { op: 'eventfd', initval: 0, flags: 0, dst: 'b', label: 'make' },
  ]);
  t.deepEqual(messages(m), [
    "thread 'a', instruction 1 (make): label 'make' is used twice in this thread; labels name steps in replay strings, so make it unique",
  ]);
});

test('an eventfd limit of 0 or past 2^64 - 2 is out of range', (t) => {
  t.deepEqual(messages(withOptions({ eventfdLimit: 0n })), [
    'eventfdLimit 0 is out of range; use 1 to 2^64 - 2',
  ]);
  t.deepEqual(messages(withOptions({ eventfdLimit: 1n << 64n })), [
    'eventfdLimit 18446744073709551616 is out of range; use 1 to 2^64 - 2',
  ]);
  t.deepEqual(messages(withOptions({ eventfdLimit: 1n })), []);
});

test('an unknown mutant lists the mutants there are', (t) => {
  t.deepEqual(messages(withOptions({ mutant: 'wake-nobody' })), [
    "mutant 'wake-nobody' is unknown; use one of wake-all-waiters, eventfd-read-skips-update, del-keeps-ready-key, ctl-skips-wakeup, edge-skips-release",
  ]);
});

test('an unknown timeout rule and a bad socket capacity are rejected', (t) => {
  t.deepEqual(messages(withOptions({ timeouts: 'never', socketCapacity: 0 })), [
    'socketCapacity 0 is not a positive whole number of bytes',
    "timeout rule 'never' is unknown; use 'any' or 'miri'",
  ]);
});

test('a model whose first thread is not main is rejected alone', (t) => {
  const base = model('headless', (m) => {
    m.thread('a', (a) => a.eventfd());
  });
  const m = { ...base, threads: base.threads.slice(1) };
  t.deepEqual(messages(m), ["the first thread must be 'main', which runs the setup"]);
});

test('formatProblem leaves out what a problem does not locate', (t) => {
  t.is(formatProblem({ thread: null, index: null, label: null, message: 'm' }), 'm');
  t.is(
    formatProblem({ thread: 'a', index: 2, label: null, message: 'm' }),
    "thread 'a', instruction 2: m",
  );
  t.is(formatProblem({ thread: 'a', index: null, label: 'x', message: 'm' }), "thread 'a': m");
});

test('a literal u64 that does not fit and an epoll_wait timeout beyond a C int are rejected', (t) => {
  const m = model('too-big', (b) => {
    const efd = b.eventfd(0, 0, { as: 'efd' });
    const ep = b.epollCreate1(0, { as: 'ep' });
    b.thread('a', (a) => {
      a.write(efd, 1n << 64n);
      a.epollWait(ep, 1, 2 ** 40);
    });
  });
  t.deepEqual(validateModel(m).map(formatProblem), [
    "thread 'a', instruction 0 (write): value 18446744073709551616 does not fit in a u64; " +
      'give 0 to 2^64 - 1',
    "thread 'a', instruction 1 (epoll_wait): maxevents and timeout are C ints; give values " +
      'from -2^31 to 2^31 - 1',
  ]);
});
