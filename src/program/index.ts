export { Names, ThreadBuilder, type NameOptions } from './builder.js';
export * from './expr.js';
export { evaluate, EvaluationError, numeric, truthy, type Scope } from './evaluate.js';
export * from './instruction.js';
export type * from './model.js';
export { DEFAULT_OPTIONS, model, ModelBuilder, type ThreadOptions } from './model-builder.js';
export { formatProblem, validateModel, type ModelProblem } from './validate.js';
export { liveRegisters, modelDeadRegisters, modelLiveness } from './liveness.js';
