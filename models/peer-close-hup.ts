import {
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  EPOLLRDHUP,
  SOCK_NONBLOCK,
  eq,
  isErr,
  model,
} from '../src/index.js';

export default model('peer-close-hup', (m) => {
  m.describe(
    'One end of a socketpair is watched for EPOLLIN|EPOLLOUT|EPOLLRDHUP; closing the other end ' +
      'delivers EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLHUP, after which a read gives end of file and ' +
      'a write gives EPIPE.',
  );
  const sv = m.socketpair(SOCK_NONBLOCK, { as: 'sv' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', sv.fd0, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, 9n);
  m.epollWait(ep, 1, 0, { as: 'writable' });

  m.thread('watcher', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the peer close wakes the watcher');
    const hangup = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLHUP;
    t.assert(eq(n.event(0).events, hangup), 'the event is EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLHUP');
    t.assert(eq(n.event(0).data, 9n), 'the event carries the registered data');
    const r = t.readBytes(sv.fd0, 8);
    t.assert(eq(r, 0), 'reading after the peer closed gives end of file');
    const w = t.writeBytes(sv.fd0, 8);
    t.assert(isErr(w, 'EPIPE'), 'writing after the peer closed gives EPIPE');
  });
  m.thread('closer', (t) => {
    const rc = t.close(sv.fd1);
    t.assert(eq(rc, 0), 'close succeeds');
  });
  m.expect({ verdict: 'pass' });
});
