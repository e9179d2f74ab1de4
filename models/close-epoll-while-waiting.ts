import { EPOLLET, EPOLLIN, SOCK_NONBLOCK, eq, isErr, model, or } from '../src/index.js';

export default model('close-epoll-while-waiting', (m) => {
  m.describe(
    'A thread waits on an epoll watching one socket end while another closes the epoll fd and ' +
      'then writes the peer twice: the wakeup frees the epoll without cleaning the global ' +
      'interest table, and the next write would panic the interpreter.',
  );
  const sv = m.socketpair(SOCK_NONBLOCK, { as: 'sv' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', sv.fd0, EPOLLIN | EPOLLET, 0n);

  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(or(eq(n, 1), isErr(n, 'EBADF')), 'the waiter gets the data or finds the epoll closed');
  });
  m.thread('closer', (t) => {
    t.close(ep);
    t.writeBytes(sv.fd1, 8);
    t.writeBytes(sv.fd1, 8);
  });
  m.expect({ verdict: 'violation', property: 'interest-table-consistent' });
});
