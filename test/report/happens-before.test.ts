import test from 'ava';
import { EFD_NONBLOCK, EPOLLET, EPOLLIN, model } from '../../src/index.js';
import { happensBefore } from '../../src/report/index.js';
import { bundledView } from '../../scripts/bundled-view.js';
import { expectsTwo, viewOf } from './fixture.js';

test('a wakeup happens after the step whose edge woke it', (t) => {
  t.deepEqual(happensBefore(viewOf(expectsTwo)), [
    { from: 1, to: 1, thread: 1, key: { id: 3, fd: 3 } },
  ]);
});

test('a delivery in a later step points back at the step that made the edge', async (t) => {
  const view = await bundledView('message-passing-race');
  t.deepEqual(happensBefore(view), [{ from: 0, to: 2, thread: 2, key: { id: 3, fd: 3 } }]);
});

test('an edge made in the step that frees its epoll still points at that step', async (t) => {
  const view = await bundledView('close-epoll-while-waiting');
  t.deepEqual(happensBefore(view), [{ from: 2, to: 2, thread: 1, key: { id: 3, fd: 3 } }]);
});

test('an edge made during the setup has no step to come from', (t) => {
  const early = model('early', (m) => {
    const efd = m.eventfd(1, EFD_NONBLOCK, { as: 'efd' });
    const ep = m.epollCreate1(0, { as: 'ep' });
    m.epollCtl(ep, 'ADD', efd, EPOLLIN | EPOLLET, 0n);
    m.thread('consumer', (c) => {
      c.epollWait(ep, 1, -1);
      c.assert(false, 'stop here');
    });
  });
  t.deepEqual(happensBefore(viewOf(early)), [
    { from: null, to: 0, thread: 1, key: { id: 3, fd: 3 } },
  ]);
});
