/**
 * Weft's public library entry: the builder for models, the kernel model, the checker and the
 * formatters.
 */
export * from './kernel/index.js';
export * from './program/index.js';
export * from './machine/index.js';
export * from './explore/index.js';
export * from './check/index.js';
export { PROPERTIES, propertyById, type Property } from '../properties/index.js';
export * from './shrink/index.js';
