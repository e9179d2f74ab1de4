import anyTest, { type TestFn } from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { bundledView } from '../../scripts/bundled-view.js';
import { launchChromium } from '../../scripts/chromium.js';
import { model } from '../../src/index.js';
import { toHtml, type CounterexampleView } from '../../src/report/index.js';
import { viewOf } from './fixture.js';

interface Context {
  readonly browser: Browser;
  readonly dir: string;
  readonly view: CounterexampleView;
}

const test = anyTest as TestFn<Context>;

// Without Chromium every test here fails with the launcher's message, which says how to install it.
test.before(async (t) => {
  t.context = {
    browser: await launchChromium(),
    dir: await mkdtemp(join(tmpdir(), 'weft-html-')),
    view: await bundledView('close-epoll-while-waiting'),
  };
});

test.after.always(async (t) => {
  // The context is empty when the launch failed; there is nothing to close then.
  const context = t.context as Partial<Context>;
  await context.browser?.close();
  if (context.dir !== undefined) await rm(context.dir, { recursive: true, force: true });
});

/** Writes the report to a file of its own and opens it; also lists every URL the page asked for. */
async function open(
  t: { context: Context; title: string },
  view: CounterexampleView,
): Promise<{ page: Page; requests: string[] }> {
  const file = join(t.context.dir, `${t.title.replace(/\W+/g, '-')}.html`);
  await writeFile(file, toHtml(view));
  const page = await t.context.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests };
}

test('the report shows a lane per thread, a box per step and the violation', async (t) => {
  const { page } = await open(t, t.context.view);
  t.deepEqual(await page.locator('.lane-head').allTextContents(), ['waiter', 'closer']);
  t.is(await page.locator('.step').count(), t.context.view.trace.transitions.length);
  const alert = page.getByRole('alert');
  t.true(await alert.isVisible());
  t.is(
    await alert.textContent(),
    'violation of interest-table-consistent: the interest table lists epoll 5 for description 3, but that epoll was freed',
  );
  t.true(await page.getByText(`weft replay models/close-epoll-while-waiting.ts`).isVisible());
});

test('clicking step 2 shows the kernel state after it in the panel', async (t) => {
  const { page } = await open(t, t.context.view);
  t.true(await page.locator('#hint').isVisible());
  t.is(await page.locator('.state:visible').count(), 0);

  await page.locator('.step[data-step="2"]').click();
  const shown = page.locator('.state:visible');
  t.is(await shown.count(), 1);
  t.is(await shown.locator('h2').textContent(), 'After step 2: closer close(5) → 0');
  const epoll = shown.locator('.description', { hasText: 'epoll (id 5)' });
  t.is(await epoll.locator('dt:text-is("wait queue") + dd').textContent(), 'waiter');
  t.is(await epoll.locator('dt:text-is("refs") + dd').textContent(), '1');
  const fds = await shown.locator('table').nth(1).locator('tbody tr').allTextContents();
  t.false(
    fds.some((row) => row.startsWith('5')),
    'fd 5 is closed',
  );
  t.false(await page.locator('#hint').isVisible());
});

test('the wakeup sits in the woken lane with an arrow from the step that made the edge', async (t) => {
  const { page } = await open(t, t.context.view);
  const lane = await page.locator('.lane-head', { hasText: 'waiter' }).boundingBox();
  const wake = await page.locator('.wake').boundingBox();
  const write = await page.locator('.step[data-step="3"]').boundingBox();
  const arrow = await page.locator('.arrows path.hb').boundingBox();
  if (lane === null || wake === null || write === null || arrow === null)
    return t.fail('not drawn');
  t.true(wake.x >= lane.x && wake.x + wake.width <= lane.x + lane.width);
  t.is(await page.locator('.wake .events').textContent(), '1 [EPOLLIN data 0]');
  // The arrow runs from the write's box to the marker; its head may reach a few pixels past.
  t.true(arrow.x >= wake.x + wake.width - 6 && arrow.x + arrow.width <= write.x + 6);
});

test('the report loads nothing but its own file', async (t) => {
  const { page, requests } = await open(t, t.context.view);
  await page.locator('.step[data-step="1"]').click();
  t.deepEqual(
    requests.filter((url) => !url.startsWith('file:')),
    [],
  );
});

test('names and messages from the model show as text, never as markup', async (t) => {
  const name = '<img/src=x/onerror=document.title=1>';
  const hostile = model('hostile', (m) => {
    m.thread(name, (a) => {
      a.eventfd();
      a.assert(false, '</script><b>bold</b> & "quoted"');
    });
  });
  const { page } = await open(t, viewOf(hostile));
  t.deepEqual(await page.locator('.lane-head').allTextContents(), [name]);
  t.regex(
    (await page.getByRole('alert').textContent()) ?? '',
    /<\/script><b>bold<\/b> & "quoted"$/,
  );
  t.is(await page.locator('img, b').count(), 0);
  t.is(await page.title(), 'weft: hostile');
});
