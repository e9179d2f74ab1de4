export { boundsFor, check, meetsExpectation, type CheckOptions } from './check.js';
export {
  formatSchedule,
  nameChoice,
  parseSchedule,
  replayNamed,
  type NamedChoice,
  type Replay,
} from './schedule.js';
export { DEFAULT_BOUNDS, type Counterexample, type Verdict } from './verdict.js';
