import { spinModel } from './spin-model.js';

export default spinModel(
  's3',
  'Two waiters with maxevents 1 and a 10 ms timeout wait twice each on one eventfd that two ' +
    'writers write twice each.',
  {
    waiters: 2,
    writers: 2,
    writes: 2,
    eventfds: 1,
    maxevents: 1,
    timeout: 10,
    rounds: 2,
    ctlAfterStart: false,
  },
);
