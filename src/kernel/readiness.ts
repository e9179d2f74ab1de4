import { EPOLLERR, EPOLLHUP, EPOLLIN, EPOLLOUT, EPOLLRDHUP } from './flags.js';
import type { Description, KernelState } from './state.js';

/**
 * The events a description reports now, or null for a kind epoll cannot watch (epoll, stdio),
 * for which the seed aborts with "<name>: epoll does not support this file description".
 */
export function readiness(k: KernelState, d: Description): number | null {
  switch (d.kind) {
    case 'eventfd': {
      let events = 0;
      if (d.counter !== 0n) events |= EPOLLIN;
      if (d.counter !== k.config.eventfdLimit) events |= EPOLLOUT;
      return events;
    }
    case 'socket': {
      // A pipe write end has no read buffer and always reports EPOLLIN.
      let events = d.buffered === null || d.buffered > 0 ? EPOLLIN : 0;
      const peer = k.descriptions[d.peer];
      if (peer?.kind !== 'socket') {
        events |= EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLHUP;
        if (d.lostData) events |= EPOLLERR;
        return events;
      }
      // A pipe read end's peer has no buffer: writing is never what it waits for.
      if (peer.buffered === null || peer.buffered < k.config.socketCapacity) events |= EPOLLOUT;
      return events;
    }
    case 'epoll':
    case 'stdio':
      return null;
  }
}

/** The seed's name for a description kind, as it appears in its messages. */
export function descriptionName(d: Description): string {
  switch (d.kind) {
    case 'epoll':
      return 'epoll';
    case 'eventfd':
      return 'event';
    case 'socket':
      return d.flavour === 'socketpair' ? 'socketpair' : 'pipe';
    case 'stdio':
      return d.name;
  }
}
