import type { Delivery, Outcome, ThreadId, Wakeup } from '../kernel/index.js';
import type { Choice } from './choice.js';

/** Two accesses to a shared variable not ordered by happens-before. */
export interface Race {
  readonly variable: string;
  readonly access: 'store' | 'load';
  readonly other: ThreadId;
  readonly otherAccess: 'store' | 'load';
}

/** Why a path cannot go on: what the step ran into, besides ordinary results. */
export type Stop =
  | {
      readonly kind: 'assertion';
      readonly thread: ThreadId;
      readonly label: string;
      readonly message: string;
    }
  | {
      readonly kind: 'loop-bound';
      readonly thread: ThreadId;
      readonly loop: string;
      readonly bound: number;
    }
  | {
      readonly kind: 'model-error';
      readonly thread: ThreadId;
      readonly label: string;
      readonly message: string;
    };

/** What one step did, for properties, traces and replay. */
export interface Transition {
  readonly choice: Choice;
  readonly thread: ThreadId;
  /** The instruction's label, or `timeout` for a timeout. */
  readonly label: string;
  /** The instruction's op (`write`, `store`, `join`, ...), or `timeout`. */
  readonly op: string;
  /** The call as it ran, with its arguments evaluated: `write(4, 1)`. */
  readonly call: string;
  readonly outcome: Outcome;
  readonly wakeups: readonly Wakeup[];
  readonly deliveries: readonly Delivery[];
  readonly race: Race | null;
  readonly stop: Stop | null;
}
