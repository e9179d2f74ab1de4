export type { Choice } from './choice.js';
export { enabledChoices, stuckThreads } from './enabled.js';
export { clocksObservable, encodeState, fingerprint, hash64 } from './fingerprint.js';
export { start, type Start } from './initial.js';
export { scopeOf } from './scope.js';
export type { MachineState, ThreadState, ThreadStatus, VariableState } from './state.js';
export { step, type StepResult } from './step.js';
export type { Race, Stop, Transition } from './transition.js';
