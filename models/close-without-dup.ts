import { EFD_NONBLOCK, EPOLLET, EPOLLIN, and, eq, isErr, model, or } from '../src/index.js';

export default model('close-without-dup', (m) => {
  m.describe(
    'An eventfd is written and then closed through its only fd: the close removes its interest ' +
      'and ready entry and wakes nobody, so a later wait finds nothing.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);

  m.thread('owner', (t) => {
    t.write(efd, 1n);
    const rc = t.close(efd);
    t.assert(eq(rc, 0), 'close succeeds');
    const n = t.epollWait(ep, 1, 0);
    t.assert(eq(n, 0), 'the closed eventfd is no longer reported');
    const del = t.epollCtl(ep, 'DEL', efd);
    t.assert(isErr(del, 'EBADF'), 'EPOLL_CTL_DEL through the closed number gives EBADF');
  });
  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, 10);
    const delivered = and(eq(n, 1), and(eq(n.event(0).events, EPOLLIN), eq(n.event(0).data, 7n)));
    t.assert(or(eq(n, 0), delivered), 'the waiter times out or gets the write before the close');
  });
  m.expect({ verdict: 'pass' });
});
