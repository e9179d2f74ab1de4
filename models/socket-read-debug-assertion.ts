import { EPOLLET, EPOLLIN, EPOLLOUT, SOCK_NONBLOCK, model } from '../src/index.js';

export default model('socket-read-debug-assertion', (m) => {
  m.describe(
    'An epoll watches both ends of a socketpair. A read that empties one end first forces an ' +
      'edge on the other, which wakes a waiter whose delivery runs the debug-build check before ' +
      "the reading end's own update: the seed's I3 assertion fails mid-step.",
  );
  const sv = m.socketpair(SOCK_NONBLOCK, { as: 'sv' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', sv.fd0, EPOLLOUT | EPOLLET, 0n);
  m.epollCtl(ep, 'ADD', sv.fd1, EPOLLIN | EPOLLET, 1n);
  m.writeBytes(sv.fd0, 5);
  m.epollWait(ep, 4, 0, { as: 'drained' });

  m.thread('waiter', (t) => {
    t.epollWait(ep, 1, -1);
  });
  m.thread('reader', (t) => {
    t.readBytes(sv.fd1, 5);
  });
  m.expect({ verdict: 'violation', property: 'active-matches-readiness' });
});
