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
export { breadthFirst } from './breadth.js';
export { FingerprintSet } from './visited.js';
