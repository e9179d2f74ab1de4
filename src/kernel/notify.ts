import type { Draft } from 'immer';
import { acquire, actorClock, as, panic, release, type Context } from './context.js';
import type { DescriptionId } from './ids.js';
import { compareKeys, insertKey, removeKey } from './keys.js';
import { formatEvents } from './flags.js';
import { readiness } from './readiness.js';
import type { DeliveredEvent } from './result.js';
import type { EpollDescription, Interest } from './state.js';

/**
 * The seed's `update_readiness`: recompute the active events of `interests` (all in `epoll`)
 * from the description's readiness `active`, mark edges, then wake waiters while ready keys
 * remain. An edge is a new bit, or any non-zero readiness when `force` is set.
 */
export function updateReadiness(
  ctx: Context,
  epoll: Draft<EpollDescription>,
  active: number,
  force: boolean,
  interests: readonly Draft<Interest>[],
  wake = true,
): void {
  for (const interest of interests) {
    const next = (interest.relevant & active) >>> 0;
    const previous = interest.active;
    interest.active = next;
    if (next === 0) {
      removeKey(epoll.ready, interest.key);
    } else if (force || (next & ~previous) !== 0) {
      insertKey(epoll.ready, interest.key);
      interest.edgeClock = [...actorClock(ctx)];
      if (ctx.k.config.mutant !== 'edge-skips-release') release(ctx, interest.clock);
    }
  }
  if (wake) wakeWaiters(ctx, epoll);
}

/**
 * Hands ready keys to blocked waiters, first in first out. Each woken thread collects its events
 * here, inside the notifier's step, as the seed runs the unblock callback synchronously.
 */
function wakeWaiters(ctx: Context, epoll: Draft<EpollDescription>): void {
  const wakeAll = ctx.k.config.mutant === 'wake-all-waiters';
  while ((epoll.ready.length > 0 || wakeAll) && epoll.queue.length > 0) {
    const t = epoll.queue.shift();
    const thread = t === undefined ? undefined : ctx.k.threads[t];
    if (t === undefined || thread?.blocked?.kind !== 'epoll_wait') continue;
    const { maxevents } = thread.blocked;
    thread.blocked = null;
    const events = as(ctx, t, () => returnReadyList(ctx, epoll, maxevents));
    if (events.length === 0)
      panic('woken-without-events', 'we got woken up with no events to deliver');
    ctx.wakeups.push({ thread: t, reason: 'ready', result: { ret: events.length, events } });
    dropEpollRef(ctx, epoll.id);
  }
}

/**
 * The seed's `return_ready_list`: up to `maxevents` ready keys, smallest first; each delivery
 * writes the current active events and data, acquires the interest's clock and removes the key.
 */
export function returnReadyList(
  ctx: Context,
  epoll: Draft<EpollDescription>,
  maxevents: number,
): DeliveredEvent[] {
  if (ctx.k.config.debugAssertions) assertActiveEvents(ctx, epoll);
  const delivered: DeliveredEvent[] = [];
  while (delivered.length < maxevents) {
    const key = epoll.ready[0];
    if (key === undefined) break;
    const interest = epoll.interests.find((i) => compareKeys(i.key, key) === 0);
    if (interest === undefined) panic('missing-ready-interest', 'non-existent event in ready set');
    delivered.push({ events: interest.active, data: interest.data });
    acquire(ctx, interest.clock);
    ctx.deliveries.push({
      thread: ctx.actor,
      key: { id: key.id, fd: key.fd },
      edgeClock: [...interest.edgeClock],
      clock: [...actorClock(ctx)],
    });
    epoll.ready.shift();
  }
  return delivered;
}

/**
 * The seed's debug-build check at the top of `return_ready_list`: every interest's active
 * events must equal its description's readiness, masked. It can fail in the middle of a step:
 * a socket read updates the peer (which may wake a waiter, who delivers here) before it updates
 * the reading end itself.
 */
function assertActiveEvents(ctx: Context, epoll: Draft<EpollDescription>): void {
  for (const interest of epoll.interests) {
    const d = ctx.k.descriptions[interest.key.id];
    const events = d === null || d === undefined ? null : readiness(ctx.k, d);
    if (events === null) continue;
    const expected = (events & interest.relevant) >>> 0;
    if (interest.active !== expected) {
      panic(
        'active-mismatch',
        `assertion \`left == right\` failed: interest (${interest.key.id}, ${interest.key.fd}) ` +
          `has active events ${formatEvents(interest.active)}, its description reports ` +
          formatEvents(expected),
      );
    }
  }
}

