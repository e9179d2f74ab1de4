import type { ThreadId } from './ids.js';

/**
 * A vector clock: entry i counts the steps of thread i that happen before the holder. Entries
 * past the end of the array are 0, so an empty array is the empty clock.
 */
export type VClock = readonly number[];

/** The empty clock. */
export const EMPTY_CLOCK: VClock = [];

/** Joins `from` into the mutable `into`, entry by entry maximum. */
export function joinInto(into: number[], from: VClock): void {
  for (let i = 0; i < from.length; i++) {
    const theirs = from[i] ?? 0;
    if (theirs > (into[i] ?? 0)) into[i] = theirs;
  }
  for (let i = 0; i < into.length; i++) into[i] ??= 0;
}

/** Increments thread `t`'s own entry of the mutable clock `into`. */
export function tickInto(into: number[], t: ThreadId): void {
  for (let i = into.length; i < t; i++) into[i] = 0;
  into[t] = (into[t] ?? 0) + 1;
}

/** Thread `t`'s entry of a clock. */
export function entry(clock: VClock, t: ThreadId): number {
  return clock[t] ?? 0;
}

/** True when every entry of `a` is at most the matching entry of `b` (a happens before b). */
export function leq(a: VClock, b: VClock): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) > (b[i] ?? 0)) return false;
  }
  return true;
}
