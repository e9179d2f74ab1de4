import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('eventfd-producer-consumer', (m) => {
  m.describe(
    'A producer writes an eventfd once; a consumer waits for it through epoll, receives exactly ' +
      'EPOLLIN with the registered data, and reads 1.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);

  m.thread('producer', (t) => {
    const w = t.write(efd, 1n);
    t.assert(eq(w, 8), 'the write moves 8 bytes');
  });
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'epoll_wait returns one event');
    t.assert(eq(n.event(0).events, EPOLLIN), 'the event is exactly EPOLLIN');
    t.assert(eq(n.event(0).data, 7n), 'the event carries the registered data');
    const r = t.read(efd);
    t.assert(eq(r.value, 1n), 'the consumer reads the 1 the producer wrote');
  });
  m.expect({ verdict: 'pass' });
});
