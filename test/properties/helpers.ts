import type { ExecutionContext } from 'ava';
import {
  check,
  enabledChoices,
  isDeadEnd,
  propertyById,
  start,
  step,
  stuckThreads,
  type Model,
  type Property,
  type Verdict,
} from '../../src/index.js';
import type { PropertyContext } from '../../properties/index.js';

const clock = () => 0;

/** The built-in property with this id; throws when there is none. */
export function property(id: string): Property {
  const found = propertyById(id);
  if (found === undefined) throw new Error(`no property ${id}`);
  return found;
}

/**
 * Asserts that checking `m` finds a violation of property `id` with `message`, both with every
 * property and with `id` alone; gives the replay string.
 */
export function violates(t: ExecutionContext, m: Model, id: string, message: string): string {
  const all = check(m, { clock });
  const alone = check(m, { clock, properties: [id] });
  t.deepEqual(summary(all), { kind: 'violation', property: id, message });
  t.deepEqual(summary(alone), { kind: 'violation', property: id, message });
  return all.kind === 'violation' ? all.counterexample.replay : '';
}

/** Asserts that checking `m` with every property passes. */
export function passes(t: ExecutionContext, m: Model): void {
  t.deepEqual(summary(check(m, { clock })), { kind: 'pass' });
}

function summary(v: Verdict): Record<string, string> {
  return v.kind === 'violation'
    ? { kind: v.kind, property: v.property, message: v.message }
    : { kind: v.kind };
}

/**
 * Walks one schedule of `m`, taking at each state the choice `picks[i]` selects (modulo the
 * choices there), and gives what a property sees at each transition. Stops at a dead end, at a
 * state with no choices, or when the picks run out.
 */
export function walk(m: Model, picks: readonly number[]): PropertyContext[] {
  const begun = start(m);
  if (begun.kind === 'failed') throw new Error(begun.reason);
  const seen: PropertyContext[] = [];
  let state = begun.state;
  for (const pick of picks) {
    const choices = enabledChoices(m, state);
    const choice = choices[pick % Math.max(1, choices.length)];
    if (choice === undefined) break;
    const { state: after, transition } = step(m, state, choice);
    const dead = isDeadEnd(transition);
    const terminal =
      !dead && enabledChoices(m, after).length === 0 ? { stuck: stuckThreads(m, after) } : null;
    seen.push({ model: m, before: state, transition, after, terminal });
    if (dead) break;
    state = after;
  }
  return seen;
}
