import { EFD_NONBLOCK, EPOLLET, EPOLLIN, ge, model } from '../src/index.js';

export default model('maxevents-two-waiters-deadlock', (m) => {
  m.describe(
    'Two eventfds become ready before either of two waiters with maxevents 2 runs: the first ' +
      'waiter takes both events and the second blocks for good, which is a deadlock.',
  );
  const efd0 = m.eventfd(0, EFD_NONBLOCK, { as: 'efd0' });
  const efd1 = m.eventfd(0, EFD_NONBLOCK, { as: 'efd1' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd0, EPOLLIN | EPOLLET, 0n);
  m.epollCtl(ep, 'ADD', efd1, EPOLLIN | EPOLLET, 1n);

  for (const name of ['waiter-a', 'waiter-b']) {
    m.thread(name, (t) => {
      const n = t.epollWait(ep, 2, -1);
      t.assert(ge(n, 1), 'a woken waiter receives at least one event');
    });
  }
  m.thread('writer', (t) => {
    t.write(efd0, 1n);
    t.write(efd1, 1n);
  });
  m.expect({ verdict: 'violation', property: 'no-deadlock' });
});
