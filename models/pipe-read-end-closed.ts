import {
  EPOLLERR,
  EPOLLET,
  EPOLLHUP,
  EPOLLOUT,
  O_NONBLOCK,
  eq,
  isErr,
  model,
  or,
} from '../src/index.js';

export default model('pipe-read-end-closed', (m) => {
  m.describe(
    "A pipe's write end is watched for EPOLLOUT while its read end is closed with data unread: " +
      'the watcher sees EPOLLOUT|EPOLLHUP|EPOLLERR, later writes give EPIPE, and writing the ' +
      'read end gives EBADF.',
  );
  const p = m.pipe(O_NONBLOCK, { as: 'p' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', p.fd1, EPOLLOUT | EPOLLET, 1n);
  m.writeBytes(p.fd1, 8, { as: 'unread' });
  m.epollWait(ep, 1, 0, { as: 'writable' });

  m.thread('writer', (t) => {
    const bad = t.writeBytes(p.fd0, 8);
    t.assert(isErr(bad, 'EBADF'), 'writing the read end gives EBADF');
    const w = t.writeBytes(p.fd1, 8);
    t.assert(or(eq(w, 8), isErr(w, 'EPIPE')), 'the write lands or finds the read end closed');
  });
  m.thread('reader', (t) => {
    const rc = t.close(p.fd0);
    t.assert(eq(rc, 0), 'close succeeds');
  });
  m.thread('watcher', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'closing the read end wakes the watcher');
    const lost = EPOLLOUT | EPOLLHUP | EPOLLERR;
    t.assert(eq(n.event(0).events, lost), 'the event is EPOLLOUT|EPOLLHUP|EPOLLERR');
    t.assert(eq(n.event(0).data, 1n), 'the event carries the registered data');
    const late = t.writeBytes(p.fd1, 8);
    t.assert(isErr(late, 'EPIPE'), 'writing after the read end closed gives EPIPE');
  });
  m.expect({ verdict: 'pass' });
});
