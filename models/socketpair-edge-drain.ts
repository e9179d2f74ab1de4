import { EPOLLET, EPOLLIN, SOCK_NONBLOCK, add, eq, isErr, model } from '../src/index.js';

export default model('socketpair-edge-drain', (m) => {
  m.describe(
    'A writer sends two 8-byte chunks over a non-blocking socketpair; an edge-triggered reader ' +
      'drains after each wakeup until EAGAIN and ends with all 16 bytes.',
  );
  m.configure({ socketCapacity: 16 });
  const sv = m.socketpair(SOCK_NONBLOCK, { as: 'sv' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', sv.fd0, EPOLLIN | EPOLLET, 0n);

  m.thread('writer', (t) => {
    for (let i = 0; i < 2; i++) {
      const w = t.writeBytes(sv.fd1, 8);
      t.assert(eq(w, 8), 'each chunk fits in the buffer');
    }
  });
  m.thread('reader', (t) => {
    const total = t.set(0, { as: 'total' });
    t.loop('serve', 2, () => {
      const n = t.epollWait(ep, 1, -1);
      t.assert(eq(n.event(0).events, EPOLLIN), 'the socket reports exactly EPOLLIN');
      t.loop('drain', 4, () => {
        const r = t.readBytes(sv.fd0, 8);
        t.break(isErr(r, 'EAGAIN'));
        t.assert(eq(r, 8), 'each read takes one whole chunk');
        t.set(add(total, r), { as: 'total' });
      });
      t.break(eq(total, 16));
    });
    t.assert(eq(total, 16), 'the reader gets all 16 bytes');
  });
  m.expect({ verdict: 'pass' });
});
