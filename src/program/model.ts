import type { Mutant } from '../kernel/index.js';
import type { Expr } from './expr.js';
import type { Instruction } from './instruction.js';

/** A thread of a model: its name and program. */
export interface ThreadSpec {
  readonly name: string;
  readonly program: readonly Instruction[];
  /**
   * True when the thread may legitimately end blocked, such as a server waiting for more work;
   * the no-deadlock invariant then does not count it.
   */
  readonly mayEndBlocked: boolean;
}

/** A shared variable: plain memory, with non-atomic accesses checked for data races. */
export interface VariableSpec {
  readonly name: string;
  readonly initial: number | bigint;
}

/** A condition every final state must satisfy. Reads variables through `variable(name)`. */
export interface FinalCondition {
  readonly cond: Expr;
  readonly message: string;
}

/** The verdict a model expects: a pass, a violation of one property, or an unsupported call. */
export type Expectation =
  | { readonly verdict: 'pass' }
  | { readonly verdict: 'violation'; readonly property: string }
  | { readonly verdict: 'unsupported' };

/** Limits on one check; each is named in the report when it is hit. */
export interface Bounds {
  /** Distinct states to visit at most. */
  readonly states: number;
  /** Steps in one schedule at most. */
  readonly depth: number;
  /** Wall-clock seconds at most. */
  readonly seconds: number;
}

/**
 * When a blocked `epoll_wait` with a finite timeout may time out: `any` (at any moment, the
 * usual model-checking abstraction) or `miri` (only when every thread is blocked, earliest
 * deadline first, as Miri's virtual clock does).
 */
export type TimeoutRule = 'any' | 'miri';

/** Options of the modelled system a model fixes. */
export interface ModelOptions {
  /** The eventfd counter's largest value; the seed's is 2^64 - 2. */
  readonly eventfdLimit: bigint;
  /** A socket read buffer's capacity in bytes; the seed's is 212,992. */
  readonly socketCapacity: number;
  readonly timeouts: TimeoutRule;
  /** Let a socket write be shortened, as Miri may do at random; off by default. */
  readonly shortWrites: boolean;
  /** A deliberately wrong semantics, or null for the seed's. */
  readonly mutant: Mutant | null;
  /**
   * `auto` (the default) leaves vector clocks out of state fingerprints when no check can
   * observe them (no shared variables, no mutant); `exact` always keeps them, as SPIN's
   * clock-tracking figures do.
   */
  readonly clocks?: 'auto' | 'exact';
  /**
   * Model a debug build of the interpreter, whose deliveries assert the seed's I3 check and can
   * panic mid-step (true by default); false models a release build.
   */
  readonly debugAssertions?: boolean;
}

/**
 * A model: a closed system to check. Thread 0 is `main`; its first `setup` instructions run to
 * completion before any other thread starts, and the registers they write are visible to all.
 */
export interface Model {
  readonly name: string;
  readonly description: string;
  readonly threads: readonly ThreadSpec[];
  readonly setup: number;
  readonly variables: readonly VariableSpec[];
  readonly finals: readonly FinalCondition[];
  readonly options: ModelOptions;
  readonly bounds: Partial<Bounds>;
  readonly expect: Expectation;
}
