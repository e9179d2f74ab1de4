import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, isErr, model } from '../src/index.js';

export default model('del-while-waiting', (m) => {
  m.describe(
    'A thread waits with a timeout while another deletes the eventfd interest and then writes ' +
      'the eventfd: the write wakes nobody, so the wait can only time out.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);

  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, 10);
    t.assert(eq(n, 0), 'the wait times out with no event');
  });
  m.thread('control', (t) => {
    const rc = t.epollCtl(ep, 'DEL', efd);
    t.assert(eq(rc, 0), 'EPOLL_CTL_DEL succeeds');
    const again = t.epollCtl(ep, 'DEL', efd);
    t.assert(isErr(again, 'ENOENT'), 'a second EPOLL_CTL_DEL finds no interest');
    const w = t.write(efd, 1n);
    t.assert(eq(w, 8), 'the write succeeds');
  });
  m.expect({ verdict: 'pass' });
});
