import { EFD_NONBLOCK, EPOLLIN, model } from '../src/index.js';

export default model('level-triggered-unsupported', (m) => {
  m.describe(
    'A thread registers an eventfd without EPOLLET, the level-triggered default of Linux, which ' +
      'the seed refuses as an unsupported operation.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const ep = m.epollCreate1(0, { as: 'ep' });

  m.thread('registrar', (t) => {
    t.epollCtl(ep, 'ADD', efd, EPOLLIN, 0n);
  });
  m.expect({ verdict: 'unsupported' });
});
