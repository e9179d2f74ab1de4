import { current } from 'immer';
import { allocateFd, lookup, unsupported, type Context } from '../context.js';
import { O_NONBLOCK } from '../flags.js';
import type { Fd } from '../ids.js';
import { descriptionName } from '../readiness.js';
import type { Description } from '../state.js';
import { removeEpolls, tableRemove, updateActiveEvents } from '../notify.js';
import type { Outcome } from '../result.js';
import { fail, ok } from './epoll.js';
import { eventfdRead, eventfdWrite } from './eventfd.js';
import { socketRead, socketWrite } from './socket.js';

/** `read(fd, buf, len)`: dispatches on the description's kind. */
export function read(ctx: Context, fd: Fd, len: number): Outcome {
  const d = lookup(ctx, fd);
  if (d === undefined) return fail('EBADF');
  switch (d.kind) {
    case 'eventfd':
      return eventfdRead(ctx, d, len);
    case 'socket':
      return socketRead(ctx, d, len);
    case 'epoll':
    case 'stdio':
      return unsupported(
        `read: reading from ${d.kind === 'epoll' ? 'an epoll' : d.name} fd ${fd} is not modelled`,
      );
  }
}

/**
 * `write(fd, buf, len)`: an eventfd adds `value`; a socket end moves `len` bytes, or `short`
 * bytes when the search shortens the write.
 */
export function write(
  ctx: Context,
  fd: Fd,
  len: number,
  value: bigint,
  short: number | null,
): Outcome {
  const d = lookup(ctx, fd);
  if (d === undefined) return fail('EBADF');
  switch (d.kind) {
    case 'eventfd':
      return eventfdWrite(ctx, d, len, value);
    case 'socket':
      return socketWrite(ctx, d, len, short);
    case 'epoll':
    case 'stdio':
      return unsupported(
        `write: writing to ${d.kind === 'epoll' ? 'an epoll' : d.name} fd ${fd} is not modelled`,
      );
  }
}

/** `dup(fd)`: the lowest free fd number, sharing the description (and its description id). */
export function dup(ctx: Context, fd: Fd): Outcome {
  const d = lookup(ctx, fd);
  if (d === undefined) return fail('EBADF');
  d.refs++;
  return ok(allocateFd(ctx, d.id));
}

/**
 * `fcntl(fd, F_SETFL, flags)` on a socketpair or pipe end: sets or clears `O_NONBLOCK`; epoll is
 * not notified. Other kinds of description, and other flags, are refused.
 */
export function setFlags(ctx: Context, fd: Fd, flags: number): Outcome {
  const d = lookup(ctx, fd);
  if (d === undefined) return fail('EBADF');
  if (d.kind !== 'socket') {
    unsupported(`fcntl: F_SETFL is not supported for ${descriptionName(d)} fd ${fd}`);
  }
  // The access mode bits are ignored; any flag but O_NONBLOCK is refused.
  const others = flags & ~(O_NONBLOCK | O_ACCMODE);
  if (others !== 0) {
    unsupported(
      `fcntl: only O_NONBLOCK is supported for F_SETFL on socketpairs and pipes ` +
        `(got 0x${(others >>> 0).toString(16)})`,
    );
  }
  d.nonblocking = (flags & O_NONBLOCK) !== 0;
  return ok(0);
}

/** O_RDONLY, O_WRONLY and O_RDWR: the access mode part of the file status flags. */
const O_ACCMODE = 0o3;

/**
 * `close(fd)`: frees the fd number. Dropping the last reference forgets every interest in the
 * description (waking nobody) and destroys it; threads blocked on it are never woken.
 */
export function close(ctx: Context, fd: Fd): Outcome {
  const d = lookup(ctx, fd);
  if (d === undefined) return fail('EBADF');
  ctx.k.fds[fd] = null;
  trimFds(ctx);
  d.refs--;
  if (d.refs > 0) return ok(0);

  // The seed destroys a description only after its last strong reference is gone, so during
  // `destroy` the peer already sees it as closed.
  const gone = current(d);
  removeEpolls(ctx, gone.id);
  ctx.k.descriptions[gone.id] = null;
  destroy(ctx, gone);
  return ok(0);
}

function destroy(ctx: Context, d: Description): void {
  switch (d.kind) {
    case 'socket': {
      const peer = ctx.k.descriptions[d.peer];
      if (peer?.kind !== 'socket') return;
      if (d.buffered !== null && d.buffered > 0) peer.lostData = true;
      updateActiveEvents(ctx, peer.id, false);
      return;
    }
    case 'epoll': {
      for (const watched of new Set(d.interests.map((i) => i.key.id))) {
        tableRemove(ctx, watched, d.id);
      }
      return;
    }
    case 'eventfd':
    case 'stdio':
      return;
  }
}

/** Drops trailing free slots, so that equal fd tables have equal encodings. */
function trimFds(ctx: Context): void {
  const fds = ctx.k.fds;
  while (fds.length > 0 && fds[fds.length - 1] === null) fds.pop();
}
