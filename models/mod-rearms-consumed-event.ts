import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('mod-rearms-consumed-event', (m) => {
  m.describe(
    'The edge of a readable eventfd is consumed during setup; EPOLL_CTL_MOD with new data ' +
      're-arms ' +
      'it, so a waiter receives the same readiness again, with the new data.',
  );
  const efd = m.eventfd(1, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);
  m.epollWait(ep, 1, 0, { as: 'consumed' });

  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the re-armed interest is delivered');
    t.assert(eq(n.event(0).events, EPOLLIN), 'the event is exactly EPOLLIN');
    t.assert(eq(n.event(0).data, 2n), 'the event carries the data given to EPOLL_CTL_MOD');
  });
  m.thread('rearm', (t) => {
    const before = t.epollWait(ep, 1, 0);
    t.assert(eq(before, 0), 'the consumed edge is not delivered twice');
    const rc = t.epollCtl(ep, 'MOD', efd, EPOLLIN | EPOLLET, 2n);
    t.assert(eq(rc, 0), 'EPOLL_CTL_MOD succeeds');
  });
  m.expect({ verdict: 'pass' });
});
