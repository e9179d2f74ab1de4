import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; the HTML report is rendered with it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and quiet: no sandbox (CI runs as root), no GPU, and no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * Launches the system's Chromium through playwright-core, which never downloads a browser of its
 * own. Throws, saying how to install it, when Debian's `chromium` package is missing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; install Debian's package with ` +
        '`apt-get update && apt-get install -y --no-install-recommends chromium` (as .ci/run does)',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], headless: true });
}
