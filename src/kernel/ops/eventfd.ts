import type { Draft } from 'immer';
import { block, retryAll } from '../blocking.js';
import { acquire, allocateFd, nextId, release, unsupported, type Context } from '../context.js';
import { EFD_CLOEXEC, EFD_NONBLOCK, EFD_SEMAPHORE } from '../flags.js';
import { updateActiveEvents } from '../notify.js';
import type { Outcome } from '../result.js';
import type { EventfdDescription } from '../state.js';
import { fail, ok } from './epoll.js';

const U64_MAX = (1n << 64n) - 1n;

/**
 * `eventfd(initval, flags)`: EFD_NONBLOCK is honoured, EFD_CLOEXEC ignored, EFD_SEMAPHORE
 * aborts.
 */
export function eventfdCreate(ctx: Context, initval: number, flags: number): Outcome {
  if ((flags & EFD_SEMAPHORE) !== 0) {
    unsupported('eventfd: encountered unsupported flags EFD_SEMAPHORE (0x1)');
  }
  const unknown = flags & ~(EFD_NONBLOCK | EFD_CLOEXEC | EFD_SEMAPHORE);
  if (unknown !== 0)
    unsupported(`eventfd: encountered unknown unsupported flags 0x${(unknown >>> 0).toString(16)}`);
  const id = nextId(ctx);
  ctx.k.descriptions.push({
    kind: 'eventfd',
    id,
    refs: 1,
    counter: BigInt(initval >>> 0),
    nonblocking: (flags & EFD_NONBLOCK) !== 0,
    clock: [],
    readers: [],
    writers: [],
  });
  return ok(allocateFd(ctx, id));
}

/** `read(fd, buf, len)` on an eventfd: takes the whole counter and resets it to 0. */
export function eventfdRead(ctx: Context, d: Draft<EventfdDescription>, len: number): Outcome {
  if (len < 8) return fail('EINVAL');
  if (d.counter === 0n) {
    if (d.nonblocking) return fail('EAGAIN');
    return block(ctx, d.readers, { kind: 'read', id: d.id, len });
  }
  acquire(ctx, d.clock);
  const value = d.counter;
  d.counter = 0n;
  retryAll(ctx, d.writers, (on) =>
    eventfdWrite(ctx, d, on.kind === 'write' ? on.len : 8, on.kind === 'write' ? on.value : 0n),
  );
  if (ctx.k.config.mutant !== 'eventfd-read-skips-update') updateActiveEvents(ctx, d.id, true);
  return { kind: 'returned', result: { ret: 8, value } };
}

/** `write(fd, &value, len)` on an eventfd: adds `value` to the counter, or blocks at the limit. */
export function eventfdWrite(
  ctx: Context,
  d: Draft<EventfdDescription>,
  len: number,
  value: bigint,
): Outcome {
  if (len !== 8) return fail('EINVAL');
  if (value === U64_MAX) return fail('EINVAL');
  if (d.counter + value > ctx.k.config.eventfdLimit) {
    if (d.nonblocking) return fail('EAGAIN');
    return block(ctx, d.writers, { kind: 'write', id: d.id, len, value });
  }
  release(ctx, d.clock);
  d.counter += value;
  retryAll(ctx, d.readers, (on) => eventfdRead(ctx, d, on.kind === 'read' ? on.len : 8));
  updateActiveEvents(ctx, d.id, true);
  return ok(8);
}
