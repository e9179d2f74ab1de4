import type { Property } from './property.js';

/** Invariant 3: the ready set holds only interest-list keys with non-zero active events. */
export const readySetConsistent: Property = {
  id: 'ready-set-consistent',
  number: 3,
  scope: 'state',
  statement: 'the ready set holds only keys in the interest list with non-zero active events',
  why:
    'delivery walks the ready set and looks each key up in the interest list; a stray key ' +
    'panics the seed ("non-existent event in ready set") or reports an event with no bits',
  check({ after, transition }) {
    const { outcome } = transition;
    if (outcome.kind === 'panic' && outcome.code === 'missing-ready-interest') {
      return `the interpreter panicked: ${outcome.message}`;
    }
    for (const epoll of after.kernel.descriptions) {
      if (epoll?.kind !== 'epoll') continue;
      for (const key of epoll.ready) {
        const interest = epoll.interests.find((i) => i.key.id === key.id && i.key.fd === key.fd);
        if (interest === undefined) {
          return (
            `epoll ${epoll.id} has key (${key.id}, ${key.fd}) ready but not in its interest ` +
            `list`
          );
        }
        if (interest.active === 0) {
          return `epoll ${epoll.id} has key (${key.id}, ${key.fd}) ready with no active events`;
        }
      }
    }
    return null;
  },
};
