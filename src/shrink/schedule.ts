import { PROPERTIES, type Property } from '../../properties/index.js';
import { findingAlong } from '../check/index.js';
import type { Choice } from '../machine/index.js';
import type { Model } from '../program/index.js';

/** Limits on shrinking one counterexample. */
export interface ScheduleShrinkLimits {
  /** Candidate schedules to replay at most; shrinking stops with the best found so far. */
  readonly maxTries: number;
}

/** The limits schedule shrinking runs under unless the caller says otherwise. */
export const DEFAULT_SCHEDULE_SHRINK_LIMITS: ScheduleShrinkLimits = { maxTries: 10_000 };

/** A shrunk counterexample and how many candidate schedules were replayed to find it. */
export interface ShrunkSchedule {
  readonly schedule: readonly Choice[];
  readonly tries: number;
}

/** How many times consecutive choices change thread. */
export function scheduleSwitches(schedule: readonly Choice[]): number {
  let switches = 0;
  for (let i = 1; i < schedule.length; i++) {
    if (schedule[i]?.thread !== schedule[i - 1]?.thread) switches++;
  }
  return switches;
}

/** True when `a` is smaller than `b`: fewer steps, or as many with fewer thread switches. */
function smaller(a: readonly Choice[], b: readonly Choice[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  return scheduleSwitches(a) < scheduleSwitches(b);
}

/** `schedule` with the choice at `from` moved to index `to` (counted before the move). */
function moved(schedule: readonly Choice[], from: number, to: number): Choice[] {
  const rest = [...schedule];
  const [choice] = rest.splice(from, 1);
  if (choice === undefined) return rest;
  rest.splice(to > from ? to - 1 : to, 0, choice);
  return rest;
}

/**
 * The candidates that bring a step next to an earlier step of its own thread: the later step
 * moved back to just after the earlier one, or the earlier step moved forward to just before it.
 */
function regroupings(schedule: readonly Choice[]): Choice[][] {
  const candidates: Choice[][] = [];
  for (let j = 1; j < schedule.length; j++) {
    const thread = schedule[j]?.thread;
    if (schedule[j - 1]?.thread === thread) continue;
    const i = schedule.slice(0, j).findLastIndex((c) => c.thread === thread);
    if (i === -1) continue;
    candidates.push(moved(schedule, j, i + 1), moved(schedule, i, j));
  }
  return candidates;
}

/**
 * Shrinks a counterexample while a violation of the same `property` still occurs along it:
 * cuts it at the violation, removes chunks of steps and then single steps (delta debugging),
 * then regroups steps of one thread to remove thread switches, and repeats until nothing more
 * helps. A candidate is kept only when it is strictly smaller (fewer steps, or as many with
 * fewer switches), so shrinking ends; `limits.maxTries` bounds the replays. Deterministic. A
 * schedule that does not violate `property` comes back unchanged.
 */
export function shrinkSchedule(
  model: Model,
  schedule: readonly Choice[],
  property: string,
  limits: ScheduleShrinkLimits = DEFAULT_SCHEDULE_SHRINK_LIMITS,
  properties: readonly Property[] = PROPERTIES,
): ShrunkSchedule {
  let tries = 0;

  // The candidate cut just after its violation, or null when it shows no violation of `property`.
  const reproduce = (candidate: readonly Choice[]): readonly Choice[] | null => {
    tries++;
    const found = findingAlong(model, candidate, properties);
    if (found?.finding.kind !== 'violation' || found.finding.property !== property) return null;
    return candidate.slice(0, found.index + 1);
  };

  const cut = reproduce(schedule);
  if (cut === null) return { schedule, tries };
  let best = cut;
  // Tries candidates in order; keeps the first that reproduces and is smaller, and says so.
  const improve = (candidates: Iterable<readonly Choice[]>): boolean => {
    for (const candidate of candidates) {
      if (tries >= limits.maxTries) return false;
      const kept = reproduce(candidate);
      if (kept !== null && smaller(kept, best)) {
        best = kept;
        return true;
      }
    }
    return false;
  };

  for (let progress = true; progress && tries < limits.maxTries;) {
    progress = false;
    for (let size = Math.floor(best.length / 2); size >= 1; size = Math.floor(size / 2)) {
      while (improve(removals(best, size))) progress = true;
    }
    while (improve(regroupings(best))) progress = true;
  }
  return { schedule: best, tries };
}

/** The schedule without each chunk of `size` consecutive steps in turn (the last may be short). */
function* removals(schedule: readonly Choice[], size: number): Generator<Choice[]> {
  for (let from = 0; from < schedule.length; from += size) {
    yield [...schedule.slice(0, from), ...schedule.slice(from + size)];
  }
}
