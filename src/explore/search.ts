import type { ThreadId } from '../kernel/index.js';
import {
  enabledChoices,
  clocksObservable,
  fingerprint,
  step,
  stuckThreads,
  type Choice,
  type MachineState,
  type Transition,
} from '../machine/index.js';
import type { Bounds, Model } from '../program/index.js';
import { Meter } from './meter.js';
import { FingerprintSet } from './visited.js';

/** Counts of one search. Durations in milliseconds, memory in bytes. */
export interface SearchStats {
  /** Distinct states reached, the start included. */
  readonly states: number;
  readonly transitions: number;
  readonly maxDepth: number;
  readonly durationMs: number;
  /** Peak heap seen during the search, when the caller gave a way to measure it; else 0. */
  readonly peakMemory: number;
}

/** A live view of a search, for progress displays. */
export interface Progress {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

/** A bound that stopped or cut the search. */
export type SearchBound = 'states' | 'depth' | 'time';

/** How a search ended. */
export type SearchResult<F> =
  | { readonly kind: 'complete'; readonly stats: SearchStats; readonly cut: SearchBound | null }
  | {
      readonly kind: 'found';
      readonly finding: F;
      readonly schedule: readonly Choice[];
      readonly stats: SearchStats;
    }
  | { readonly kind: 'bound'; readonly bound: SearchBound; readonly stats: SearchStats };

/** Where the path ends after a transition: the threads stuck when no choice remains. */
export interface Terminal {
  readonly stuck: readonly ThreadId[];
}

/** What the search asks of its caller. */
export interface SearchHooks<F> {
  /**
   * Judges one transition; a finding ends the search with the schedule that led to it. `fresh`
   * is false when the state after was seen before: what holds of a state alone was judged then.
   */
  readonly judge: (
    before: MachineState,
    transition: Transition,
    after: MachineState,
    terminal: Terminal | null,
    fresh: boolean,
  ) => F | null;
  /** Monotonic milliseconds; the search reads no clock of its own. */
  readonly clock: () => number;
  /** Current heap size in bytes, sampled for the peak; optional. */
  readonly memory?: () => number;
  readonly onProgress?: (progress: Progress) => void;
}

/** A transition after which the program cannot go on: an abort, a panic, a failed check. */
export function isDeadEnd(t: Transition): boolean {
  return t.stop !== null || t.outcome.kind === 'unsupported' || t.outcome.kind === 'panic';
}

interface Frame {
  readonly state: MachineState;
  readonly choices: readonly Choice[];
  next: number;
}

/**
 * Exhaustive depth-first search from `start` with a visited set of fingerprints. Choices are
 * taken in `enabledChoices` order, so the same model gives the same counts and the same first
 * finding every run. Every transition is judged, including those into states already seen.
 */
export function depthFirst<F>(
  model: Model,
  start: MachineState,
  bounds: Bounds,
  hooks: SearchHooks<F>,
): SearchResult<F> {
  const meter = new Meter(hooks, bounds);
  const clocks = clocksObservable(model);
  const visited = new FingerprintSet();
  let maxDepth = 0;
  let cut: SearchBound | null = null;
  const stats = (): SearchStats => meter.stats(visited.size, maxDepth);

  const [hi, lo] = fingerprint(start, clocks);
  visited.add(hi, lo);
  const stack: Frame[] = [{ state: start, choices: enabledChoices(model, start), next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) break;
    const choice = frame.choices[frame.next++];
    if (choice === undefined) {
      stack.pop();
      continue;
    }
    const { state: after, transition } = step(model, frame.state, choice);
    const dead = isDeadEnd(transition);
    let fresh = false;
    if (!dead) {
      const [h, l] = fingerprint(after, clocks);
      fresh = visited.add(h, l);
    }
    const late = meter.count(visited.size, stack.length);
    const choices = fresh ? enabledChoices(model, after) : [];
    const terminal = fresh && choices.length === 0 ? { stuck: stuckThreads(model, after) } : null;
    const finding = hooks.judge(frame.state, transition, after, terminal, fresh);
    if (finding !== null) {
      const schedule = stack.map((f) => f.choices[f.next - 1]).filter((c) => c !== undefined);
      return { kind: 'found', finding, schedule, stats: stats() };
    }

    if (late) return { kind: 'bound', bound: 'time', stats: stats() };
    if (!fresh) continue;
    if (visited.size > bounds.states) return { kind: 'bound', bound: 'states', stats: stats() };
    maxDepth = Math.max(maxDepth, stack.length);
    if (stack.length >= bounds.depth) {
      if (choices.length > 0) cut = 'depth';
      continue;
    }
    stack.push({ state: after, choices, next: 0 });
  }
  return { kind: 'complete', stats: stats(), cut };
}
