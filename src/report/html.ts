import { threadId } from '../kernel/index.js';
import { threadName, type CounterexampleView } from './counterexample.js';
import { escapeHtml } from './html-escape.js';
import { lanesHtml } from './html-lanes.js';
import { panelHtml } from './html-panel.js';
import { HTML_SCRIPT } from './html-script.js';
import { HTML_STYLE } from './html-style.js';
import { stepLine } from './step-text.js';

/**
 * A counterexample as one self-contained HTML page (inline style and script; it loads nothing):
 * a header with the model, the violation and the replay command; the timeline with a lane per
 * thread, a box per step, the wakeups and the happens-before arrows; and a side panel with the
 * kernel state after the step the reader clicks.
 */
export function toHtml(view: CounterexampleView): string {
  const { model, trace } = view;
  const steps = trace.transitions.length;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`weft: ${model.name}`)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(model.name)}</h1>`,
    model.description === '' ? '' : `<p class="description">${escapeHtml(model.description)}</p>`,
    violationHtml(view),
    view.replay === null
      ? ''
      : `<p class="replay">replay: <code>${escapeHtml(view.replay)}</code></p>`,
    '<details class="setup" open>',
    `<summary>${steps} step${steps === 1 ? '' : 's'} after a setup of ${trace.setup.length} by ` +
      `${escapeHtml(threadName(model, threadId(0)))}</summary>`,
    `<ol>${trace.setup.map((t) => `<li>${escapeHtml(stepLine(t))}</li>`).join('')}</ol>`,
    '</details>',
    '</header>',
    '<main>',
    `<section class="trace">\n${lanesHtml(view)}\n${LEGEND}\n</section>`,
    panelHtml(view),
    '</main>',
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

const LEGEND =
  '<p class="legend"><span class="hb">purple arrow: happens before (an edge, to the step that ' +
  'takes its event)</span> · <span class="wait">dashed line: blocked</span> · click a step for ' +
  'the kernel state after it</p>';

function violationHtml(view: CounterexampleView): string {
  if (view.violation === null) return '';
  const { property, message } = view.violation;
  return (
    `<p class="violation" role="alert"><span class="property">violation of ` +
    `${escapeHtml(property)}</span>: ` +
    `${escapeHtml(message)}</p>`
  );
}
