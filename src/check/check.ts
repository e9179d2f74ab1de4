import { PROPERTIES, type Property, type PropertyContext } from '../../properties/index.js';
import { threadId } from '../kernel/index.js';
import { breadthFirst, depthFirst, type Progress, type SearchResult } from '../explore/index.js';
import {
  enabledChoices,
  start,
  stuckThreads,
  type MachineState,
  type Start,
  type Stop,
  type Transition,
} from '../machine/index.js';
import {
  formatProblem,
  validateModel,
  type Bounds,
  type Expectation,
  type Model,
} from '../program/index.js';
import { formatSchedule } from './schedule.js';
import { DEFAULT_BOUNDS, type Verdict } from './verdict.js';

/** How to run a check. The clock and memory gauge come from the caller: the core reads neither. */
export interface CheckOptions {
  /** Overrides the model's own bounds, which override the defaults. */
  readonly bounds?: Partial<Bounds>;
  /** Ids of the properties to check; all nine when absent. */
  readonly properties?: readonly string[];
  readonly clock: () => number;
  readonly memory?: () => number;
  readonly onProgress?: (progress: Progress) => void;
  /**
   * After a depth-first search finds a problem, search breadth-first for the shortest schedule
   * to the same problem (on by default). Off, the first schedule found is reported.
   */
  readonly shortest?: boolean;
}

