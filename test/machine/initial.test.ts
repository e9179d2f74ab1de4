import test from 'ava';
import { eq, model, start, type Start } from '../../src/index.js';

/** The start of a model that must be ready. */
function ready(begun: Start) {
  if (begun.kind === 'failed') throw new Error(`the setup failed: ${begun.reason}`);
  return begun;
}

test('the setup runs to its end before any other thread moves', (t) => {
  const m = model('setup', (m) => {
    const efd = m.eventfd(0, 0, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.main((main) => main.close(ep));
    m.thread('a', (a) => a.close(efd));
  });
  const begun = ready(start(m));
  t.deepEqual(
    begun.setup.map((tr) => tr.call),
    ['eventfd(0, 0)', 'epoll_create1(0)'],
  );
  t.deepEqual(
    begun.state.threads.map((th) => [th.pc, th.status, Object.keys(th.regs)]),
    [
      [2, 'runnable', ['efd', 'ep']],
      [0, 'runnable', []],
    ],
  );
});

test("each thread starts with main's clock and its own entry at 1, and main moves past it", (t) => {
  const m = model('clocks', (m) => {
    m.eventfd();
    m.thread('a', (a) => a.eventfd());
    m.thread('b', (b) => b.eventfd());
  });
  const begun = ready(start(m));
  t.deepEqual(
    begun.state.kernel.threads.map((th) => th.clock),
    [[3], [2, 1], [2, 0, 1]],
  );
});

test('a thread with an empty program, and a main with none, start finished', (t) => {
  const m = model('empty', (m) => {
    m.thread('a', () => undefined);
  });
  const begun = ready(start(m));
  t.deepEqual(
    begun.state.threads.map((th) => th.status),
    ['done', 'done'],
  );
});

test('a thread that begins with local instructions starts at its first visible one', (t) => {
  const m = model('local-first', (m) => {
    const efd = m.eventfd(0, 0, { as: 'efd' });
    m.thread('a', (a) => {
      const v = a.set(efd.ret, { as: 'copy' });
      a.if(eq(v, 3), () => a.close(v));
    });
  });
  const begun = ready(start(m));
  t.deepEqual(begun.state.threads[1], {
    pc: 2,
    regs: { copy: 3 },
    status: 'runnable',
    deadline: null,
  });
});

test('a setup that begins with a loop runs it', (t) => {
  const m = model('setup-loop', (m) => {
    m.loop('make', 3, () => {
      const efd = m.eventfd();
      m.break(eq(efd, 4));
    });
  });
  const begun = ready(start(m));
  t.deepEqual(
    begun.setup.map((tr) => tr.label),
    ['eventfd', 'eventfd'],
  );
  t.deepEqual(begun.state.kernel.fds, [0, 1, 2, 3, 4]);
});

test('a setup that blocks fails and says to move the call into a thread', (t) => {
  const m = model('blocking-setup', (m) => {
    const efd = m.eventfd(0, 0, { as: 'efd' });
    m.read(efd);
  });
  const begun = start(m);
  t.is(begun.kind, 'failed');
  t.is(
    begun.kind === 'failed' ? begun.reason : '',
    'the setup blocked in read(3, 8); the setup must not block, move the call into a thread',
  );
});

test("an assertion that fails before a thread's first step fails the start", (t) => {
  const m = model('doomed', (m) => {
    m.thread('a', (a) => {
      a.assert(false, 'never');
    });
  });
  const begun = start(m);
  t.is(
    begun.kind === 'failed' ? begun.reason : '',
    "thread 'a' stopped at assert before its first step: assertion",
  );
});
