import type { ThreadId } from '../kernel/index.js';
import type { Transition } from '../machine/index.js';
import { laneThreads, threadName, type CounterexampleView } from './counterexample.js';
import { GLYPHS } from './glyphs.js';
import { arrowsSvg } from './html-arrows.js';
import { escapeHtml } from './html-escape.js';
import { cellBox, LAYOUT, timelineSize, type Box } from './html-layout.js';
import { stepCall, stepLine, stepResult } from './step-text.js';
import { formatResult } from './values.js';

/**
 * The timeline: a lane per thread headed by its name, a numbered row per step, the step's box in
 * its thread's lane, a wakeup marker in each woken thread's lane, a dashed line down a lane
 * while its thread is blocked, and the happens-before arrows over it all.
 */
export function lanesHtml(view: CounterexampleView): string {
  const { model, trace } = view;
  const lanes = laneThreads(view);
  const lane = (t: ThreadId): number => Math.max(0, lanes.indexOf(t));
  const size = timelineSize(lanes.length, trace.transitions.length);
  const parts: string[] = [
    `<div class="timeline" style="width:${size.w}px;height:${size.h}px">`,
    `<div class="gutter-head" style="width:${LAYOUT.gutter}px;height:${LAYOUT.head}px">step</div>`,
  ];
  lanes.forEach((t, l) => {
    const x = LAYOUT.gutter + l * LAYOUT.lane;
    parts.push(
      `<div class="lane" style="left:${x}px;width:${LAYOUT.lane}px"></div>`,
      `<div class="lane-head" ` +
        `style="left:${x}px;width:${LAYOUT.lane}px;height:${LAYOUT.head}px">` +
        `${escapeHtml(threadName(model, t))}</div>`,
    );
  });
  parts.push(...blockedLines(view, lanes));
  const last = trace.transitions.length - 1;
  trace.transitions.forEach((t, i) => {
    const y = LAYOUT.head + i * LAYOUT.row;
    parts.push(
      `<div class="row-number" ` +
        `style="top:${y}px;width:${LAYOUT.gutter}px;height:${LAYOUT.row}px">${i + 1}</div>`,
      stepBox(view, t, i, cellBox(lane(t.thread), i), i === last && view.violation !== null),
      ...t.wakeups.map((w) => {
        const text =
          `${GLYPHS.wake} ${w.reason === 'ready' ? 'woken' : 'unblocked'} by step ` + `${i + 1}`;
        const title = `${threadName(model, w.thread)}: ${text}, ${formatResult(w.result)}`;
        return (
          `<button class="wake" data-step="${i + 1}" style="${at(cellBox(lane(w.thread), i))}" ` +
          `title="${escapeHtml(title)}">` +
          `<span class="label">${escapeHtml(text)}</span>` +
          `<span class="events">${escapeHtml(formatResult(w.result))}</span>` +
          stopNote(view, t, w.thread) +
          '</button>'
        );
      }),
    );
  });
  parts.push(arrowsSvg(view, lane), '</div>');
  return parts.join('\n');
}

function stepBox(
  view: CounterexampleView,
  t: Transition,
  i: number,
  box: Box,
  last: boolean,
): string {
  const result = stepResult(t);
  const kind = t.choice.kind === 'timeout' ? 'returned' : t.outcome.kind;
  const title = `${i + 1}. ${threadName(view.model, t.thread)}: ${stepLine(t)}`;
  return (
    `<button class="step${last ? ' last' : ''}" data-step="${i + 1}" style="${at(box)}" ` +
    `title="${escapeHtml(title)}">` +
    `<span class="call">${escapeHtml(stepCall(t))}</span>` +
    (result === '' ? '' : `<span class="result outcome-${kind}">${escapeHtml(result)}</span>`) +
    stopNote(view, t, t.thread) +
    '</button>'
  );
}

/** What went wrong in this step for thread `thread`: a failed assertion or a data race. */
function stopNote(view: CounterexampleView, t: Transition, thread: number): string {
  if (t.stop?.kind === 'assertion' && t.stop.thread === thread) {
    return `<span class="stop">${GLYPHS.fail} assertion at ${escapeHtml(t.stop.label)}</span>`;
  }
  if (t.race !== null && t.thread === thread) {
    const other = threadName(view.model, t.race.other);
    const text = `${GLYPHS.fail} races with ${other}'s ${t.race.otherAccess} of ${t.race.variable}`;
    return `<span class="stop">${escapeHtml(text)}</span>`;
  }
  return '';
}

/** A dashed line down a lane through every row after which its thread is blocked. */
function blockedLines(view: CounterexampleView, lanes: readonly ThreadId[]): string[] {
  const lines: string[] = [];
  view.trace.states.forEach((state, i) => {
    lanes.forEach((t, l) => {
      if (state.threads[t]?.status !== 'blocked') return;
      const x = LAYOUT.gutter + l * LAYOUT.lane + LAYOUT.lane / 2;
      const y = LAYOUT.head + i * LAYOUT.row + LAYOUT.row / 2;
      const title = `${threadName(view.model, t)} is blocked after step ${i + 1}`;
      lines.push(
        `<div class="blocked" style="left:${x}px;top:${y}px;height:${LAYOUT.row}px" ` +
          `title="${escapeHtml(title)}"></div>`,
      );
    });
  });
  return lines;
}

function at(box: Box): string {
  return `left:${box.x}px;top:${box.y}px;width:${box.w}px;height:${box.h}px`;
}
