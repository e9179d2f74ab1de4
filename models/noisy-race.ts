import { EFD_NONBLOCK, EPOLLET, EPOLLIN, model } from '../src/index.js';

export default model('noisy-race', (m) => {
  m.describe(
    'Two busy threads exchange eventfd signals while a writer and a reader touch a shared ' +
      'counter ' +
      'with no synchronisation: the race is there in a few steps, hidden among many irrelevant ' +
      'ones.',
  );
  const counter = m.variable('counter');
  const ping = m.eventfd(0, EFD_NONBLOCK, { as: 'ping' });
  const pong = m.eventfd(0, EFD_NONBLOCK, { as: 'pong' });
  const ep = m.epollCreate1(0, { as: 'ep' });
  m.epollCtl(ep, 'ADD', ping, EPOLLIN | EPOLLET, 1n);

  m.thread('pinger', (t) => {
    t.write(ping, 1n);
    t.write(pong, 1n);
    t.write(ping, 1n);
  });
  m.thread('ponger', (t) => {
    t.epollWait(ep, 1, 0);
    t.read(pong);
    t.read(ping);
  });
  m.thread('writer', (t) => {
    t.store(counter, 1);
  });
  m.thread('reader', (t) => {
    t.load(counter);
  });
  m.expect({ verdict: 'violation', property: 'no-data-race' });
});
