import test from 'ava';
import { EPOLL_CLOEXEC, initialKernel, sys } from '../../src/kernel/index.js';
import { returned, Session, T0, unsupported } from './helpers.js';

test('epoll_create1 returns a new fd for an empty epoll', (t) => {
  const s = new Session();

  t.deepEqual(s.call('epollCreate1', T0).outcome, returned(3));
  t.deepEqual(s.description(3), {
    kind: 'epoll',
    id: 3,
    refs: 1,
    interests: [],
    ready: [],
    queue: [],
  });
});

test('epoll_create1 accepts EPOLL_CLOEXEC', (t) => {
  const s = new Session();

  t.deepEqual(s.call('epollCreate1', T0, EPOLL_CLOEXEC).outcome, returned(3));
  t.is(s.epoll(3).refs, 1);
});

test('epoll_create1 aborts on any other flag and names it', (t) => {
  const k = initialKernel(1);

  for (const [flags, hex] of [
    [1, '0x1'],
    [EPOLL_CLOEXEC | 0x800, '0x80800'],
    [-1, '0xffffffff'],
  ] as const) {
    const step = sys.epollCreate1(k, T0, flags);
    t.deepEqual(
      step.outcome,
      unsupported(
        'epoll_create1',
        `epoll_create1: flag ${hex} is unsupported, only 0 or EPOLL_CLOEXEC are allowed`,
      ),
    );
    t.is(step.state, k);
    t.deepEqual(step.wakeups, []);
  }
});
