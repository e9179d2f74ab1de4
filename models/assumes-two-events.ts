import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('assumes-two-events', (m) => {
  m.describe(
    'A consumer waits with maxevents 2 and assumes both eventfds are reported together, but it ' +
      'can be woken by the first write alone and then receives one event.',
  );
  const efd0 = m.eventfd(0, EFD_NONBLOCK, { as: 'efd0' });
  const efd1 = m.eventfd(0, EFD_NONBLOCK, { as: 'efd1' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd0, EPOLLIN | EPOLLET, 0n);
  m.epollCtl(ep, 'ADD', efd1, EPOLLIN | EPOLLET, 1n);

  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 2, -1);
    t.assert(eq(n, 2), 'the consumer receives both events at once');
  });
  m.thread('producer', (t) => {
    t.write(efd0, 1n);
    t.write(efd1, 1n);
  });
  m.expect({ verdict: 'violation', property: 'assertions' });
});
