import { spinModel } from './spin-model.js';

export default spinModel(
  's1',
  'Two waiters with maxevents 1 and no timeout on one eventfd that one writer writes twice.',
  {
    waiters: 2,
    writers: 1,
    writes: 2,
    eventfds: 1,
    maxevents: 1,
    timeout: -1,
    rounds: 1,
    ctlAfterStart: false,
  },
);
