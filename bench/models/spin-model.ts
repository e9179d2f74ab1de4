import {
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  EPOLLOUT,
  has,
  model,
  pick,
  type Model,
  type Ref,
} from '../../src/index.js';

/** The sizes of one benchmark model, named as in the SPIN comparison table. */
export interface SpinShape {
  /** Waiter threads. */
  readonly waiters: number;
  /** Writer threads. */
  readonly writers: number;
  /** Writes each writer makes. */
  readonly writes: number;
  /** Non-blocking eventfds, registered by main during the setup. */
  readonly eventfds: number;
  readonly maxevents: number;
  /** Each waiter's `epoll_wait` timeout in milliseconds; -1 never fires. */
  readonly timeout: number;
  /** How many times each waiter waits and then reads what it was told about. */
  readonly rounds: number;
  /** Registers with `EPOLLIN|EPOLLOUT|EPOLLET` and has main MOD eventfd 0, then DEL eventfd 1. */
  readonly ctlAfterStart: boolean;
}

/**
 * Builds one of the models SPIN was measured on. Writer p's write n goes to eventfd
 * (p + n) mod eventfds; a waiter reads each eventfd it received with EPOLLIN once, ignoring
 * EAGAIN. Waiters may end blocked, as SPIN's run accepts for a server waiting for more work.
 */
export function spinModel(name: string, description: string, shape: SpinShape): Model {
  return model(name, (m) => {
    m.describe(description);
    m.configure({ eventfdLimit: 2n });
    const efds: Ref[] = [];
    for (let i = 0; i < shape.eventfds; i++)
      efds.push(m.eventfd(0, EFD_NONBLOCK, { as: `efd${i}` }));
    const ep = m.epollCreate1(0, { as: 'ep' });
    const mask = shape.ctlAfterStart ? EPOLLIN | EPOLLOUT | EPOLLET : EPOLLIN | EPOLLET;
    efds.forEach((efd, i) => m.epollCtl(ep, 'ADD', efd, mask, BigInt(i)));

    for (let w = 0; w < shape.waiters; w++) {
      m.thread(
        `waiter-${w}`,
        (t) => {
          for (let round = 0; round < shape.rounds; round++) {
            const n = t.epollWait(ep, shape.maxevents, shape.timeout);
            t.forEachEvent('events', n, shape.maxevents, (ev) => {
              t.if(has(ev.events, EPOLLIN), () => {
                t.read(pick(ev.data, efds));
              });
            });
          }
        },
        { mayEndBlocked: true },
      );
    }
    for (let p = 0; p < shape.writers; p++) {
      m.thread(`writer-${p}`, (t) => {
        for (let n = 0; n < shape.writes; n++) {
          const efd = efds[(p + n) % shape.eventfds];
          if (efd !== undefined) t.write(efd, 1n);
        }
      });
    }
    const [first, second] = efds;
    if (shape.ctlAfterStart && first !== undefined && second !== undefined) {
      m.main((t) => {
        t.epollCtl(ep, 'MOD', first, mask, 0n);
        t.epollCtl(ep, 'DEL', second);
      });
    }
    m.expect({ verdict: 'pass' });
  });
}
