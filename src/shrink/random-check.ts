import { PROPERTIES } from '../../properties/index.js';
import {
  formatSchedule,
  judgeStep,
  sameProblem,
  type Finding,
  type Verdict,
} from '../check/index.js';
import { DEFAULT_RANDOM_LIMITS, randomSearch } from '../explore/index.js';
import { start } from '../machine/index.js';
import { formatProblem, validateModel, type Model } from '../program/index.js';
import { shrinkSchedule } from './schedule.js';

/** How to sample a model at random. */
export interface RandomCheckOptions {
  /** Random schedules to try. */
  readonly runs: number;
  /** The seed that makes the run reproducible. */
  readonly seed: number;
  /** Steps in one schedule at most; `DEFAULT_RANDOM_LIMITS.maxDepth` by default. */
  readonly maxDepth?: number;
  /** Ids of the properties to check; all nine when absent. */
  readonly properties?: readonly string[];
  readonly clock: () => number;
}

/**
 * Checks a model too large for exhaustive search by sampling `runs` random schedules from
 * `seed`. A problem found is shrunk twice, by fast-check and then by schedule shrinking, and
 * reported with the seed and path that find it again. No problem found is a `pass` marked as
 * sampled: evidence, not proof.
 */
export function checkRandomly(model: Model, options: RandomCheckOptions): Verdict {
  const problem = validateModel(model)[0];
  if (problem !== undefined) {
    return { kind: 'error', message: `model '${model.name}': ${formatProblem(problem)}` };
  }
  const begin = start(model);
  if (begin.kind === 'failed')
    return { kind: 'error', message: `model '${model.name}': ${begin.reason}` };
  const selected = PROPERTIES.filter((p) => options.properties?.includes(p.id) ?? true);
  const result = randomSearch<Finding>(
    model,
    {
      runs: options.runs,
      seed: options.seed,
      maxDepth: options.maxDepth ?? DEFAULT_RANDOM_LIMITS.maxDepth,
    },
    {
      clock: options.clock,
      judge: (before, transition, after, terminal) =>
        judgeStep(selected, { model, before, transition, after, terminal }),
      same: sameProblem,
    },
  );
  switch (result.kind) {
    case 'failed':
      return { kind: 'error', message: `model '${model.name}': ${result.reason}` };
    case 'none':
      return {
        kind: 'pass',
        stats: result.stats,
        sampled: { runs: result.runs, seed: options.seed },
      };
    case 'found': {
      const { finding } = result;
      if (finding.kind === 'error') return finding;
      const schedule =
        finding.kind === 'violation'
          ? shrinkSchedule(model, result.shrunk, finding.property, undefined, selected).schedule
          : result.shrunk;
      const counterexample = {
        schedule,
        replay: formatSchedule(model, begin.state, schedule),
        shortest: false,
        random: { seed: result.seed, path: result.path, firstSteps: result.schedule.length },
      };
      return { ...finding, counterexample, stats: result.stats };
    }
  }
}
