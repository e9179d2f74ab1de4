import { EFD_NONBLOCK, EPOLLET, EPOLLIN, EPOLLONESHOT, model } from '../src/index.js';

export default model('oneshot-unsupported', (m) => {
  m.describe(
    'A thread registers an eventfd with EPOLLONESHOT, which Linux accepts and the seed refuses ' +
      'as an unsupported operation.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });

  m.thread('registrar', (t) => {
    t.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET | EPOLLONESHOT, 0n);
  });
  m.thread('writer', (t) => {
    t.write(efd, 1n);
  });
  m.expect({ verdict: 'unsupported' });
});
