import { EFD_NONBLOCK, EPOLLET, EPOLLIN, eq, isErr, model } from '../src/index.js';

export default model('ctl-errors', (m) => {
  m.describe(
    'epoll_ctl and epoll_wait refuse bad requests with the seed errno names (EEXIST, ENOENT, ' +
      'EFAULT, EBADF, EINVAL) while a writer makes the eventfd ready.',
  );
  const efd = m.eventfd(0, EFD_NONBLOCK, { as: 'efd' });
  const other = m.eventfd(0, EFD_NONBLOCK, { as: 'other' });
  const ep = m.epollCreate1(0, { as: 'ep' });

  m.thread('caller', (t) => {
    const add = t.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);
    t.assert(eq(add, 0), 'the first EPOLL_CTL_ADD succeeds');
    const twice = t.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 1n);
    t.assert(isErr(twice, 'EEXIST'), 'adding the same fd twice gives EEXIST');
    const mod = t.epollCtl(ep, 'MOD', other, EPOLLIN | EPOLLET, 2n);
    t.assert(isErr(mod, 'ENOENT'), 'modifying an unregistered fd gives ENOENT');
    const del = t.epollCtl(ep, 'DEL', other);
    t.assert(isErr(del, 'ENOENT'), 'deleting an unregistered fd gives ENOENT');
    const self = t.epollCtl(ep, 'ADD', ep, EPOLLIN | EPOLLET, 3n);
    t.assert(isErr(self, 'EFAULT'), 'the seed answers epfd == fd with EFAULT');
    const closed = t.epollCtl(ep, 'ADD', 40, EPOLLIN | EPOLLET, 4n);
    t.assert(isErr(closed, 'EBADF'), 'a closed fd gives EBADF');
    const none = t.epollWait(ep, 0, 0);
    t.assert(isErr(none, 'EINVAL'), 'maxevents 0 gives EINVAL');
    const notEpoll = t.epollWait(efd, 1, 0);
    t.assert(isErr(notEpoll, 'EBADF'), 'the seed answers a non-epoll epfd with EBADF');
  });
  m.thread('writer', (t) => {
    t.write(efd, 1n);
  });
  m.expect({ verdict: 'pass' });
});
