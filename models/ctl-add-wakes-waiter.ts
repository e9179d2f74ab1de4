import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('ctl-add-wakes-waiter', (m) => {
  m.describe(
    'A thread waits on an empty epoll while another registers an eventfd that is already ' +
      'readable: EPOLL_CTL_ADD makes an edge that wakes the waiter.',
  );
  const efd = m.eventfd(1, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });

  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the waiter receives the registered eventfd');
    t.assert(eq(n.event(0).events, EPOLLIN), 'the event is exactly EPOLLIN');
    t.assert(eq(n.event(0).data, 5n), 'the event carries the data given to EPOLL_CTL_ADD');
  });
  m.thread('registrar', (t) => {
    const rc = t.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 5n);
    t.assert(eq(rc, 0), 'EPOLL_CTL_ADD succeeds');
  });
  m.expect({ verdict: 'pass' });
});
