import { threadName, type Property } from './property.js';

/** Invariant 1: a thread woken from `epoll_wait` with events ready receives at least one. */
export const wokenReceivesEvent: Property = {
  id: 'woken-receives-event',
  number: 1,
  scope: 'transition',
  statement: 'a thread woken from epoll_wait receives at least one event',
  why:
    'the seed asserts it ("we got woken up with no events to deliver"); a wakeup with nothing ' +
    'to take is a spurious return that an event loop would treat as a timeout',
  check({ model, transition }) {
    const { outcome } = transition;
    if (outcome.kind === 'panic' && outcome.code === 'woken-without-events') {
      return `the interpreter panicked: ${outcome.message}`;
    }
    const empty = transition.wakeups.find((w) => w.reason === 'ready' && w.result.ret <= 0);
    if (empty === undefined) return null;
    return `${threadName(model, empty.thread)} was woken from epoll_wait with no event to receive`;
  },
};
