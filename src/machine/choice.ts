import type { ThreadId } from '../kernel/index.js';

/**
 * What the scheduler picks at a state: a thread takes its next step (a socket write possibly
 * cut to `short` bytes), or a blocked thread's `epoll_wait` times out.
 */
export type Choice =
  | { readonly kind: 'step'; readonly thread: ThreadId; readonly short?: number }
  | { readonly kind: 'timeout'; readonly thread: ThreadId };
