export {
  boundsFor,
  check,
  judgeStep,
  meetsExpectation,
  sameProblem,
  type CheckOptions,
  type Finding,
} from './check.js';
export { findingAlong, sameChoice, type FindingAt } from './finding-along.js';
export {
  formatSchedule,
  nameChoice,
  parseSchedule,
  replayNamed,
  type NamedChoice,
  traceOf,
  type Replay,
  type Trace,
} from './schedule.js';
export { DEFAULT_BOUNDS, type Counterexample, type Verdict } from './verdict.js';
