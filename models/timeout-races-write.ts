import { EFD_NONBLOCK, EPOLLET, EPOLLIN, and, eq, isErr, model, or } from '../src/index.js';

export default model('timeout-races-write', (m) => {
  m.describe(
    "A waiter's 10 ms timeout races with a write: the wait returns 0 or the eventfd's EPOLLIN, " +
      'and a read afterwards finds 1 whenever the event was delivered.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 3n);

  m.thread('waiter', (t) => {
    const n = t.epollWait(ep, 1, 10);
    t.if(
      eq(n, 1),
      () => {
        t.assert(eq(n.event(0).events, EPOLLIN), 'the event is exactly EPOLLIN');
        t.assert(eq(n.event(0).data, 3n), 'the event carries the registered data');
        const r = t.read(efd);
        t.assert(eq(r.value, 1n), 'after the event the read finds the 1 written');
      },
      () => {
        t.assert(eq(n, 0), 'a wait that receives nothing timed out and returns 0');
        const r = t.read(efd);
        const found = and(eq(r, 8), eq(r.value, 1n));
        t.assert(or(found, isErr(r, 'EAGAIN')), 'after a timeout the write may or may not be in');
      },
    );
  });
  m.thread('writer', (t) => {
    t.write(efd, 1n);
  });
  m.expect({ verdict: 'pass' });
});
