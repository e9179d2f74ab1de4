/**
 * Renders the HTML report of a bundled model's counterexample in headless Chromium, with its
 * second step chosen, and saves a picture of it: `npx tsx scripts/screenshot.ts [model] [png]`,
 * by default `close-epoll-while-waiting` into `docs/report.png`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toHtml } from '../src/report/index.js';
import { bundledView } from './bundled-view.js';
import { launchChromium } from './chromium.js';

const name = process.argv[2] ?? 'close-epoll-while-waiting';
const out = process.argv[3] ?? fileURLToPath(new URL('../docs/report.png', import.meta.url));

const dir = await mkdtemp(join(tmpdir(), 'weft-report-'));
const file = join(dir, 'report.html');
await writeFile(file, toHtml(await bundledView(name)));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
  await page.goto(pathToFileURL(file).href);
  await page.click('.step[data-step="2"]');
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`saved ${out}\n`);
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
