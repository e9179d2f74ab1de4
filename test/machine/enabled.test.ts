import test from 'ava';
import {
  enabledChoices,
  model,
  step,
  stuckThreads,
  threadId,
  type Model,
  type TimeoutRule,
} from '../../src/index.js';
import { runThreads, startOf } from './helpers.js';

const MAIN = threadId(0);
const A = threadId(1);
const B = threadId(2);
const C = threadId(3);

/** Two waiters on an empty epoll with deadlines of 20 and 10 ms, and a thread that runs on. */
function waiters(rule: TimeoutRule): Model {
  return model('waiters', (m) => {
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.configure({ timeouts: rule });
    m.thread('slow', (t) => t.epollWait(ep, 1, 20));
    m.thread('fast', (t) => t.epollWait(ep, 1, 10));
    m.thread('busy', (t) => t.eventfd());
  });
}

test('choices list runnable threads in thread order', (t) => {
  const m = model('order', (m) => {
    m.main((main) => main.eventfd());
    m.thread('a', (a) => a.eventfd());
    m.thread('b', (b) => b.eventfd());
  });
  t.deepEqual(enabledChoices(m, startOf(m)), [
    { kind: 'step', thread: MAIN },
    { kind: 'step', thread: A },
    { kind: 'step', thread: B },
  ]);
});

test('a join is enabled only once its target has finished', (t) => {
  const m = model('join', (m) => {
    m.thread('a', (a) => {
      a.eventfd();
      a.eventfd();
    });
    m.thread('b', (b) => {
      b.join('a');
    });
  });
  const s0 = startOf(m);
  t.deepEqual(enabledChoices(m, s0), [{ kind: 'step', thread: A }]);
  const s1 = runThreads(m, s0, ['a']).state;
  t.deepEqual(enabledChoices(m, s1), [{ kind: 'step', thread: A }]);
  const s2 = runThreads(m, s1, ['a']).state;
  t.deepEqual(enabledChoices(m, s2), [{ kind: 'step', thread: B }]);
});

test('under rule any a deadline may pass at any time, after the steps', (t) => {
  const m = waiters('any');
  const s = runThreads(m, startOf(m), ['slow', 'fast']).state;
  t.deepEqual(enabledChoices(m, s), [
    { kind: 'step', thread: C },
    { kind: 'timeout', thread: A },
    { kind: 'timeout', thread: B },
  ]);
  t.deepEqual(
    s.threads.map((th) => th.deadline),
    [null, null, null, null],
  );
});

test('under rule miri a deadline passes only when every thread is blocked', (t) => {
  const m = waiters('miri');
  const s = runThreads(m, startOf(m), ['slow', 'fast']).state;
  t.deepEqual(
    s.threads.map((th) => th.deadline),
    [null, 20, 10, null],
  );
  t.deepEqual(enabledChoices(m, s), [{ kind: 'step', thread: C }]);
});

test('under rule miri only the earliest deadline passes, and time jumps to it', (t) => {
  const m = waiters('miri');
  const s = runThreads(m, startOf(m), ['slow', 'fast', 'busy']).state;
  t.deepEqual(enabledChoices(m, s), [{ kind: 'timeout', thread: B }]);

  const fired = step(m, s, { kind: 'timeout', thread: B }).state;
  t.is(fired.now, 10);
  t.deepEqual(enabledChoices(m, fired), [{ kind: 'timeout', thread: A }]);
  t.is(step(m, fired, { kind: 'timeout', thread: A }).state.now, 20);
});

test('under rule miri a deadline counts from the time the thread blocked', (t) => {
  const m = model('later', (m) => {
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.configure({ timeouts: 'miri' });
    m.thread('a', (a) => {
      a.epollWait(ep, 1, 10);
      a.epollWait(ep, 1, 5);
    });
  });
  const first = runThreads(m, startOf(m), ['a']).state;
  const fired = step(m, first, { kind: 'timeout', thread: A }).state;
  const again = runThreads(m, fired, ['a']).state;
  t.is(again.threads[A]?.deadline, 15);
});

test('a wait without a deadline never offers a timeout', (t) => {
  const m = model('forever', (m) => {
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.thread('a', (a) => a.epollWait(ep, 1, -1));
  });
  const s = runThreads(m, startOf(m), ['a']).state;
  t.deepEqual(enabledChoices(m, s), []);
  t.deepEqual(stuckThreads(m, s), [A]);
});

test('with short writes a socket write also offers each shorter byte count', (t) => {
  const m = model('short', (m) => {
    const sv = m.socketpair(0, { as: 'sv' });
    m.configure({ shortWrites: true });
    m.thread('a', (a) => a.writeBytes(sv.fd0, 4));
  });
  t.deepEqual(enabledChoices(m, startOf(m)), [
    { kind: 'step', thread: A },
    { kind: 'step', thread: A, short: 1 },
    { kind: 'step', thread: A, short: 2 },
    { kind: 'step', thread: A, short: 3 },
  ]);
});

test('stuck threads are the unfinished ones not free to end blocked', (t) => {
  const m = model('stuck', (m) => {
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.thread('server', (s) => s.epollWait(ep, 1, -1), { mayEndBlocked: true });
    m.thread('client', (c) => c.epollWait(ep, 1, -1));
    m.thread('joiner', (j) => {
      j.join('client');
    });
  });
  const s = runThreads(m, startOf(m), ['server', 'client']).state;
  t.deepEqual(enabledChoices(m, s), []);
  t.deepEqual(stuckThreads(m, s), [B, C]);
});

test('a state where every thread finished has no stuck thread', (t) => {
  const m = model('done', (m) => {
    m.thread('a', (a) => a.eventfd());
  });
  const s = runThreads(m, startOf(m), ['a']).state;
  t.deepEqual(enabledChoices(m, s), []);
  t.deepEqual(stuckThreads(m, s), []);
});
