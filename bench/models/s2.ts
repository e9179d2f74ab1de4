import { spinModel } from './spin-model.js';

export default spinModel(
  's2',
  'Three waiters with maxevents 2 and no timeout on two eventfds that two writers write twice ' +
    'each, alternating between them.',
  {
    waiters: 3,
    writers: 2,
    writes: 2,
    eventfds: 2,
    maxevents: 2,
    timeout: -1,
    rounds: 1,
    ctlAfterStart: false,
  },
);
