import test from 'ava';
import {
  check,
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  formatSchedule,
  judgeStep,
  model,
  nameChoice,
  parseSchedule,
  PROPERTIES,
  replayNamed,
  start,
  threadId,
  type MachineState,
  type Model,
  type NamedChoice,
} from '../../src/index.js';
import { handoff, impatient } from './models.js';

const clock = () => 0;

function startOf(m: Model): MachineState {
  const begun = start(m);
  if (begun.kind === 'failed') throw new Error(begun.reason);
  return begun.state;
}

function parsed(text: string): NamedChoice[] {
  const named = parseSchedule(text);
  if (!Array.isArray(named)) throw new Error(`bad part ${named.bad}: ${named.part}`);
  return named;
}

/** A waiter with a deadline and a socket writer whose write may be cut short. */
const timed = model('timed', (m) => {
  const sv = m.socketpair(0, { as: 'sv' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', sv.fd0, EPOLLIN | EPOLLET, 1n);
  m.configure({ shortWrites: true });
  m.thread('waiter', (w) => w.epollWait(ep, 1, 10));
  m.thread('writer', (w) => w.writeBytes(sv.fd1, 4));
});

/** Two waiters with maxevents 2 and two ready events: the second waits for ever. */
const greedy = model('greedy', (m) => {
  const a = m.eventfd(1, EFD_NONBLOCK, { as: 'a' });
  const b = m.eventfd(1, EFD_NONBLOCK, { as: 'b' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', a, EPOLLIN | EPOLLET, 1n);
  m.epollCtl(ep, 'ADD', b, EPOLLIN | EPOLLET, 2n);
  m.thread('w1', (t) => t.epollWait(ep, 2, -1));
  m.thread('w2', (t) => t.epollWait(ep, 2, -1));
});

test('a choice is named by thread and label, a short write by its byte count', (t) => {
  const s = startOf(timed);
  t.is(nameChoice(timed, s, { kind: 'step', thread: threadId(1) }), 'waiter:epoll_wait');
  t.is(nameChoice(timed, s, { kind: 'step', thread: threadId(2), short: 3 }), 'writer:write/3');
  t.is(nameChoice(timed, s, { kind: 'timeout', thread: threadId(1) }), 'waiter:timeout');
});

test('a schedule formats as its named choices, comma separated', (t) => {
  const schedule = [
    { kind: 'step', thread: threadId(1) },
    { kind: 'timeout', thread: threadId(1) },
    { kind: 'step', thread: threadId(2), short: 2 },
  ] as const;
  t.is(
    formatSchedule(timed, startOf(timed), schedule),
    'waiter:epoll_wait,waiter:timeout,writer:write/2',
  );
});

test('a replay string parses back to named choices', (t) => {
  t.deepEqual(parseSchedule(' waiter:epoll_wait, waiter:timeout ,writer:write/2'), [
    { thread: 'waiter', label: 'epoll_wait' },
    { thread: 'waiter', label: 'timeout' },
    { thread: 'writer', label: 'write', short: 2 },
  ]);
  t.deepEqual(parseSchedule(''), []);
});

test('a malformed part of a replay string is reported with its index', (t) => {
  t.deepEqual(parseSchedule('a:write,oops,b:read'), { bad: 1, part: 'oops' });
  t.deepEqual(parseSchedule('a:write/x'), { bad: 0, part: 'a:write/x' });
});

test('the replay string of a violation reproduces the violating transition', (t) => {
  for (const m of [impatient, greedy]) {
    const verdict = check(m, { clock });
    if (verdict.kind !== 'violation') throw new Error(`expected a violation, got ${verdict.kind}`);
    const replay = replayNamed(m, startOf(m), parsed(verdict.counterexample.replay));
    t.is(replay.mismatch, null);
    t.is(replay.transitions.length, verdict.counterexample.schedule.length);

    const last = replay.transitions.length - 1;
    const before = replay.states[last];
    const transition = replay.transitions[last];
    const after = replay.states[last + 1];
    if (before === undefined || transition === undefined || after === undefined)
      throw new Error('the replay is empty');
    const terminal = m === greedy ? { stuck: [threadId(2)] } : null;
    const ctx = { model: m, before, transition, after, terminal };
    t.deepEqual(judgeStep(PROPERTIES, ctx), {
      kind: 'violation',
      property: verdict.property,
      message: verdict.message,
    });
  }
});

test('a replayed choice for a thread that is not at that label stops the replay', (t) => {
  const replay = replayNamed(handoff, startOf(handoff), parsed('producer:write,producer:write'));
  t.is(replay.transitions.length, 1);
  t.deepEqual(replay.mismatch, { index: 1, reason: "'producer' is done, not at 'write'" });
});

test('a replayed choice names a label the thread is not at', (t) => {
  const replay = replayNamed(handoff, startOf(handoff), parsed('consumer:read'));
  t.deepEqual(replay.mismatch, {
    index: 0,
    reason: "'consumer' is at 'epoll_wait', not at 'read'",
  });
});

test('a replayed step of a blocked thread does not apply', (t) => {
  const replay = replayNamed(
    handoff,
    startOf(handoff),
    parsed('consumer:epoll_wait,consumer:read'),
  );
  t.deepEqual(replay.mismatch, { index: 1, reason: "'consumer' is blocked, not at 'read'" });
});

test('a replayed timeout applies only to a wait with a deadline', (t) => {
  const s = startOf(handoff);
  const replay = replayNamed(handoff, s, parsed('consumer:epoll_wait,consumer:timeout'));
  t.deepEqual(replay.mismatch, {
    index: 1,
    reason: "'consumer' is not waiting in epoll_wait with a deadline",
  });
  const timedOut = replayNamed(timed, startOf(timed), parsed('waiter:epoll_wait,waiter:timeout'));
  t.is(timedOut.mismatch, null);
  t.deepEqual(timedOut.transitions[1]?.outcome, { kind: 'returned', result: { ret: 0 } });
});

test('a replayed choice for an unknown thread does not apply', (t) => {
  const replay = replayNamed(handoff, startOf(handoff), parsed('ghost:write'));
  t.deepEqual(replay, {
    transitions: [],
    states: [startOf(handoff)],
    mismatch: { index: 0, reason: "the model has no thread 'ghost'" },
  });
});

test('a replayed short write moves only the bytes chosen', (t) => {
  const replay = replayNamed(timed, startOf(timed), parsed('writer:write/3'));
  t.deepEqual(replay.transitions[0]?.outcome, { kind: 'returned', result: { ret: 3 } });
});
