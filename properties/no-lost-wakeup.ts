import { threadName, type Property } from './property.js';

/** Invariant 4: after a step, a non-empty wait queue means an empty ready set. */
export const noLostWakeup: Property = {
  id: 'no-lost-wakeup',
  number: 4,
  scope: 'state',
  statement: "while a wait queue is non-empty after a step, its epoll's ready set is empty",
  why:
    'a thread left waiting while events sit ready may sleep forever: the wakeup was lost ' +
    '(the seed holds it by running its wake loop after every readiness update)',
  check({ model, after }) {
    for (const epoll of after.kernel.descriptions) {
      if (epoll?.kind !== 'epoll') continue;
      const waiter = epoll.queue[0];
      const key = epoll.ready[0];
      if (waiter !== undefined && key !== undefined) {
        return (
          `${threadName(model, waiter)} waits on epoll ${epoll.id} while key ` +
          `(${key.id}, ${key.fd}) is ready`
        );
      }
    }
    return null;
  },
};
