import type { Bounds } from '../program/index.js';
import type { SearchHooks, SearchStats } from './search.js';

/** How often, in transitions, a search reads the clock, samples memory and reports progress. */
const CHECK_EVERY = 1024;

/**
 * The counts every search keeps, with the time bound and progress reports: one place, so that
 * each search reports the same figures the same way.
 */
export class Meter {
  transitions = 0;
  private readonly began: number;
  private peakMemory = 0;

  constructor(
    private readonly hooks: Pick<SearchHooks<unknown>, 'clock' | 'memory' | 'onProgress'>,
    private readonly bounds: Bounds,
  ) {
    this.began = hooks.clock();
  }

  /**
   * Counts one transition. Every `CHECK_EVERY` of them it samples memory and reports progress;
   * returns true when the time bound has passed.
   */
  count(states: number, depth: number): boolean {
    this.transitions++;
    if (this.transitions % CHECK_EVERY !== 0) return false;
    const elapsedMs = this.hooks.clock() - this.began;
    this.peakMemory = Math.max(this.peakMemory, this.hooks.memory?.() ?? 0);
    this.hooks.onProgress?.({ states, transitions: this.transitions, depth, elapsedMs });
    return elapsedMs > this.bounds.seconds * 1000;
  }

  /** The figures so far. */
  stats(states: number, maxDepth: number): SearchStats {
    this.peakMemory = Math.max(this.peakMemory, this.hooks.memory?.() ?? 0);
    return {
      states,
      transitions: this.transitions,
      maxDepth,
      durationMs: this.hooks.clock() - this.began,
      peakMemory: this.peakMemory,
    };
  }
}
