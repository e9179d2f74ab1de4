/**
 * The report's style sheet. Colours go by role, as in the terminal palette (fail, warn, dim,
 * thread); fonts are the system's own, so the page loads nothing.
 */
export const HTML_STYLE = `
:root {
  --fail: #b3261e; --fail-bg: #fdecea; --warn: #8a5a00; --dim: #5f6368; --thread: #1a56a8;
  --line: #d0d7de; --lane: #f6f8fa; --box: #ffffff; --hb: #7b3fb8; --ink: #1f2328;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
}
header { padding: 16px 24px 12px; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 20px; }
.description { margin: 0 0 8px; color: var(--dim); max-width: 980px; }
.violation {
  margin: 8px 0;
  padding: 8px 12px;
  border-left: 4px solid var(--fail);
  background: var(--fail-bg);
  color: var(--fail);
}
.violation .property { font-weight: 600; }
.replay { margin: 4px 0 0; color: var(--dim); }
.replay code { color: var(--ink); font: 13px var(--mono); user-select: all; }
.setup { margin: 8px 0 0; color: var(--dim); }
.legend { margin: 8px 0 0; color: var(--dim); font-size: 12px; }
.legend .hb { color: var(--hb); }
.legend .wait { color: var(--warn); }
.setup ol { margin: 4px 0; padding-left: 24px; font: 12px var(--mono); }
main { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 16px; padding: 16px 24px; }
.trace { flex: 0 0 auto; width: min-content; max-width: 100%; overflow-x: auto; }
.timeline { position: relative; }
.lane {
  position: absolute;
  top: 0;
  bottom: 0;
  background: var(--lane);
  border-left: 1px solid var(--line);
  border-right: 1px solid var(--line);
}
.lane-head {
  position: absolute;
  top: 0;
  display: flex;
  align-items: center;
  justify-content: center;
  font-weight: 600;
  color: var(--thread);
  border-bottom: 1px solid var(--line);
}
.gutter-head, .row-number {
  position: absolute;
  left: 0;
  display: flex;
  align-items: center;
  justify-content: center;
  color: var(--dim);
  font-size: 12px;
}
.gutter-head { top: 0; }
.blocked { position: absolute; width: 0; border-left: 2px dashed var(--warn); opacity: 0.6; }
.step, .wake {
  position: absolute;
  display: flex;
  flex-direction: column;
  justify-content: center;
  gap: 1px;
  padding: 4px 10px;
  text-align: left;
  font: 12px/16px var(--mono);
  color: var(--ink);
  border-radius: 6px;
  cursor: pointer;
  overflow: hidden;
}
.step {
  background: var(--box);
  border: 1px solid #8c959f;
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.08);
}
.step.last { border: 2px solid var(--fail); }
.step[aria-pressed="true"], .wake[aria-pressed="true"] {
  outline: 3px solid var(--thread);
  outline-offset: 1px;
}
.wake { background: #faf6fd; border: 1px dashed var(--hb); color: var(--hb); }
.step span, .wake span {
  display: block;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.result { color: var(--dim); }
.outcome-blocked { color: var(--warn); }
.outcome-unsupported, .outcome-panic, .stop { color: var(--fail); }
.wake .label { color: var(--dim); }
.arrows {
  position: absolute;
  inset: 0;
  width: 100%;
  height: 100%;
  pointer-events: none;
  overflow: visible;
}
.arrows .hb {
  fill: none;
  stroke: var(--hb);
  stroke-width: 2;
  opacity: 0.75;
  pointer-events: stroke;
}
.arrows marker path { fill: var(--hb); }
.panel {
  flex: 1 1 360px;
  max-width: 520px;
  position: sticky;
  top: 16px;
  max-height: calc(100vh - 32px);
  overflow-y: auto;
  padding: 12px 16px;
  border: 1px solid var(--line);
  border-radius: 8px;
  background: #fff;
}
.panel .hint { color: var(--dim); margin: 0; }
.panel h2 { margin: 0 0 8px; font-size: 14px; font-family: var(--mono); }
.panel h3 {
  margin: 12px 0 4px;
  font-size: 13px;
  color: var(--dim);
  text-transform: uppercase;
  letter-spacing: 0.04em;
}
.panel h4 { margin: 8px 0 2px; font-size: 13px; font-family: var(--mono); }
.panel table { border-collapse: collapse; width: 100%; font: 12px var(--mono); }
.panel th {
  text-align: left;
  color: var(--dim);
  font-weight: normal;
  border-bottom: 1px solid var(--line);
}
.panel td, .panel th { padding: 2px 6px 2px 0; vertical-align: top; }
.panel td:first-child, .panel td:last-child { white-space: nowrap; }
.panel dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0 12px;
  margin: 0 0 4px;
  font: 12px var(--mono);
}
.panel dt { color: var(--dim); }
.panel dd { margin: 0; }
.panel h5 { margin: 0; font: 600 12px var(--mono); }
.panel .interest { margin: 4px 0 4px 12px; padding-left: 8px; border-left: 2px solid var(--line); }
.panel .freed, .panel .none { font: 12px var(--mono); color: var(--dim); margin: 4px 0; }
`;
