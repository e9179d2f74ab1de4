import {
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  formatEvents,
  calls,
  type Fd,
  type KernelState,
  type KernelCall,
} from '../kernel/index.js';
import { evaluate, numeric, type Scope } from '../program/evaluate.js';
import type { Expr } from '../program/expr.js';
import type { SyscallInstruction } from '../program/instruction.js';

/** A system call ready to run: the kernel call it makes and how it reads in a trace. */
export interface PreparedCall {
  readonly text: string;
  readonly call: KernelCall;
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
  short: number | null,
  kernel: KernelState,
): PreparedCall {
  const fdOf = (e: Expr) => asFd(numeric(evaluate(e, scope)));
  switch (i.op) {
    case 'epoll_create1':
      return {
        text: `epoll_create1(${i.flags})`,
        call: calls.epollCreate1(i.flags),
      };
    case 'epoll_ctl': {
      const epfd = fdOf(i.epfd);
      const target = fdOf(i.fd);
      const data = BigInt(numeric(evaluate(i.data, scope)));
      const op = CTL_NAMES[i.ctl] ?? String(i.ctl);
      const tail = i.ctl === EPOLL_CTL_DEL ? 'NULL' : `{${formatEvents(i.events)}, data ${data}}`;
      return {
        text: `epoll_ctl(${epfd}, ${op}, ${target}, ${tail})`,
        call: calls.epollCtl(epfd, i.ctl, target, i.events, data),
      };
    }
    case 'epoll_wait': {
      const epfd = fdOf(i.epfd);
      return {
        text: `epoll_wait(${epfd}, ${i.maxevents}, ${i.timeout})`,
        call: calls.epollWait(epfd, i.maxevents, i.timeout),
      };
    }
    case 'eventfd':
      return {
        text: `eventfd(${i.initval}, ${i.flags})`,
        call: calls.eventfd(i.initval, i.flags),
      };
    case 'socketpair':
      return { text: `socketpair(${i.flags})`, call: calls.socketpair(i.flags) };
    case 'pipe':
      return { text: `pipe2(${i.flags})`, call: calls.pipe(i.flags) };
    case 'read': {
      const target = fdOf(i.fd);
      return { text: `read(${target}, ${i.len})`, call: calls.read(target, i.len) };
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
        call: calls.write(target, i.len, value, short),
      };
    }
    case 'dup': {
      const target = fdOf(i.fd);
      return { text: `dup(${target})`, call: calls.dup(target) };
    }
    case 'close': {
      const target = fdOf(i.fd);
      return { text: `close(${target})`, call: calls.close(target) };
    }
    case 'fcntl_setfl': {
      const target = fdOf(i.fd);
      return {
        text: `fcntl(${target}, F_SETFL, ${i.flags})`,
        call: calls.setFlags(target, i.flags),
      };
    }
  }
}
