import test from 'ava';
import { kernelView } from '../../src/report/index.js';
import { expectsTwo, viewOf } from './fixture.js';

const view = viewOf(expectsTwo);

test('the kernel view names a blocked waiter in its epoll wait queue and thread row', (t) => {
  const state = view.trace.states[0];
  if (state === undefined) return t.fail('the trace has no first state');
  const k = kernelView(view.model, state);
  const epoll = k.descriptions.find((d) => d.title === 'epoll (id 4)');
  t.deepEqual(epoll?.facts, [
    ['refs', '2'],
    ['ready set', 'empty'],
    ['wait queue', 'consumer'],
  ]);
  t.deepEqual(epoll?.interests, [
    {
      key: 'id 3, fd 3',
      relevant: 'EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLET',
      active: '0',
      data: '7',
      clock: '[]',
    },
  ]);
  t.deepEqual(k.threads[1], {
    name: 'consumer',
    status: 'blocked',
    clock: '[4, 2]',
    blocked: 'epoll_wait on epoll (id 4)',
  });
  t.deepEqual(k.fds.slice(3), [
    { fd: 3, description: 'eventfd (id 3)' },
    { fd: 4, description: 'epoll (id 4)' },
  ]);
  t.deepEqual(k.interestTable, [{ watched: 'eventfd (id 3)', epolls: 'epoll (id 4)' }]);
});

test('the kernel view lists an eventfd counter after a write', (t) => {
  const state = view.trace.states[1];
  if (state === undefined) return t.fail('the trace has no second state');
  const eventfd = kernelView(view.model, state).descriptions.find((d) => d.id === 3);
  t.deepEqual(eventfd?.facts.slice(0, 2), [
    ['refs', '1'],
    ['counter', '1'],
  ]);
});
