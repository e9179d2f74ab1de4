import { check, traceOf, type Model } from '../src/index.js';
import type { CounterexampleView } from '../src/report/index.js';

const MODELS = new URL('../models/', import.meta.url);

function isModel(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && 'threads' in value && 'name' in value;
}

/**
 * The counterexample of a bundled model, checked from scratch, as the report renderings take it.
 * Throws when the model has no counterexample.
 */
export async function bundledView(name: string): Promise<CounterexampleView> {
  const mod: unknown = await import(new URL(`${name}.ts`, MODELS).href);
  const model = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : null;
  if (!isModel(model)) throw new Error(`models/${name}.ts has no default export made by model()`);
  const verdict = check(model, { clock: () => performance.now() });
  if (verdict.kind !== 'violation') {
    throw new Error(`models/${name}.ts gave '${verdict.kind}', not a violation to render`);
  }
  return {
    model,
    trace: traceOf(model, verdict.counterexample.schedule),
    violation: { property: verdict.property, message: verdict.message },
    replay: `weft replay models/${name}.ts '${verdict.counterexample.replay}'`,
  };
}
