import {
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  formatEvents,
  sys,
  type Fd,
  type KernelState,
  type KernelStep,
  type ThreadId,
} from '../kernel/index.js';
import { evaluate, numeric, type Scope } from '../program/evaluate.js';
import type { Expr } from '../program/expr.js';
import type { SyscallInstruction } from '../program/instruction.js';

/** A system call ready to run: the kernel step it makes and how it reads in a trace. */
export interface PreparedCall {
  readonly text: string;
  readonly run: (k: KernelState) => KernelStep;
}

const CTL_NAMES: Record<number, string> = {
  [EPOLL_CTL_ADD]: 'EPOLL_CTL_ADD',
  [EPOLL_CTL_DEL]: 'EPOLL_CTL_DEL',
  [EPOLL_CTL_MOD]: 'EPOLL_CTL_MOD',
};

const asFd = (v: number | bigint): Fd => Number(v) as Fd;

/**
 * Evaluates a system call instruction's operands and binds it to the kernel call it makes;
 * `short` cuts a socket write. Throws `EvaluationError` for an operand the model cannot supply.
 */
export function prepareCall(
  i: SyscallInstruction,
  scope: Scope,
  t: ThreadId,
  short: number | null,
  kernel: KernelState,
): PreparedCall {
  const fdOf = (e: Expr) => asFd(numeric(evaluate(e, scope)));
  switch (i.op) {
    case 'epoll_create1':
      return {
        text: `epoll_create1(${i.flags})`,
        run: (k) => sys.epollCreate1(k, t, i.flags),
      };
    case 'epoll_ctl': {
      const epfd = fdOf(i.epfd);
      const target = fdOf(i.fd);
      const data = BigInt(numeric(evaluate(i.data, scope)));
      const op = CTL_NAMES[i.ctl] ?? String(i.ctl);
      const tail = i.ctl === EPOLL_CTL_DEL ? 'NULL' : `{${formatEvents(i.events)}, data ${data}}`;
      return {
        text: `epoll_ctl(${epfd}, ${op}, ${target}, ${tail})`,
        run: (k) => sys.epollCtl(k, t, epfd, i.ctl, target, i.events, data),
      };
    }
    case 'epoll_wait': {
      const epfd = fdOf(i.epfd);
      return {
        text: `epoll_wait(${epfd}, ${i.maxevents}, ${i.timeout})`,
        run: (k) => sys.epollWait(k, t, epfd, i.maxevents, i.timeout),
      };
    }
    case 'eventfd':
      return {
        text: `eventfd(${i.initval}, ${i.flags})`,
        run: (k) => sys.eventfd(k, t, i.initval, i.flags),
      };
    case 'socketpair':
      return { text: `socketpair(${i.flags})`, run: (k) => sys.socketpair(k, t, i.flags) };
    case 'pipe':
      return { text: `pipe2(${i.flags})`, run: (k) => sys.pipe(k, t, i.flags) };
    case 'read': {
      const target = fdOf(i.fd);
      return { text: `read(${target}, ${i.len})`, run: (k) => sys.read(k, t, target, i.len) };
    }
    case 'write': {
      const target = fdOf(i.fd);
      const value = BigInt(numeric(evaluate(i.value, scope)));
      const cut = short === null ? '' : `, cut to ${short}`;
      const id = kernel.fds[target];
      const eventfd =
        id !== null && id !== undefined && kernel.descriptions[id]?.kind === 'eventfd';
      return {
        text: eventfd ? `write(${target}, ${value})` : `write(${target}, ${i.len} bytes${cut})`,
        run: (k) => sys.write(k, t, target, i.len, value, short),
      };
    }
    case 'dup': {
      const target = fdOf(i.fd);
      return { text: `dup(${target})`, run: (k) => sys.dup(k, t, target) };
    }
    case 'close': {
      const target = fdOf(i.fd);
      return { text: `close(${target})`, run: (k) => sys.close(k, t, target) };
    }
    case 'fcntl_setfl': {
      const target = fdOf(i.fd);
      return {
        text: `fcntl(${target}, F_SETFL, ${i.flags})`,
        run: (k) => sys.setFlags(k, t, target, i.flags),
      };
    }
  }
}
