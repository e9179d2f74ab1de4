import { leq } from '../src/kernel/index.js';
import { threadName, type Property } from './property.js';

/** Invariant 6: a receiver happens after the step that made the delivered event ready. */
export const causalDelivery: Property = {
  id: 'causal-delivery',
  number: 6,
  scope: 'transition',
  statement:
    "a thread that receives an event happens after the step that made that event's readiness true",
  why:
    'a program may read what the notifier wrote before it signalled; without this, the event ' +
    'carries no happens-before and Miri would report a data race where there is none, or miss one',
  check({ model, transition }) {
    const late = transition.deliveries.find((d) => !leq(d.edgeClock, d.clock));
    if (late === undefined) return null;
    return (
      `${threadName(model, late.thread)} received key (${late.key.id}, ${late.key.fd}) without ` +
      `happening after the step that made it ready (edge clock [${late.edgeClock.join(', ')}], ` +
      `receiver [${late.clock.join(', ')}])`
    );
  },
};
