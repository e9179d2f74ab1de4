import type { Property } from './property.js';

/** Invariant 5: the global interest table matches the interest lists exactly. */
export const interestTableConsistent: Property = {
  id: 'interest-table-consistent',
  number: 5,
  scope: 'state',
  statement:
    'the global interest table matches the interest lists exactly (no stale or dangling entries)',
  why:
    'readiness changes reach epolls only through the table: a missing row loses events, and a ' +
    'row naming a freed epoll panics the seed on the next update ("someone forgot to remove ' +
    'the garbage")',
  check({ after, transition }) {
    const { outcome } = transition;
    if (outcome.kind === 'panic' && outcome.code === 'stale-interest-table') {
      return `the interpreter panicked: ${outcome.message}`;
    }
    const k = after.kernel;
    for (const row of k.interestTable) {
      for (const e of row.epolls) {
        const epoll = k.descriptions[e];
        if (epoll?.kind !== 'epoll') {
          return (
            `the interest table lists epoll ${e} for description ${row.watched}, but that ` +
            `epoll was freed`
          );
        }
        if (!epoll.interests.some((i) => i.key.id === row.watched)) {
          return (
            `the interest table lists epoll ${e} for description ${row.watched}, which it ` +
            `does not watch`
          );
        }
      }
    }
    for (const epoll of k.descriptions) {
      if (epoll?.kind !== 'epoll') continue;
      for (const interest of epoll.interests) {
        const row = k.interestTable.find((r) => r.watched === interest.key.id);
        if (row?.epolls.includes(epoll.id) !== true) {
          return (
            `epoll ${epoll.id} watches description ${interest.key.id} but the interest ` +
            `table does not list it`
          );
        }
      }
    }
    return null;
  },
};
