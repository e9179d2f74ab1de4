/** Readable: `read(2)` will not block (end of file counts as readable). */
export const EPOLLIN = 0x001;
/** Urgent data; documented by Linux, refused by the seed. */
export const EPOLLPRI = 0x002;
/** Writable: `write(2)` will not block. */
export const EPOLLOUT = 0x004;
/** Error condition; always reported whether asked for or not. */
export const EPOLLERR = 0x008;
/** Hang up: the peer closed; always reported whether asked for or not. */
export const EPOLLHUP = 0x010;
/** The peer shut down its writing half or closed. */
export const EPOLLRDHUP = 0x2000;
/** Wake one waiter of several epolls; documented by Linux, refused by the seed. */
export const EPOLLEXCLUSIVE = 0x1000_0000;
/** Keep the system awake; documented by Linux, refused by the seed. */
export const EPOLLWAKEUP = 0x2000_0000;
/** Disable the interest after one event; documented by Linux, refused by the seed. */
export const EPOLLONESHOT = 0x4000_0000;
/** Edge-triggered delivery; the seed requires it on every interest. */
export const EPOLLET = 0x8000_0000;

/** `epoll_ctl` operation: register an fd. */
export const EPOLL_CTL_ADD = 1;
/** `epoll_ctl` operation: remove an fd's interest. */
export const EPOLL_CTL_DEL = 2;
/** `epoll_ctl` operation: change an interest's events and data. */
export const EPOLL_CTL_MOD = 3;

/** `epoll_create1` flag; accepted and without effect, since the model has no exec. */
export const EPOLL_CLOEXEC = 0x80000;

/** `eventfd`/`socket` flag: operations return EAGAIN instead of blocking. */
export const EFD_NONBLOCK = 0x800;
/** `eventfd` flag: accepted and ignored. */
export const EFD_CLOEXEC = 0x80000;
/** `eventfd` flag: semaphore reads; the seed refuses it. */
export const EFD_SEMAPHORE = 0x1;
/** `socketpair`/`pipe2` flag: the new fds do not block. */
export const SOCK_NONBLOCK = 0x800;
/** `socketpair`/`pipe2` flag: accepted and ignored. */
export const SOCK_CLOEXEC = 0x80000;
/** `pipe2` flag, equal to `SOCK_NONBLOCK`. */
export const O_NONBLOCK = 0x800;

const EVENT_NAMES: readonly (readonly [number, string])[] = [
  [EPOLLIN, 'EPOLLIN'],
  [EPOLLPRI, 'EPOLLPRI'],
  [EPOLLOUT, 'EPOLLOUT'],
  [EPOLLERR, 'EPOLLERR'],
  [EPOLLHUP, 'EPOLLHUP'],
  [EPOLLRDHUP, 'EPOLLRDHUP'],
  [EPOLLEXCLUSIVE, 'EPOLLEXCLUSIVE'],
  [EPOLLWAKEUP, 'EPOLLWAKEUP'],
  [EPOLLONESHOT, 'EPOLLONESHOT'],
  [EPOLLET, 'EPOLLET'],
];

/** Names the bits of an event mask, `EPOLLIN|EPOLLOUT`; unknown bits print in hex; 0 is `0`. */
export function formatEvents(mask: number): string {
  const names: string[] = [];
  let rest = mask >>> 0;
  for (const [bit, name] of EVENT_NAMES) {
    if ((rest & bit) !== 0) {
      names.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest !== 0) names.push(`0x${rest.toString(16)}`);
  return names.length === 0 ? '0' : names.join('|');
}

/** Parses `EPOLLIN|EPOLLET` back into a mask; returns undefined for an unknown name. */
export function parseEvents(text: string): number | undefined {
  let mask = 0;
  for (const part of text.split('|')) {
    const name = part.trim();
    const entry = EVENT_NAMES.find(([, n]) => n === name);
    if (entry !== undefined) mask = (mask | entry[0]) >>> 0;
    else if (/^(0x[0-9a-f]+|\d+)$/i.test(name)) mask = (mask | Number(name)) >>> 0;
    else return undefined;
  }
  return mask;
}
