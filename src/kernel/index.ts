export * from './clock.js';
export {
  isAbort,
  perform,
  type Context,
  type KernelCall,
  type PanicCode,
  type Performed,
} from './context.js';
export type { Errno } from './errno.js';
export * from './flags.js';
export * from './ids.js';
export {
  calls,
  endStep,
  EVENTFD_LIMIT,
  initialKernel,
  SEED_CONFIG,
  SOCKET_CAPACITY,
  sys,
} from './kernel.js';
export { compareKeys } from './keys.js';
export { descriptionName, readiness } from './readiness.js';
export type * from './result.js';
export * from './state.js';
