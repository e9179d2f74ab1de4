import fc from 'fast-check';
import {
  EFD_NONBLOCK,
  EPOLL_CLOEXEC,
  EPOLLERR,
  EPOLLET,
  EPOLLEXCLUSIVE,
  EPOLLHUP,
  EPOLLIN,
  EPOLLONESHOT,
  EPOLLOUT,
  EPOLLPRI,
  EPOLLRDHUP,
  EVENTFD_LIMIT,
  fd,
  SOCK_CLOEXEC,
  sys,
  threadId,
  type KernelConfig,
  type KernelState,
  type KernelStep,
} from '../../src/kernel/index.js';
import { U64_MAX } from './helpers.js';

/** One kernel operation as data, so that fast-check can print and shrink it. */
export type Op =
  | {
      readonly call: 'epollCreate1' | 'socketpair' | 'pipe';
      readonly t: number;
      readonly flags: number;
    }
  | {
      readonly call: 'eventfd';
      readonly t: number;
      readonly initval: number;
      readonly flags: number;
    }
  | {
      readonly call: 'epollCtl';
      readonly t: number;
      readonly epfd: number;
      readonly op: number;
      readonly target: number;
      readonly events: number;
      readonly data: bigint;
    }
  | {
      readonly call: 'epollWait';
      readonly t: number;
      readonly epfd: number;
      readonly maxevents: number;
      readonly timeout: number;
    }
  | { readonly call: 'read'; readonly t: number; readonly target: number; readonly len: number }
  | {
      readonly call: 'write';
      readonly t: number;
      readonly target: number;
      readonly len: number;
      readonly value: bigint;
      readonly short: number | null;
    }
  | { readonly call: 'dup' | 'close'; readonly t: number; readonly target: number }
  | {
      readonly call: 'setFlags';
      readonly t: number;
      readonly target: number;
      readonly flags: number;
    }
  | { readonly call: 'timeout'; readonly t: number };

/** Fd numbers: mostly ones a small run opens, sometimes stdio, negative or never opened. */
const fdNumber = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 3, max: 9 }) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 20 }) },
);

/** Epoll fds: the setup puts its epolls at 3 and 4. */
const epollNumber = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(3, 4) },
  { weight: 1, arbitrary: fdNumber },
);

/** Targets of epoll_ctl, read and write: mostly the objects the setup creates after its epolls. */
const targetNumber = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 5, max: 10 }) },
  { weight: 1, arbitrary: fdNumber },
);

const eventBits = [
  EPOLLIN,
  EPOLLOUT,
  EPOLLRDHUP,
  EPOLLHUP,
  EPOLLERR,
  EPOLLET,
  EPOLLPRI,
  EPOLLONESHOT,
  EPOLLEXCLUSIVE,
];

const events = fc
  .oneof(
    { weight: 8, arbitrary: fc.constantFrom(EPOLLIN, EPOLLOUT, EPOLLIN | EPOLLOUT, EPOLLRDHUP) },
    { weight: 2, arbitrary: fc.subarray(eventBits) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffffffff }) },
  )
  .map((chosen) => {
    if (typeof chosen !== 'number') return chosen.reduce((mask, bit) => (mask | bit) >>> 0, 0);
    return chosen === 0 || chosen > 0xffff ? chosen : (chosen | EPOLLET) >>> 0;
  });

const creationFlags = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(0, EFD_NONBLOCK, EFD_NONBLOCK | SOCK_CLOEXEC, EPOLL_CLOEXEC),
  },
  { weight: 1, arbitrary: fc.integer() },
);

const u64 = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 4n }) },
  { weight: 1, arbitrary: fc.constantFrom(U64_MAX, U64_MAX - 1n, U64_MAX - 2n, 1n << 63n) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }) },
);

const length = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 1, 3, 8, 16) },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 20 }) },
);

