import { eq, model } from '../src/index.js';

export default model('eventfd-blocking-write', (m) => {
  m.describe(
    'With the eventfd limit at 2, a writer that fills the counter blocks on its next write until ' +
      'a reader empties it; the reader sees 2 and then 1.',
  );
  m.configure({ eventfdLimit: 2n });
  const efd = m.eventfd(0, 0, { as: 'efd' });

  m.thread('writer', (t) => {
    const full = t.write(efd, 2n);
    t.assert(eq(full, 8), 'the first write fills the counter');
    const more = t.write(efd, 1n);
    t.assert(eq(more, 8), 'the second write completes once the reader made room');
  });
  m.thread('reader', (t) => {
    const first = t.read(efd);
    t.assert(eq(first.value, 2n), 'the first read takes the full counter');
    const second = t.read(efd);
    t.assert(eq(second.value, 1n), 'the second read takes what the unblocked write added');
  });
  m.expect({ verdict: 'pass' });
});
