import { threadName, type CounterexampleView } from './counterexample.js';
import { escapeHtml } from './html-escape.js';
import { kernelView, type DescriptionView, type KernelView } from './kernel-view.js';
import { stepLine } from './step-text.js';

/**
 * The side panel: a hint until a step is chosen, then the kernel state after that step (fd
 * table, file descriptions with their interests, ready set and wait queue, the interest table,
 * the threads with their clocks, the shared variables). Every step's state is written out here,
 * hidden, and the page's script shows the one that is clicked.
 */
export function panelHtml(view: CounterexampleView): string {
  const { model, trace } = view;
  const sections = trace.transitions.map((t, i) => {
    const state = trace.states[i];
    if (state === undefined) return '';
    const heading = `After step ${i + 1}: ${threadName(model, t.thread)} ${stepLine(t)}`;
    return [
      `<section class="state" data-step="${i + 1}" hidden>`,
      `<h2>${escapeHtml(heading)}</h2>`,
      stateHtml(kernelView(model, state)),
      '</section>',
    ].join('\n');
  });
  return [
    '<aside class="panel" aria-live="polite">',
    '<p class="hint" id="hint">Click a step to see the kernel state after it.</p>',
    ...sections,
    '</aside>',
  ].join('\n');
}

function stateHtml(k: KernelView): string {
  const parts = [
    '<h3>Threads</h3>',
    table(
      ['thread', 'status', 'clock'],
      k.threads.map((t) => [
        t.name,
        t.blocked === null ? t.status : `blocked in ${t.blocked}`,
        t.clock,
      ]),
    ),
    '<h3>File descriptors</h3>',
    table(
      ['fd', 'file description'],
      k.fds.map((f) => [String(f.fd), f.description]),
    ),
    '<h3>File descriptions</h3>',
    ...k.descriptions.map(descriptionHtml),
  ];
  if (k.freed.length > 0)
    parts.push(
      `<p class="freed">freed: ${escapeHtml(k.freed.map((id) => `id ${id}`).join(', '))}</p>`,
    );
  parts.push(
    '<h3>Interest table</h3>',
    k.interestTable.length === 0
      ? '<p class="none">empty</p>'
      : table(
          ['watched', 'epolls'],
          k.interestTable.map((e) => [e.watched, e.epolls]),
        ),
  );
  if (k.variables.length > 0) {
    parts.push(
      '<h3>Shared variables</h3>',
      table(
        ['variable', 'value'],
        k.variables.map((v) => [v.name, v.value]),
      ),
    );
  }
  return parts.join('\n');
}

function descriptionHtml(d: DescriptionView): string {
  const interests = d.interests.map((i) => {
    const rows: readonly (readonly [string, string])[] = [
      ['relevant', i.relevant],
      ['active', i.active],
      ['data', i.data],
      ['clock', i.clock],
    ];
    return `<div class="interest"><h5>interest ${escapeHtml(i.key)}</h5>${pairs(rows)}</div>`;
  });
  return [
    `<div class="description" data-id="${d.id}">`,
    `<h4>${escapeHtml(d.title)}</h4>`,
    pairs(d.facts),
    ...interests,
    '</div>',
  ].join('\n');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${th}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function pairs(rows: readonly (readonly [string, string])[]): string {
  const items = rows.map(
    ([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`,
  );
  return `<dl>${items.join('')}</dl>`;
}