/** Operations for threads `0 .. threads - 1`. */
export function opArbitrary(threads: number): fc.Arbitrary<Op> {
  const t = fc.integer({ min: 0, max: threads - 1 });
  return fc.oneof(
    fc.record({
      call: fc.constantFrom('epollCreate1', 'socketpair', 'pipe'),
      t,
      flags: creationFlags,
    }),
    fc.record({ call: fc.constant('eventfd'), t, initval: fc.nat(3), flags: creationFlags }),
    {
      weight: 4,
      arbitrary: fc.record({
        call: fc.constant('epollCtl'),
        t,
        epfd: epollNumber,
        op: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(1, 1, 1, 2, 3) },
          fc.integer({ min: -1, max: 5 }),
        ),
        target: targetNumber,
        events,
        data: u64,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        call: fc.constant('epollWait'),
        t,
        epfd: epollNumber,
        maxevents: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
          fc.constantFrom(-1, 0),
        ),
        timeout: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(-1, 0, 0, 5) }, fc.constant(-2)),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ call: fc.constant('read'), t, target: targetNumber, len: length }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        call: fc.constant('write'),
        t,
        target: targetNumber,
        len: length,
        value: u64,
        short: fc.option(fc.integer({ min: -1, max: 8 })),
      }),
    },
    fc.record({ call: fc.constantFrom('dup', 'close'), t, target: fdNumber }),
    fc.record({ call: fc.constant('setFlags'), t, target: fdNumber, flags: creationFlags }),
    fc.record({ call: fc.constant('timeout'), t }),
  );
}

/**
 * The objects a run starts with, created by thread 0 with valid flags: two epolls first (at fds
 * 3 and 4, where the operations look for them), then eventfds, socketpairs and pipes, blocking or
 * not.
 */
const setupArbitrary: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.constant(2),
    fc.array(
      fc.oneof(
        fc.record({
          call: fc.constant('eventfd'),
          initval: fc.nat(2),
          flags: fc.constantFrom(0, EFD_NONBLOCK),
        }),
        fc.record({
          call: fc.constantFrom('socketpair', 'pipe'),
          flags: fc.constantFrom(0, EFD_NONBLOCK),
        }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([epolls, objects]) => [
    ...Array.from({ length: epolls }, (): Op => ({ call: 'epollCreate1', t: 0, flags: 0 })),
    ...objects.map((o): Op => ({ ...o, t: 0 })),
  ]);

/** A setup followed by up to `maxOps` random operations of threads `0 .. threads - 1`. */
export function runArbitrary(threads: number, maxOps: number): fc.Arbitrary<Op[]> {
  return fc
    .tuple(
      setupArbitrary,
      fc.array(opArbitrary(threads), { minLength: maxOps / 2, maxLength: maxOps }),
    )
    .map(([setup, ops]) => [...setup, ...ops]);
}

/** Small configurations, so that full buffers and the eventfd limit are reached. */
export const configArbitrary: fc.Arbitrary<Partial<KernelConfig>> = fc.record({
  socketCapacity: fc.integer({ min: 1, max: 6 }),
  eventfdLimit: fc.constantFrom(EVENTFD_LIMIT, 3n),
});

/** Runs `op` on `k`; null for a timeout of a thread that has no deadline. */
export function apply(k: KernelState, op: Op): KernelStep | null {
  const t = threadId(op.t);
  switch (op.call) {
    case 'epollCreate1':
      return sys.epollCreate1(k, t, op.flags);
    case 'socketpair':
      return sys.socketpair(k, t, op.flags);
    case 'pipe':
      return sys.pipe(k, t, op.flags);
    case 'eventfd':
      return sys.eventfd(k, t, op.initval, op.flags);
    case 'epollCtl':
      return sys.epollCtl(k, t, fd(op.epfd), op.op, fd(op.target), op.events, op.data);
    case 'epollWait':
      return sys.epollWait(k, t, fd(op.epfd), op.maxevents, op.timeout);
    case 'read':
      return sys.read(k, t, fd(op.target), op.len);
    case 'write':
      return sys.write(k, t, fd(op.target), op.len, op.value, op.short);
    case 'dup':
      return sys.dup(k, t, fd(op.target));
    case 'close':
      return sys.close(k, t, fd(op.target));
    case 'setFlags':
      return sys.setFlags(k, t, fd(op.target), op.flags);
    case 'timeout':
      return sys.timeout(k, t);
  }
}
