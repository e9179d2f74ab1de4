import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../../src/index.js';

/** The same event loop with a wrong belief: every wakeup carries exactly one write. */
export default model('wrong-waker', (m) => {
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);
  m.thread('producer-a', (t) => {
    t.write(efd, 1n);
  });
  m.thread('producer-b', (t) => {
    t.write(efd, 1n);
  });
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'epoll_wait returns one event');
    const r = t.read(efd);
    t.assert(eq(r.value, 1n), 'each wakeup carries exactly one write');
  });
});
