export { GLYPHS } from './glyphs.js';
export { toJson } from './json.js';
export { PLAIN, type Palette } from './palette.js';
export { formatDuration, formatSummary, type SummaryRow } from './summary.js';
export { formatTrace, threadSwitches, type TraceInput } from './trace.js';
export { formatDetail, formatHeadline, verdictWords } from './verdict.js';
export { formatOutcome, formatResult, formatValue } from './values.js';
