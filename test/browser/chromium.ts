// Debian's Chromium, driven by playwright-core: never a downloaded browser.
// Without /usr/bin/chromium the browser tests are skipped on a developer's
// machine (with the reason printed) but fail in CI, where .ci/run installs it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they must. */
export function skipBrowserTestsReason(): string | null {
  if (existsSync(CHROMIUM_PATH) || process.env['CI']) return null;
  return `${CHROMIUM_PATH} is missing: skipping the browser tests (install Debian's chromium package to run them; in CI they always run).`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
