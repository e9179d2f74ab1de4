import { DEFAULT_OPTIONS, type Model } from '../../src/index.js';

/** A model written as data, with a fractional eventfd initial value. */
const model: Model = {
  name: 'broken-data',
  description: '',
  threads: [
    {
      name: 'main',
      program: [{ op: 'eventfd', initval: 1.5, flags: 0, dst: 'efd', label: 'eventfd' }],
      mayEndBlocked: false,
    },
  ],
  setup: 1,
  variables: [],
  finals: [],
  options: DEFAULT_OPTIONS,
  bounds: {},
  expect: { verdict: 'pass' },
};

export default model;
