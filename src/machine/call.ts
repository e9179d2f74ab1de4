import {
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  EFD_SEMAPHORE,
  EPOLL_CLOEXEC,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
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

const EVENTFD_FLAGS = [
  [EFD_NONBLOCK, 'EFD_NONBLOCK'],
  [EFD_CLOEXEC, 'EFD_CLOEXEC'],
  [EFD_SEMAPHORE, 'EFD_SEMAPHORE'],
] as const;
const SOCKET_FLAGS = [
  [SOCK_NONBLOCK, 'SOCK_NONBLOCK'],
  [SOCK_CLOEXEC, 'SOCK_CLOEXEC'],
] as const;
// pipe2 takes the same bits under their O_ names.
const PIPE_FLAGS = [
  [SOCK_NONBLOCK, 'O_NONBLOCK'],
  [SOCK_CLOEXEC, 'O_CLOEXEC'],
] as const;

/** Names the flag bits of a creation call, `EFD_NONBLOCK|EFD_CLOEXEC`; 0 stays `0`. */
function flagNames(flags: number, names: readonly (readonly [number, string])[]): string {
  const parts = names.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  const rest = names.reduce((left, [bit]) => left & ~bit, flags);
  if (rest !== 0) parts.push(`0x${(rest >>> 0).toString(16)}`);
  return parts.length === 0 ? '0' : parts.join('|');
}

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
        text: `epoll_create1(${i.flags === EPOLL_CLOEXEC ? 'EPOLL_CLOEXEC' : i.flags})`,
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
        text: `eventfd(${i.initval}, ${flagNames(i.flags, EVENTFD_FLAGS)})`,
        call: calls.eventfd(i.initval, i.flags),
      };
    case 'socketpair':
      return {
        text: `socketpair(${flagNames(i.flags, SOCKET_FLAGS)})`,
        call: calls.socketpair(i.flags),
      };
    case 'pipe':
      return { text: `pipe2(${flagNames(i.flags, PIPE_FLAGS)})`, call: calls.pipe(i.flags) };
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
