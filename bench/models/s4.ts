import { spinModel } from './spin-model.js';

export default spinModel(
  's4',
  'Three waiters with maxevents 2 and a 10 ms timeout wait twice each on two eventfds watched ' +
    'for EPOLLIN|EPOLLOUT, written twice by each of two writers, while main modifies the first ' +
    'interest and deletes the second.',
  {
    waiters: 3,
    writers: 2,
    writes: 2,
    eventfds: 2,
    maxevents: 2,
    timeout: 10,
    rounds: 2,
    ctlAfterStart: true,
  },
);
