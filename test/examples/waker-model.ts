import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, ge, model } from '../../src/index.js';

/** Two producers wake one consumer; it reads at least one write per wakeup. */
export default model('waker', (m) => {
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
    t.assert(ge(r.value, 1n), 'each wakeup carries at least one write');
  });
});
