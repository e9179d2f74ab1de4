import {
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  eq,
  formatSchedule,
  model,
  parseSchedule,
  replayNamed,
  start,
  type Choice,
  type Model,
} from '../../src/index.js';

/**
 * The message-passing race (the producer signals before it stores) with noise around it: an
 * unread setup call, a call main makes after the setup, a call inside an `if` and one after the
 * load in the consumer, and three threads that only make, dup and close their own eventfds.
 */
export const noisyRace: Model = model('noisy-race', (m) => {
  const msg = m.variable('msg');
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  m.eventfd(0, 0, { as: 'spare', label: 'spare' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 0n);
  m.main((t) => {
    t.eventfd(0, 0, { label: 'late' });
  });

  m.thread('producer', (t) => {
    t.write(efd, 1n);
    t.store(msg, 42);
  });
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the consumer receives the signal');
    t.if(eq(n, 1), () => {
      t.eventfd(0, 0, { label: 'inside' });
    });
    t.load(msg);
    t.eventfd(0, 0, { label: 'after' });
  });
  for (const name of ['noise-a', 'noise-b', 'noise-c']) {
    m.thread(name, (t) => {
      const e = t.eventfd(0, 0);
      t.dup(e);
      t.close(e);
    });
  }
  m.expect({ verdict: 'violation', property: 'no-data-race' });
});

/** The choices a replay string names, from the model's start; throws when one does not apply. */
export function choicesOf(m: Model, replay: string): Choice[] {
  const begun = start(m);
  const named = parseSchedule(replay);
  if (begun.kind === 'failed' || !Array.isArray(named)) throw new Error(`cannot parse ${replay}`);
  const { transitions, mismatch } = replayNamed(m, begun.state, named);
  if (mismatch !== null) throw new Error(`${replay}: ${mismatch.reason}`);
  return transitions.map((tr) => tr.choice);
}

/** The replay string of a schedule of choices from the model's start. */
export function replayOf(m: Model, schedule: readonly Choice[]): string {
  const begun = start(m);
  if (begun.kind === 'failed') throw new Error(begun.reason);
  return formatSchedule(m, begun.state, schedule);
}
