import { activeMatchesReadiness } from './active-matches-readiness.js';
import { assertions } from './assertions.js';
import { causalDelivery } from './causal-delivery.js';
import { interestTableConsistent } from './interest-table-consistent.js';
import { noDataRace } from './no-data-race.js';
import { noDeadlock } from './no-deadlock.js';
import { noLostWakeup } from './no-lost-wakeup.js';
import type { Property } from './property.js';
import { readySetConsistent } from './ready-set-consistent.js';
import { wokenReceivesEvent } from './woken-receives-event.js';

export type { Property, PropertyContext } from './property.js';

/** The nine built-in invariants, in DESIGN.md's order; checked in this order at every step. */
export const PROPERTIES: readonly Property[] = [
  wokenReceivesEvent,
  activeMatchesReadiness,
  readySetConsistent,
  noLostWakeup,
  interestTableConsistent,
  causalDelivery,
  noDataRace,
  noDeadlock,
  assertions,
];

/** The property with this id, or undefined. */
export function propertyById(id: string): Property | undefined {
  return PROPERTIES.find((p) => p.id === id);
}
