/**
 * The report's script: clicking a step (or a wakeup marker) shows the kernel state after it in
 * the side panel; the up and down arrow keys move to the step before or after.
 */
export const HTML_SCRIPT = `
(() => {
  const boxes = [...document.querySelectorAll('.step, .wake')];
  const states = [...document.querySelectorAll('.state')];
  const hint = document.getElementById('hint');
  let current = 0;
  function select(step) {
    current = step;
    for (const s of states) s.hidden = Number(s.dataset.step) !== step;
    for (const b of boxes) b.setAttribute('aria-pressed', String(Number(b.dataset.step) === step));
    if (hint) hint.hidden = true;
  }
  for (const b of boxes) b.addEventListener('click', () => select(Number(b.dataset.step)));
  document.addEventListener('keydown', (e) => {
    const next = e.key === 'ArrowDown' ? current + 1 : e.key === 'ArrowUp' ? current - 1 : 0;
    if (next < 1 || next > states.length) return;
    e.preventDefault();
    select(next);
    document.querySelector('.step[data-step="' + next + '"]')?.focus();
  });
})();
`;
