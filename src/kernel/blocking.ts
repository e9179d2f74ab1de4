import { as, type Context } from './context.js';
import type { ThreadId } from './ids.js';
import type { Outcome } from './result.js';
import type { BlockedOn } from './state.js';

/** Blocks the actor in a read or write, appending it to the description's blocked `list`. */
export function block(ctx: Context, list: ThreadId[], on: BlockedOn): Outcome {
  list.push(ctx.actor);
  const thread = ctx.k.threads[ctx.actor];
  if (thread !== undefined) thread.blocked = on;
  return { kind: 'blocked', on };
}

/**
 * Unblocks every thread in `list` in blocking order. Each retries its call at once, as itself,
 * inside the notifier's step (eventfd and socket callbacks run nested, as in the seed), and may
 * block again, joining the list anew.
 */
export function retryAll(ctx: Context, list: ThreadId[], retry: (on: BlockedOn) => Outcome): void {
  const waiting = list.splice(0, list.length);
  for (const t of waiting) {
    const thread = ctx.k.threads[t];
    const on = thread?.blocked;
    if (thread === undefined || on === null || on === undefined) continue;
    thread.blocked = null;
    const outcome = as(ctx, t, () => retry(on));
    if (outcome.kind === 'returned') {
      ctx.wakeups.push({ thread: t, reason: 'retry', result: outcome.result });
    }
  }
}
