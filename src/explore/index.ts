export {
  depthFirst,
  isDeadEnd,
  type Progress,
  type SearchBound,
  type SearchHooks,
  type SearchResult,
  type SearchStats,
  type Terminal,
} from './search.js';
export {
  DEFAULT_RANDOM_LIMITS,
  randomSearch,
  type RandomHooks,
  type RandomOptions,
  type RandomResult,
} from './random.js';
export { breadthFirst } from './breadth.js';
export { FingerprintSet } from './visited.js';
