import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, isErr, model } from '../src/index.js';

export default model('close-with-dup', (m) => {
  m.describe(
    'A registered eventfd fd is closed while a dup keeps the description open: the interest ' +
      'stays, a write through the dup still wakes the waiter with the old data, and ' +
      'EPOLL_CTL_DEL through the closed number gives EBADF.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const copy = m.dup(efd, { as: 'copy' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);

  m.thread('owner', (t) => {
    const rc = t.close(efd);
    t.assert(eq(rc, 0), 'close succeeds');
    const del = t.epollCtl(ep, 'DEL', efd);
    t.assert(isErr(del, 'EBADF'), 'EPOLL_CTL_DEL through the closed number gives EBADF');
    const w = t.write(copy, 1n);
    t.assert(eq(w, 8), 'the write through the dup succeeds');
  });
  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the interest of the closed number still reports');
    t.assert(eq(n.event(0).events, EPOLLIN), 'the event is exactly EPOLLIN');
    t.assert(eq(n.event(0).data, 7n), 'the event carries the data registered for the closed fd');
  });
  m.expect({ verdict: 'pass' });
});
