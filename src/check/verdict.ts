import type { SearchStats } from '../explore/index.js';
import type { Choice } from '../machine/index.js';

/** The limits a check runs under unless the model or the user says otherwise. */
export const DEFAULT_BOUNDS = { states: 2_000_000, depth: 10_000, seconds: 600 } as const;

/** A counterexample: the schedule that reaches the problem, and its replay string. */
export interface Counterexample {
  readonly schedule: readonly Choice[];
  /** The schedule by meaning (`thread:label`, `thread:timeout`), as `weft replay` takes it. */
  readonly replay: string;
  /**
   * True when no schedule reaches the same problem in fewer steps, and none of that length with
   * fewer thread switches; false when the search for it hit a bound.
   */
  readonly shortest: boolean;
  /** For a counterexample a random search found: how to find it again, and its first length. */
  readonly random?: { readonly seed: number; readonly path: string; readonly firstSteps: number };
}

/**
 * How a check ended: `pass` (every reachable state satisfies every property), `violation`,
 * `bound-reached` (which bound, so it can be raised), `error` (the model is invalid) or
 * `unsupported` (the model makes a call the seed refuses).
 */
export type Verdict =
  | {
      readonly kind: 'pass';
      readonly stats: SearchStats;
      /** Set when the pass comes from random sampling, which proves nothing exhaustively. */
      readonly sampled?: { readonly runs: number; readonly seed: number };
    }
  | {
      readonly kind: 'violation';
      readonly property: string;
      readonly message: string;
      readonly counterexample: Counterexample;
      readonly stats: SearchStats;
    }
  | {
      readonly kind: 'bound-reached';
      readonly bound: 'states' | 'depth' | 'time' | 'loop';
      /** What was hit and how to raise it, in one sentence. */
      readonly detail: string;
      readonly stats: SearchStats;
    }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'unsupported';
      readonly call: string;
      readonly message: string;
      readonly counterexample: Counterexample;
      readonly stats: SearchStats;
    };
