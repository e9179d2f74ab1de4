import { PROPERTIES, type Property } from '../../properties/index.js';
import { isDeadEnd } from '../explore/index.js';
import { enabledChoices, start, step, stuckThreads, type Choice } from '../machine/index.js';
import type { Model } from '../program/index.js';
import { judgeStep, type Finding } from './check.js';

/** The first finding along a schedule, and the index of the transition that made it. */
export interface FindingAt {
  readonly index: number;
  readonly finding: Finding;
}

/** True when two choices pick the same thing: the same kind, thread and socket write cut. */
export function sameChoice(a: Choice, b: Choice): boolean {
  if (a.kind !== b.kind || a.thread !== b.thread) return false;
  const shortA = a.kind === 'step' ? a.short : undefined;
  const shortB = b.kind === 'step' ? b.short : undefined;
  return shortA === shortB;
}

/**
 * Replays `schedule` from the model's start and judges each transition as the search does,
 * against `properties` (all nine by default); returns the first finding and its index. Null
 * when the setup fails, when a choice is not enabled where it is taken (replay stops there),
 * when the path reaches a dead end without a finding, or when the schedule runs out first.
 */
export function findingAlong(
  model: Model,
  schedule: readonly Choice[],
  properties: readonly Property[] = PROPERTIES,
): FindingAt | null {
  const begin = start(model);
  if (begin.kind === 'failed') return null;
  let before = begin.state;
  let enabled = enabledChoices(model, before);

  for (const [index, choice] of schedule.entries()) {
    if (!enabled.some((c) => sameChoice(c, choice))) return null;
    const { state: after, transition } = step(model, before, choice);
    const dead = isDeadEnd(transition);
    enabled = dead ? [] : enabledChoices(model, after);
    const terminal = !dead && enabled.length === 0 ? { stuck: stuckThreads(model, after) } : null;
    // A state along one path is judged in full: were it seen before, it was judged clean then.
    const ctx = { model, before, transition, after, terminal, fresh: !dead };
    const finding = judgeStep(properties, ctx);
    if (finding !== null) return { index, finding };
    if (dead) return null;
    before = after;
  }
  return null;
}
