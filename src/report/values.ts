import { formatEvents, type Outcome, type SyscallResult } from '../kernel/index.js';
import type { Value } from '../program/index.js';

/** A system call result as a person reads it: `8`, `-1 EAGAIN`, `1 [EPOLLIN data 7]`. */
export function formatResult(r: SyscallResult): string {
  if (r.errno !== undefined) return `${r.ret} ${r.errno}`;
  if (r.events !== undefined) {
    const events = r.events.map((e) => `${formatEvents(e.events)} data ${e.data}`);
    return `${r.ret} [${events.join(', ')}]`;
  }
  if (r.value !== undefined) return `${r.ret}, value ${r.value}`;
  if (r.fds !== undefined) return `${r.ret}, fds [${r.fds.join(', ')}]`;
  return String(r.ret);
}

/** How a step ended for the thread that took it. */
export function formatOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'returned':
      return `→ ${formatResult(o.result)}`;
    case 'blocked':
      return 'blocks';
    case 'unsupported':
      return `unsupported: ${o.message}`;
    case 'panic':
      return `interpreter panic: ${o.message}`;
  }
}

/** A register or variable value. */
export function formatValue(v: Value): string {
  return typeof v === 'object' ? formatResult(v) : String(v);
}
