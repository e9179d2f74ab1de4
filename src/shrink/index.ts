export { withoutInstruction, withoutThread } from './edit.js';
export {
  DEFAULT_MODEL_SHRINK_LIMITS,
  shrinkModel,
  type ModelShrinkLimits,
  type ShrunkModel,
} from './model.js';
export { printModel, quote, type PrintOptions } from './print.js';
export {
  DEFAULT_SCHEDULE_SHRINK_LIMITS,
  scheduleSwitches,
  shrinkSchedule,
  type ScheduleShrinkLimits,
  type ShrunkSchedule,
} from './schedule.js';
export { checkRandomly, type RandomCheckOptions } from './random-check.js';
