import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../../src/index.js';

/** A producer writes an eventfd once; a consumer waits for it through epoll and reads 1. */
export const handoff = model('handoff', (m) => {
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 7n);
  m.thread('producer', (t) => t.write(efd, 1n));
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n.event(0).data, 7n), 'the event carries the registered data');
    const r = t.read(efd);
    t.assert(eq(r.value, 1n), 'the consumer reads the 1 the producer wrote');
  });
});

/** A reader that does not wait for the writer, and asserts it finds the value anyway. */
export const impatient = model('impatient', (m) => {
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  m.thread('writer', (w) => w.write(efd, 1n));
  m.thread('reader', (r) => {
    const got = r.read(efd);
    r.assert(eq(got.ret, 8), 'the reader finds the value');
  });
});
