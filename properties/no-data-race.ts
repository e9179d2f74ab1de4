import { threadName, type Property } from './property.js';

/** Invariant 7: no two accesses to a shared variable race. */
export const noDataRace: Property = {
  id: 'no-data-race',
  number: 7,
  scope: 'transition',
  statement: 'no data race on shared variables (happens-before through vector clocks)',
  why:
    'a store and another access to the same variable with no happens-before between them is ' +
    'undefined behaviour; the epoll events in between are what is supposed to order them',
  check({ model, transition }) {
    const race = transition.race;
    if (race === null) return null;
    return (
      `${threadName(model, transition.thread)}'s ${race.access} of '${race.variable}' races with ` +
      `${threadName(model, race.other)}'s earlier ${race.otherAccess}`
    );
  },
};
