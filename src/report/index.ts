export { laneThreads, threadName, type CounterexampleView } from './counterexample.js';
export { GLYPHS } from './glyphs.js';
export { happensBefore, type HappensBefore } from './happens-before.js';
export { toHtml } from './html.js';
export { toJson } from './json.js';
export {
  formatClock,
  formatKey,
  kernelView,
  type DescriptionView,
  type InterestView,
  type KernelView,
  type ThreadView,
} from './kernel-view.js';
export { toMermaid } from './mermaid.js';
export { PLAIN, type Palette } from './palette.js';
export { formatDuration, formatSummary, type SummaryRow } from './summary.js';
export { formatTimeline, type TimelineOptions } from './timeline.js';
export { formatTrace, threadSwitches, type TraceInput } from './trace.js';
export { formatDetail, formatHeadline, verdictWords } from './verdict.js';
export { formatOutcome, formatResult, formatValue } from './values.js';
