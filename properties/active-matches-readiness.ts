import { readiness, formatEvents } from '../src/kernel/index.js';
import type { Property } from './property.js';

/** Invariant 2: every interest's active events equal its description's readiness, masked. */
export const activeMatchesReadiness: Property = {
  id: 'active-matches-readiness',
  number: 2,
  scope: 'state',
  statement:
    "every interest's active events equal its description's readiness masked by its relevant " +
    'events',
  why:
    'epoll_wait reports the active events; if they lag behind the readiness, a reader is told ' +
    'about data that is gone or never told about data that arrived (the seed debug-asserts it)',
  check({ after }) {
    const k = after.kernel;
    for (const epoll of k.descriptions) {
      if (epoll?.kind !== 'epoll') continue;
      for (const interest of epoll.interests) {
        const d = k.descriptions[interest.key.id];
        const events = d === null || d === undefined ? null : readiness(k, d);
        if (events === null) continue;
        const expected = (events & interest.relevant) >>> 0;
        if (interest.active !== expected) {
          return (
            `epoll ${epoll.id} interest (${interest.key.id}, ${interest.key.fd}) has active ` +
            `${formatEvents(interest.active)} but its description reports ${formatEvents(expected)}`
          );
        }
      }
    }
    return null;
  },
};
