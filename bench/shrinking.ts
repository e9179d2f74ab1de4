import { readdirSync } from 'node:fs';
import { check, scheduleSwitches, shrinkSchedule, type Model } from '../src/index.js';

const MODELS = new URL('../models/', import.meta.url);

/** One failing bundled model's counterexample lengths, in steps. */
export interface ShrinkFigures {
  readonly name: string;
  readonly property: string;
  /** The first schedule depth-first search reaches the violation with. */
  readonly depthFirst: number;
  /** That schedule after schedule shrinking. */
  readonly shrunk: number;
  /** The fewest steps any schedule needs: breadth-first search's. */
  readonly minimum: number;
  readonly shrinkMs: number;
  readonly switchesBefore: number;
  readonly switchesAfter: number;
}

/**
 * For every bundled model expected to fail: the length of the first counterexample depth-first
 * search finds, its length after schedule shrinking, the minimum, and how long shrinking took.
 */
export async function benchShrinking(): Promise<ShrinkFigures[]> {
  const figures: ShrinkFigures[] = [];
  for (const file of readdirSync(MODELS)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const { default: model } = (await import(new URL(file, MODELS).href)) as { default: Model };
    if (model.expect.verdict !== 'violation') continue;
    const clock = () => performance.now();
    const first = check(model, { clock, shortest: false });
    const shortest = check(model, { clock });
    if (first.kind !== 'violation' || shortest.kind !== 'violation') continue;
    const began = performance.now();
    const shrunk = shrinkSchedule(model, first.counterexample.schedule, first.property);
    figures.push({
      name: model.name,
      property: first.property,
      depthFirst: first.counterexample.schedule.length,
      shrunk: shrunk.schedule.length,
      minimum: shortest.counterexample.schedule.length,
      shrinkMs: performance.now() - began,
      switchesBefore: scheduleSwitches(first.counterexample.schedule),
      switchesAfter: scheduleSwitches(shrunk.schedule),
    });
  }
  return figures;
}
