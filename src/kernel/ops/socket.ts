import type { Draft } from 'immer';
import { block, retryAll } from '../blocking.js';
import { acquire, allocateFd, nextId, release, unsupported, type Context } from '../context.js';
import { SOCK_CLOEXEC, SOCK_NONBLOCK } from '../flags.js';
import type { DescriptionId, Fd } from '../ids.js';
import { updateActiveEvents } from '../notify.js';
import type { Outcome } from '../result.js';
import type { SocketDescription, SocketFlavour } from '../state.js';
import { fail, ok } from './epoll.js';

function createEnd(
  ctx: Context,
  flavour: SocketFlavour,
  peer: DescriptionId,
  nonblocking: boolean,
): Fd {
  const id = nextId(ctx);
  ctx.k.descriptions.push({
    kind: 'socket',
    id,
    refs: 1,
    flavour,
    peer,
    buffered: flavour === 'pipe-write' ? null : 0,
    clock: [],
    lostData: false,
    nonblocking,
    readers: [],
    writers: [],
  });
  return allocateFd(ctx, id);
}

function createPair(ctx: Context, flags: number, pipe: boolean, call: string): Outcome {
  const unknown = flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (unknown !== 0) unsupported(`${call}: unsupported flags 0x${(unknown >>> 0).toString(16)}`);
  const nonblocking = (flags & SOCK_NONBLOCK) !== 0;
  const first = nextId(ctx);
  const second = (first + 1) as DescriptionId;
  const a = createEnd(ctx, pipe ? 'pipe-read' : 'socketpair', second, nonblocking);
  const b = createEnd(ctx, pipe ? 'pipe-write' : 'socketpair', first, nonblocking);
  return { kind: 'returned', result: { ret: 0, fds: [a, b] } };
}

/**
 * `socketpair(AF_UNIX, SOCK_STREAM | flags, 0, fds)`: `fds[0]` is created first, so it has the
 * smaller description id.
 */
export function socketpair(ctx: Context, flags: number): Outcome {
  return createPair(ctx, flags, false, 'socketpair');
}

/** `pipe2(fds, flags)`: the read end `fds[0]` first, then the write end, which has no buffer. */
export function pipe(ctx: Context, flags: number): Outcome {
  return createPair(ctx, flags, true, 'pipe2');
}

function peerOf(ctx: Context, s: Draft<SocketDescription>): Draft<SocketDescription> | undefined {
  const peer = ctx.k.descriptions[s.peer];
  return peer?.kind === 'socket' ? peer : undefined;
}

/**
 * `write(fd, buf, len)` on a socket end: moves `min(len, space)` bytes, or `short` bytes when a
 * search chose to shorten it, into the peer's read buffer.
 */
export function socketWrite(
  ctx: Context,
  s: Draft<SocketDescription>,
  len: number,
  short: number | null,
): Outcome {
  if (len === 0) return ok(0);
  const peer = peerOf(ctx, s);
  if (peer === undefined) return fail('EPIPE');
  if (peer.buffered === null) return fail('EBADF');
  const space = ctx.k.config.socketCapacity - peer.buffered;
  if (space === 0) {
    if (s.nonblocking) return fail('EAGAIN');
    return block(ctx, s.writers, { kind: 'write', id: s.id, len, value: 0n });
  }
  release(ctx, peer.clock);
  const full = Math.min(len, space);
  const written = short !== null && short >= 1 && short < full ? short : full;
  peer.buffered += written;
  retryAll(ctx, peer.readers, (on) => socketRead(ctx, peer, on.kind === 'read' ? on.len : 0));
  updateActiveEvents(ctx, s.id, false);
  updateActiveEvents(ctx, peer.id, true);
  return ok(written);
}

/** `read(fd, buf, len)` on a socket end: takes up to `len` buffered bytes; 0 at end of file. */
export function socketRead(ctx: Context, s: Draft<SocketDescription>, len: number): Outcome {
  if (len === 0) return ok(0);
  if (s.buffered === null) unsupported('reading from the write end of a pipe');
  const peer = peerOf(ctx, s);
  if (s.buffered === 0) {
    if (peer === undefined) return ok(0);
    if (s.nonblocking) return fail('EAGAIN');
    return block(ctx, s.readers, { kind: 'read', id: s.id, len });
  }
  acquire(ctx, s.clock);
  const read = Math.min(len, s.buffered);
  s.buffered -= read;
  // Whether this read emptied the buffer is decided before the retried writers refill it.
  const emptied = s.buffered === 0;
  if (peer !== undefined) {
    retryAll(ctx, peer.writers, (on) =>
      socketWrite(ctx, peer, on.kind === 'write' ? on.len : 0, null),
    );
    updateActiveEvents(ctx, peer.id, emptied);
  }
  updateActiveEvents(ctx, s.id, false);
  return ok(read);
}
