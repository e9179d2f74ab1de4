import {
  check,
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  eq,
  model,
  traceOf,
  type Model,
} from '../../src/index.js';
import type { CounterexampleView } from '../../src/report/index.js';

/**
 * A consumer that blocks in `epoll_wait` and wrongly asserts it gets two events; a producer's
 * one write wakes it with one. The shortest counterexample has a wakeup and a delivery.
 */
export const expectsTwo: Model = model('expects-two', (m) => {
  m.describe('A consumer wakes with one event and asserts it got two.');
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 2), 'the consumer receives two events');
  });
  m.thread('producer', (t) => {
    t.write(efd, 1n);
  });
  m.expect({ verdict: 'violation', property: 'assertions' });
});

/** The counterexample `check` finds for `m`, as the renderings take it. */
export function viewOf(m: Model): CounterexampleView {
  const verdict = check(m, { clock: () => 0 });
  if (verdict.kind !== 'violation') {
    throw new Error(`expected a violation of ${m.name}, got ${JSON.stringify(verdict)}`);
  }
  return {
    model: m,
    trace: traceOf(m, verdict.counterexample.schedule),
    violation: { property: verdict.property, message: verdict.message },
    replay: `weft replay ${m.name}.ts '${verdict.counterexample.replay}'`,
  };
}
