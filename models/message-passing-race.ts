import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, model } from '../src/index.js';

export default model('message-passing-race', (m) => {
  m.describe(
    'A producer writes the eventfd before it stores the message, so the event orders nothing: ' +
      "the consumer's load races with the store.",
  );
  const msg = m.variable('msg');
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 0n);

  m.thread('producer', (t) => {
    t.write(efd, 1n);
    t.store(msg, 42);
  });
  m.thread('consumer', (t) => {
    const n = t.epollWait(ep, 1, -1);
    t.assert(eq(n, 1), 'the consumer receives the signal');
    t.load(msg);
  });
  m.expect({ verdict: 'violation', property: 'no-data-race' });
});