/** What judging a transition can find. */
export type Finding =
  | { readonly kind: 'violation'; readonly property: string; readonly message: string }
  | { readonly kind: 'unsupported'; readonly call: string; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

const PANIC_PROPERTY = {
  'woken-without-events': 'woken-receives-event',
  'stale-interest-table': 'interest-table-consistent',
  'missing-ready-interest': 'ready-set-consistent',
  'active-mismatch': 'active-matches-readiness',
} as const;

/** The bounds a check of `model` runs under. */
export function boundsFor(model: Model, overrides: Partial<Bounds> = {}): Bounds {
  return { ...DEFAULT_BOUNDS, ...model.bounds, ...overrides };
}

/**
 * Checks a model: validates it, runs the setup, then searches every interleaving, judging each
 * transition against the properties. Never throws for a bad model: that is an `error` verdict.
 */
export function check(model: Model, options: CheckOptions): Verdict {
  const problems = validateModel(model);
  const first = problems[0];
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    return { kind: 'error', message: `model '${model.name}': ${formatProblem(first)}${more}` };
  }
  const { expect } = model;
  if (expect.verdict === 'violation' && !PROPERTIES.some((p) => p.id === expect.property)) {
    return {
      kind: 'error',
      message:
        `model '${model.name}': it expects a violation of unknown property '${expect.property}'; ` +
        `use one of ${PROPERTIES.map((p) => p.id).join(', ')}`,
    };
  }
  const begin = start(model);
  if (begin.kind === 'failed') return setupFailed(model, begin);
  const selected = PROPERTIES.filter((p) => options.properties?.includes(p.id) ?? true);
  const stuckAtStart = judgeStart(model, selected, begin.state);
  if (stuckAtStart !== null) return stuckAtStart;
  const bounds = boundsFor(model, options.bounds);
  let loop: Extract<Stop, { kind: 'loop-bound' }> | null = null;

  const hooks = {
    clock: options.clock,
    ...(options.memory === undefined ? {} : { memory: options.memory }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  const result = depthFirst<Finding>(model, begin.state, bounds, {
    ...hooks,
    judge(before, transition, after, terminal, fresh) {
      if (transition.stop?.kind === 'loop-bound') loop ??= transition.stop;
      return judgeStep(selected, { model, before, transition, after, terminal, fresh });
    },
  });
  if (result.kind !== 'found' || result.finding.kind === 'error' || options.shortest === false) {
    return verdictOf(model, begin.state, result, loop, false);
  }
  const target = result.finding;
  const shortest = breadthFirst<Finding>(model, begin.state, bounds, {
    ...hooks,
    judge(before, transition, after, terminal) {
      const finding = judgeStep(selected, { model, before, transition, after, terminal });
      return finding !== null && sameProblem(finding, target) ? finding : null;
    },
  });
  if (shortest.kind !== 'found') return verdictOf(model, begin.state, result, loop, false);
  return verdictOf(model, begin.state, { ...shortest, stats: result.stats }, loop, true);
}

/** True when two findings are the same problem: the same property, or both unsupported. */
export function sameProblem(a: Finding, b: Finding): boolean {
  if (a.kind === 'violation' && b.kind === 'violation') return a.property === b.property;
  return a.kind === b.kind;
}

/**
 * Judges one transition: a model error, an unsupported call, an interpreter panic (each panic
 * is the failure of one invariant), or the first of `properties` that fails.
 */
export function judgeStep(properties: readonly Property[], ctx: PropertyContext): Finding | null {
  const { model, transition } = ctx;
  if (transition.stop?.kind === 'model-error') {
    const { thread, label, message } = transition.stop;
    const name = model.threads[thread]?.name ?? String(thread);
    return {
      kind: 'error',
      message: `model '${model.name}': thread '${name}' at ${label}: ${message}`,
    };
  }
  const { outcome } = transition;
  if (outcome.kind === 'unsupported') {
    return { kind: 'unsupported', call: outcome.call, message: outcome.message };
  }
  if (outcome.kind === 'panic') {
    const message = `the interpreter panicked: ${outcome.message}`;
    return { kind: 'violation', property: PANIC_PROPERTY[outcome.code], message };
  }
  for (const property of properties) {
    if (property.scope === 'state' && ctx.fresh === false) continue;
    const message = property.check(ctx);
    if (message !== null) return { kind: 'violation', property: property.id, message };
  }
  return null;
}

function verdictOf(
  model: Model,
  initial: MachineState,
  result: SearchResult<Finding>,
  loop: Extract<Stop, { kind: 'loop-bound' }> | null,
  shortest: boolean,
): Verdict {
  const { stats } = result;
  switch (result.kind) {
    case 'found': {
      const { finding } = result;
      if (finding.kind === 'error') return finding;
      const counterexample = {
        schedule: result.schedule,
        replay: formatSchedule(model, initial, result.schedule),
        shortest,
      };
      return { ...finding, counterexample, stats };
    }
    case 'bound':
      return {
        kind: 'bound-reached',
        bound: result.bound,
        detail: boundDetail(result.bound, stats.states),
        stats,
      };
    case 'complete': {
      if (loop !== null) {
        const name = model.threads[loop.thread]?.name ?? String(loop.thread);
        const detail =
          `loop '${loop.loop}' in thread '${name}' wanted more than its bound of ${loop.bound} ` +
          'passes; raise the bound in the model';
        return { kind: 'bound-reached', bound: 'loop', detail, stats };
      }
      if (result.cut === 'depth') {
        return {
          kind: 'bound-reached',
          bound: 'depth',
          detail: boundDetail('depth', stats.states),
          stats,
        };
      }
      return { kind: 'pass', stats };
    }
  }
}

function boundDetail(bound: 'states' | 'depth' | 'time', states: number): string {
  switch (bound) {
    case 'states':
      return (
        `found more than the limit of ${(states - 1).toLocaleString('en-US')} distinct states; ` +
        'raise it with --max-states'
      );
    case 'depth':
      return 'some schedules are longer than the depth bound; raise it with --max-depth';
    case 'time':
      return (
        `stopped at the time bound after ${states.toLocaleString('en-US')} distinct states; ` +
        'raise it with --max-seconds'
      );
  }
}

/**
 * A start state where no thread can move (threads that join each other, a model that is all
 * setup) ends every path at once; no step leads into it, so its deadlock and final conditions
 * are judged here, as the end of the empty schedule.
 */
function judgeStart(
  model: Model,
  properties: readonly Property[],
  state: MachineState,
): Verdict | null {
  if (enabledChoices(model, state).length > 0) return null;
  const main = threadId(0);
  const transition: Transition = {
    choice: { kind: 'step', thread: main },
    thread: main,
    label: 'start',
    op: 'start',
    call: 'start',
    outcome: { kind: 'returned', result: { ret: 0 } },
    wakeups: [],
    deliveries: [],
    race: null,
    stop: null,
  };
  const terminal = { stuck: stuckThreads(model, state) };
  const ctx = { model, before: state, transition, after: state, terminal, fresh: true };
  const finding = judgeStep(properties, ctx);
  if (finding?.kind !== 'violation') return null;
  const stats = { states: 1, transitions: 0, maxDepth: 0, durationMs: 0, peakMemory: 0 };
  return { ...finding, counterexample: { schedule: [], replay: '', shortest: true }, stats };
}

/**
 * The verdict when the search cannot start: an assertion that fails before any thread's first
 * step is a violation like any other, a loop past its bound a bound reached, and an unsupported
 * call in the setup still `unsupported`; anything else means the model is broken.
 */
function setupFailed(model: Model, begin: Extract<Start, { kind: 'failed' }>): Verdict {
  const stats = { states: 0, transitions: 0, maxDepth: 0, durationMs: 0, peakMemory: 0 };
  const counterexample = { schedule: [], replay: '', shortest: true };
  const { stop } = begin;
  const name = (t: number) => model.threads[t]?.name ?? String(t);
  if (stop?.kind === 'assertion') {
    const message = `${name(stop.thread)} failed assertion at ${stop.label}: ${stop.message}`;
    return { kind: 'violation', property: 'assertions', message, counterexample, stats };
  }
  if (stop?.kind === 'loop-bound') {
    const detail =
      `loop '${stop.loop}' in thread '${name(stop.thread)}' wanted more than its bound of ` +
      `${stop.bound} passes; raise the bound in the model`;
    return { kind: 'bound-reached', bound: 'loop', detail, stats };
  }
  const outcome = begin.setup.at(-1)?.outcome;
  if (outcome?.kind !== 'unsupported') {
    return { kind: 'error', message: `model '${model.name}': ${begin.reason}` };
  }
  const { call, message } = outcome;
  return { kind: 'unsupported', call, message, counterexample, stats };
}

/** True when a verdict is the one the model expects. */
export function meetsExpectation(expect: Expectation, verdict: Verdict): boolean {
  // A model written as data may lack a well-formed expectation; its check is then an error.
  if (typeof expect !== 'object' || (expect as Expectation | null) === null) return false;
  switch (expect.verdict) {
    case 'pass':
      return verdict.kind === 'pass';
    case 'unsupported':
      return verdict.kind === 'unsupported';
    case 'violation':
      return verdict.kind === 'violation' && verdict.property === expect.property;
  }
}
