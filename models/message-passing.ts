import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('message-passing', (m) => {
  m.describe(
    'A producer stores a message in shared memory and then writes an eventfd; a consumer that ' +
      'receives the event through epoll loads the message without a race and sees it.',
  );
  const msg = m.variable('msg');
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 0n);

  m.thread('producer', (t) => {
    t.store(msg, 42);
    t.write(efd, 1n);
  });
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the consumer receives the signal');
    const v = t.load(msg);
    t.assert(eq(v, 42), 'the consumer sees the message stored before the signal');
  });
  m.expect({ verdict: 'pass' });
});
