import { threadName, type Property } from './property.js';

/** Invariant 8: the program never ends with a thread stuck that should have finished. */
export const noDeadlock: Property = {
  id: 'no-deadlock',
  number: 8,
  scope: 'state',
  statement:
    'no deadlock: not every unfinished thread blocked with nothing that can wake it ' +
    '(threads declared free to end blocked do not count)',
  why:
    'Miri reports "the evaluated program deadlocked"; in an event loop it is a lost wakeup ' +
    'that nothing will ever repair',
  check({ model, after, terminal }) {
    if (terminal === null || terminal.stuck.length === 0) return null;
    const names = terminal.stuck.map((t) => {
      const status = after.threads[t]?.status === 'blocked' ? 'blocked' : 'waiting to join';
      return `${threadName(model, t)} (${status})`;
    });
    return `deadlock: no thread can move and ${names.join(', ')} never finished`;
  },
};
