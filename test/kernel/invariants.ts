import {
  compareKeys,
  readiness,
  type DescriptionId,
  type EpollDescription,
  type KernelState,
} from '../../src/kernel/index.js';
import { big } from './helpers.js';

/** Every live epoll in `k`. */
function epolls(k: KernelState): EpollDescription[] {
  return k.descriptions.filter((d): d is EpollDescription => d?.kind === 'epoll');
}

/** I1: an epoll with waiters has an empty ready set. */
export function checkI1(k: KernelState): string[] {
  return epolls(k)
    .filter((e) => e.queue.length > 0 && e.ready.length > 0)
    .map(
      (e) =>
        `I1: epoll ${e.id} has waiters [${e.queue.join(', ')}] and ${e.ready.length} ready keys`,
    );
}

/** I2: a ready key is a key of the interest list with non-zero active events. */
export function checkI2(k: KernelState): string[] {
  const problems: string[] = [];
  for (const e of epolls(k)) {
    for (const [i, key] of e.ready.entries()) {
      const interest = e.interests.find((x) => compareKeys(x.key, key) === 0);
      const at = `epoll ${e.id} key (${key.id}, ${key.fd})`;
      if (interest === undefined) problems.push(`I2: ${at} is ready without an interest`);
      else if (interest.active === 0) problems.push(`I2: ${at} is ready with no active events`);
      const next = e.ready[i + 1];
      if (next !== undefined && compareKeys(key, next) >= 0) {
        problems.push(`I2: ${at} is out of order in the ready set`);
      }
    }
  }
  return problems;
}

/** I3: every interest's active events are its relevant events masked by current readiness. */
export function checkI3(k: KernelState): string[] {
  const problems: string[] = [];
  for (const e of epolls(k)) {
    for (const interest of e.interests) {
      const d = k.descriptions[interest.key.id];
      const at = `epoll ${e.id} key (${interest.key.id}, ${interest.key.fd})`;
      const now = d === null || d === undefined ? null : readiness(k, d);
      if (now === null) problems.push(`I3: ${at} watches no live pollable description`);
      else if (interest.active !== (interest.relevant & now) >>> 0) {
        problems.push(
          `I3: ${at} has active ${interest.active}, expected ${interest.relevant & now}`,
        );
      }
    }
  }
  return problems;
}

/**
 * I5: an epoll is in the table row of description X iff it has an interest in X. Rows naming an
 * epoll that is gone are reported unless that epoll is in `mayBeStale`.
 */
export function checkI5(k: KernelState, mayBeStale: ReadonlySet<number> = new Set()): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const row of k.interestTable) {
    if (row.epolls.length === 0) problems.push(`I5: row ${row.watched} is empty`);
    for (const id of row.epolls) {
      listed.add(`${row.watched}:${id}`);
      const e = k.descriptions[id];
      if (e?.kind !== 'epoll') {
        if (!mayBeStale.has(id)) problems.push(`I5: row ${row.watched} names dead epoll ${id}`);
      } else if (!e.interests.some((i) => i.key.id === row.watched)) {
        problems.push(`I5: row ${row.watched} names epoll ${id}, which has no interest in it`);
      }
    }
  }
  for (const e of epolls(k)) {
    for (const watched of new Set(e.interests.map((i) => i.key.id))) {
      if (!listed.has(`${watched}:${e.id}`)) {
        problems.push(`I5: epoll ${e.id} watches ${watched} but is missing from its row`);
      }
    }
  }
  return problems;
}

/** Epolls that are alive with no fd left: closed while a thread waits in them. */
export function orphanEpolls(k: KernelState): DescriptionId[] {
  const open = new Set(k.fds);
  return epolls(k)
    .filter((e) => !open.has(e.id))
    .map((e) => e.id);
}

/** The path of the first object or array in `value` that is not frozen, or null. */
export function unfrozenPath(value: unknown, path = 'state'): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (!Object.isFrozen(value)) return path;
  for (const [key, child] of Object.entries(value)) {
    const found = unfrozenPath(child, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** A deep textual snapshot of a state, bigints included. */
export function snapshot(k: KernelState): string {
  return JSON.stringify(k, big);
}
