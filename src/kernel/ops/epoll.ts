import { lookup, allocateFd, nextId, unsupported, type Context } from '../context.js';
import type { Errno } from '../errno.js';
import {
  EPOLL_CLOEXEC,
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLLERR,
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  EPOLLRDHUP,
  formatEvents,
} from '../flags.js';
import type { Fd } from '../ids.js';
import { compareKeys, removeKey } from '../keys.js';
import {
  dropEpollRef,
  returnReadyList,
  tableInsert,
  tableRemove,
  updateReadiness,
} from '../notify.js';
import { descriptionName, readiness } from '../readiness.js';
import type { Outcome } from '../result.js';

const SUPPORTED_EVENTS = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLHUP | EPOLLERR;

/** A returned value. */
export const ok = (ret: number): Outcome => ({ kind: 'returned', result: { ret } });

/** A returned error: -1 and the errno. */
export const fail = (errno: Errno): Outcome => ({ kind: 'returned', result: { ret: -1, errno } });

/** `epoll_create1(flags)`: flags must be 0 or `EPOLL_CLOEXEC`, anything else aborts. */
export function epollCreate1(ctx: Context, flags: number): Outcome {
  if (flags !== 0 && flags !== EPOLL_CLOEXEC) {
    unsupported(
      `epoll_create1: flag 0x${(flags >>> 0).toString(16)} is unsupported, ` +
        'only 0 or EPOLL_CLOEXEC are allowed',
    );
  }
  const id = nextId(ctx);
  ctx.k.descriptions.push({ kind: 'epoll', id, refs: 1, interests: [], ready: [], queue: [] });
  return ok(allocateFd(ctx, id));
}

/** `epoll_ctl(epfd, op, fd, {events, data})`, with the seed's checks in the seed's order. */
export function epollCtl(
  ctx: Context,
  epfd: Fd,
  op: number,
  fd: Fd,
  events: number,
  data: bigint,
): Outcome {
  if (epfd === fd) return fail('EFAULT');
  const epoll = lookup(ctx, epfd);
  if (epoll === undefined) return fail('EBADF');
  if (epoll.kind !== 'epoll') unsupported('non-epoll FD passed to `epoll_ctl`');
  const target = lookup(ctx, fd);
  if (target === undefined) return fail('EBADF');
  const key = { id: target.id, fd };

  if (op === EPOLL_CTL_DEL) {
    const index = epoll.interests.findIndex((i) => compareKeys(i.key, key) === 0);
    if (index === -1) return fail('ENOENT');
    epoll.interests.splice(index, 1);
    if (ctx.k.config.mutant !== 'del-keeps-ready-key') removeKey(epoll.ready, key);
    if (!epoll.interests.some((i) => i.key.id === key.id)) tableRemove(ctx, key.id, epoll.id);
    return ok(0);
  }
  if (op !== EPOLL_CTL_ADD && op !== EPOLL_CTL_MOD) {
    unsupported(`unsupported epoll_ctl operation: ${op}`);
  }

  const mask = events >>> 0;
  if ((mask & EPOLLET) === 0) unsupported('epoll_ctl: epollet flag must be included.');
  const unknown = (mask & ~(SUPPORTED_EVENTS | EPOLLET)) >>> 0;
  if (unknown !== 0) {
    unsupported(
      `epoll_ctl: encountered unknown unsupported flags 0x${unknown.toString(16)} ` +
        `(${formatEvents(unknown)})`,
    );
  }
  const relevant = (mask | EPOLLHUP | EPOLLERR) >>> 0;

  if (op === EPOLL_CTL_ADD) {
    if (!epoll.interests.some((i) => i.key.id === key.id)) tableInsert(ctx, key.id, epoll.id);
    if (epoll.interests.some((i) => compareKeys(i.key, key) === 0)) return fail('EEXIST');
    const at = epoll.interests.findIndex((i) => compareKeys(i.key, key) > 0);
    const interest = { key, relevant, active: 0, clock: [], edgeClock: [], data };
    epoll.interests.splice(at === -1 ? epoll.interests.length : at, 0, interest);
  } else {
    const interest = epoll.interests.find((i) => compareKeys(i.key, key) === 0);
    if (interest === undefined) return fail('ENOENT');
    interest.relevant = relevant;
    interest.data = data;
  }

  const active = readiness(ctx.k, target);
  if (active === null) {
    unsupported(`${descriptionName(target)}: epoll does not support this file description`);
  }
  const interest = epoll.interests.find((i) => compareKeys(i.key, key) === 0);
  if (interest !== undefined) {
    const wake = ctx.k.config.mutant !== 'ctl-skips-wakeup';
    updateReadiness(ctx, epoll, active, true, [interest], wake);
  }
  return ok(0);
}

/**
 * `epoll_wait(epfd, events, maxevents, timeout)`: returns at once when `timeout` is 0 or a key
 * is ready, else blocks; the blocked call holds a strong reference to the epoll.
 */
export function epollWait(ctx: Context, epfd: Fd, maxevents: number, timeout: number): Outcome {
  if (epfd <= 0 || maxevents <= 0) return fail('EINVAL');
  const epoll = lookup(ctx, epfd);
  if (epoll?.kind !== 'epoll') return fail('EBADF');

  if (timeout === 0 || epoll.ready.length > 0) {
    const events = returnReadyList(ctx, epoll, maxevents);
    return { kind: 'returned', result: { ret: events.length, events } };
  }
  if (timeout < -1) {
    unsupported(
      'epoll_wait: Only timeout values greater than or equal to -1 are supported.' +
        ` (got ${timeout})`,
    );
  }
  epoll.queue.push(ctx.actor);
  epoll.refs++;
  const on = { kind: 'epoll_wait', epoll: epoll.id, maxevents, timeout } as const;
  const thread = ctx.k.threads[ctx.actor];
  if (thread !== undefined) thread.blocked = on;
  return { kind: 'blocked', on };
}

/**
 * The deadline of thread `t`'s blocked `epoll_wait` passes: it leaves the wait queue and
 * returns 0. Its strong reference to the epoll is dropped, which frees an already closed epoll
 * without its `destroy`.
 */
export function epollTimeout(ctx: Context): Outcome {
  const thread = ctx.k.threads[ctx.actor];
  const on = thread?.blocked;
  if (thread === undefined || on?.kind !== 'epoll_wait') return ok(0);
  thread.blocked = null;
  const epoll = ctx.k.descriptions[on.epoll];
  if (epoll?.kind === 'epoll') epoll.queue = epoll.queue.filter((q) => q !== ctx.actor);
  dropEpollRef(ctx, on.epoll);
  return ok(0);
}
