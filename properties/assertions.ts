import { evaluate, EvaluationError, truthy } from '../src/program/index.js';
import { scopeOf } from '../src/machine/index.js';
import { threadName, type Property } from './property.js';

/** Invariant 9: the model's own assertions and final-state conditions hold. */
export const assertions: Property = {
  id: 'assertions',
  number: 9,
  scope: 'transition',
  statement: "the model's own assertions and final-state conditions hold",
  why: 'they are what the model says its protocol guarantees',
  check({ model, transition, after, terminal }) {
    const stop = transition.stop;
    if (stop?.kind === 'assertion') {
      return `${threadName(model, stop.thread)} failed assertion at ${stop.label}: ${stop.message}`;
    }
    if (terminal === null || terminal.stuck.length > 0) return null;
    const scope = scopeOf(model, after, after.threads[0] ?? { regs: {} });
    for (const final of model.finals) {
      let holds: boolean;
      try {
        holds = truthy(evaluate(final.cond, scope));
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        return `final condition "${final.message}" cannot be evaluated: ${error.message}`;
      }
      if (!holds) return `final condition failed: ${final.message}`;
    }
    return null;
  },
};
