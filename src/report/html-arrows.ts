import type { ThreadId } from '../kernel/index.js';
import { threadName, type CounterexampleView } from './counterexample.js';
import { happensBefore } from './happens-before.js';
import { escapeHtml } from './html-escape.js';
import { arrowPath, cellBox } from './html-layout.js';
import { formatKey } from './kernel-view.js';

/**
 * The happens-before arrows as one SVG over the timeline: from the step whose edge made an
 * interest ready to the box where a thread took that event (its own step, or the wakeup marker
 * in its lane). `lane` gives a thread's column.
 */
export function arrowsSvg(view: CounterexampleView, lane: (t: ThreadId) => number): string {
  const { transitions } = view.trace;
  const paths = happensBefore(view).map((hb) => {
    const source = transitions[hb.from ?? -1];
    const from =
      hb.from === null || source === undefined ? null : cellBox(lane(source.thread), hb.from);
    const to = cellBox(lane(hb.thread), hb.to);
    const who = threadName(view.model, hb.thread);
    const where = hb.from === null ? 'during the setup' : `in step ${hb.from + 1}`;
    const title =
      `edge on (${formatKey(hb.key)}) ${where} happens before ${who} takes it in ` +
      `step ${hb.to + 1}`;
    return (
      `<path class="hb" d="${arrowPath(from, to)}" marker-end="url(#hb-head)">` +
      `<title>${escapeHtml(title)}</title></path>`
    );
  });
  return [
    '<svg class="arrows" aria-hidden="true">',
    '<defs><marker id="hb-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" ' +
      'markerHeight="7" orient="auto-start-reverse">' +
      '<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ...paths,
    '</svg>',
  ].join('\n');
}
