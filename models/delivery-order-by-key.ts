import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('delivery-order-by-key', (m) => {
  m.describe(
    'Two eventfds become ready newest first; a collector that waits after both writes receives ' +
      'them oldest description first, since delivery follows the interest key, not readiness ' +
      'order.',
  );
  const efd0 = m.eventfd(0, EFD_NONBLOCK, { as: 'efd0' });
  const efd1 = m.eventfd(0, EFD_NONBLOCK, { as: 'efd1' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd0, EPOLLIN | EPOLLET, 10n);
  m.epollCtl(ep, 'ADD', efd1, EPOLLIN | EPOLLET, 11n);

  m.thread('writer', (t) => {
    t.write(efd1, 1n);
    t.write(efd0, 1n);
  });
  m.thread('collector', (t) => {
    t.join('writer');
    const n = t.epollWait(ep, 2, 0);
    t.assert(eq(n, 2), 'both events are ready');
    t.assert(eq(n.event(0).data, 10n), 'the older eventfd comes first');
    t.assert(eq(n.event(1).data, 11n), 'the newer eventfd comes second');
  });
  m.expect({ verdict: 'pass' });
});
