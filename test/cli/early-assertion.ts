import { eq, model } from '../../src/index.js';

/** A thread whose first instruction is an assertion that always fails. */
export default model('early-assertion', (m) => {
  m.thread('worker', (t) => {
    t.assert(eq(1, 2), 'the worker checks its input before any call');
    t.eventfd();
  });
  m.expect({ verdict: 'violation', property: 'assertions' });
});