/**
 * The seed's `update_epoll_active_events`: push description `id`'s readiness to every epoll
 * watching it, in epoll id order. A table entry whose epoll is gone panics the interpreter, as
 * the seed's `.expect` does.
 */
export function updateActiveEvents(ctx: Context, id: DescriptionId, force: boolean): void {
  const row = ctx.k.interestTable.find((r) => r.watched === id);
  if (row === undefined) return;
  const epolls = row.epolls.map((e) => {
    const epoll = ctx.k.descriptions[e];
    if (epoll?.kind !== 'epoll') {
      panic(
        'stale-interest-table',
        'someone forgot to remove the garbage from `machine.epoll_interests`',
      );
    }
    return epoll;
  });
  const watched = ctx.k.descriptions[id];
  const active = watched === null || watched === undefined ? null : readiness(ctx.k, watched);
  if (active === null) return;

  // The seed holds a strong reference to each epoll for the whole update, so an epoll whose last
  // waiter leaves during it is freed only at the end.
  for (const epoll of epolls) ctx.pins.set(epoll.id, (ctx.pins.get(epoll.id) ?? 0) + 1);
  for (const epoll of epolls) {
    const interests = epoll.interests.filter((i) => i.key.id === id);
    updateReadiness(ctx, epoll, active, force, interests);
  }
  for (const epoll of epolls) unpin(ctx, epoll.id);
}

/** Releases a temporary reference; the last reference of any kind frees the epoll. */
function unpin(ctx: Context, id: DescriptionId): void {
  const pins = (ctx.pins.get(id) ?? 1) - 1;
  if (pins > 0) ctx.pins.set(id, pins);
  else ctx.pins.delete(id);
  const epoll = ctx.k.descriptions[id];
  if (pins === 0 && epoll?.kind === 'epoll' && epoll.refs === 0) ctx.k.descriptions[id] = null;
}

/**
 * Drops one strong reference to an epoll. The last one, when dropped anywhere but `close`, frees
 * the epoll without running its `destroy`, so its rows in the global interest table stay behind:
 * the seed's latent hazard, modelled as it is.
 */
export function dropEpollRef(ctx: Context, id: DescriptionId): void {
  const epoll = ctx.k.descriptions[id];
  if (epoll?.kind !== 'epoll') return;
  epoll.refs--;
  if (epoll.refs === 0 && !ctx.pins.has(id)) ctx.k.descriptions[id] = null;
}

/** Adds `epoll` to the global interest table row of `watched`. */
export function tableInsert(ctx: Context, watched: DescriptionId, epoll: DescriptionId): void {
  const table = ctx.k.interestTable;
  let row = table.find((r) => r.watched === watched);
  if (row === undefined) {
    row = { watched, epolls: [] };
    const at = table.findIndex((r) => r.watched > watched);
    table.splice(at === -1 ? table.length : at, 0, row);
  }
  const at = row.epolls.findIndex((e) => e > epoll);
  row.epolls.splice(at === -1 ? row.epolls.length : at, 0, epoll);
}

/** Removes `epoll` from the row of `watched`, dropping the row once it is empty. */
export function tableRemove(ctx: Context, watched: DescriptionId, epoll: DescriptionId): void {
  const table = ctx.k.interestTable;
  const index = table.findIndex((r) => r.watched === watched);
  const row = table[index];
  if (row === undefined) return;
  row.epolls = row.epolls.filter((e) => e !== epoll);
  if (row.epolls.length === 0) table.splice(index, 1);
}

/** The seed's `remove_epolls`: on last close, forget every interest in `id`, waking nobody. */
export function removeEpolls(ctx: Context, id: DescriptionId): void {
  const table = ctx.k.interestTable;
  const index = table.findIndex((r) => r.watched === id);
  const row = table[index];
  if (row === undefined) return;
  table.splice(index, 1);
  for (const e of row.epolls) {
    const epoll = ctx.k.descriptions[e];
    if (epoll?.kind !== 'epoll') continue;
    epoll.interests = epoll.interests.filter((i) => i.key.id !== id);
    epoll.ready = epoll.ready.filter((key) => key.id !== id);
  }
}
