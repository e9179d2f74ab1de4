import { isErr, model } from '../src/index.js';

export default model('close-while-blocked-read', (m) => {
  m.describe(
    'A thread blocks reading one end of a blocking socketpair while another closes that fd: the ' +
      'description is destroyed at once and the reader never wakes, a deadlock.',
  );
  const sv = m.socketpair(0, { as: 'sv' });

  m.thread('reader', (t) => {
    const r = t.readBytes(sv.fd0, 8);
    t.assert(isErr(r, 'EBADF'), 'a read that starts after the close gives EBADF');
  });
  m.thread('closer', (t) => {
    t.close(sv.fd0);
  });
  m.expect({ verdict: 'violation', property: 'no-deadlock' });
});
