import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('two-waiters-one-event', (m) => {
  m.describe(
    'Two threads wait on one epoll and a single eventfd write makes one edge: exactly one waiter ' +
      'receives it and reads 1, and the other may stay blocked.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);

  for (const name of ['waiter-a', 'waiter-b']) {
    m.thread(
      name,
      (t) => {
        const n = t.epollWait(ep, 1, -1);
        t.assert(eq(n, 1), 'a woken waiter receives one event');
        t.assert(eq(n.event(0).events, EPOLLIN), 'the event is exactly EPOLLIN');
        t.assert(eq(n.event(0).data, 1n), 'the event carries the registered data');
        const r = t.read(efd);
        t.assert(eq(r.value, 1n), 'the waiter that got the event reads the single 1');
      },
      { mayEndBlocked: true },
    );
  }
  m.thread('writer', (t) => {
    t.write(efd, 1n);
  });
  m.expect({ verdict: 'pass' });
});
