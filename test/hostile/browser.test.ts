// Injection, as a browser sees it: the posting pages of a subset of the
// hostile board (every vector that carries markup, each in every text field
// and in the body), a listing page and the home page with its search script
// running, loaded in headless Chromium. No dialog may open, the `__xss`
// canary some vectors set must stay unset, no script, frame or plugin may be
// fetched from anywhere, and firing every common event on every element must
// run no handler. Skipped, with the reason printed, when playwright-core or
// /usr/bin/chromium is missing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildHostileBoard, type HostileBuild } from './hostile-board.ts';

const CHROMIUM = '/usr/bin/chromium';

function skipReason(): string | null {
  try {
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed: skipping the browser injection checks.';
  }
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: skipping the browser injection checks (install Debian's chromium package).`;
  return null;
}

const reason = skipReason();
if (reason) console.warn(reason);

// Events whose inline handlers the vectors use; fired synthetically on every element.
const EVENTS = ['click', 'dblclick', 'mouseover', 'mouseenter', 'mousemove', 'pointerover', 'focus', 'focusin', 'blur', 'error', 'load', 'toggle', 'begin', 'start', 'animationstart', 'input', 'change', 'submit', 'keydown'];

let build: HostileBuild;
let server: Server;
let origin: string;
let browser: Browser;

describe.skipIf(reason !== null)('hostile pages in Chromium', () => {
  beforeAll(async () => {
    // Vectors that carry markup or a scheme (the ones a browser could run), one in three to keep the suite fast.
    let markup = 0;
    build = await buildHostileBoard({ vectors: (vector) => /[<:&{`]|on\w+=/.test(vector.text) && markup++ % 3 === 0, fields: ['text'] });
    server = createServer((request, response) => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = path.join(build.outDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      if (!file.startsWith(build.outDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (build) rmSync(build.root, { recursive: true, force: true });
  });

  interface Visit {
    dialogs: string[];
    canary: unknown;
    /** Scripts, frames and plugins requested from anywhere but the site's own script files. */
    activeRequests: string[];
    pageErrors: string[];
  }

  async function visit(page: Page, url: string, act?: (page: Page) => Promise<void>): Promise<Visit> {
    const result: Visit = { dialogs: [], canary: undefined, activeRequests: [], pageErrors: [] };
    page.removeAllListeners('dialog');
    page.on('dialog', (dialog) => {
      result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.removeAllListeners('pageerror');
    page.on('pageerror', (error) => result.pageErrors.push(error.message));
    await page.unroute('**/*');
    await page.route('**/*', (route) => {
      const request = route.request();
      const url = request.url();
      const own = url.startsWith(origin);
      const type = request.resourceType();
      const subframe = type === 'document' && request.frame().parentFrame() !== null;
      const foreignActive = !own && ['script', 'document', 'websocket', 'eventsource', 'manifest', 'other'].includes(type);
      const ownUnexpectedScript = own && type === 'script' && !/\/(?:assets|pagefind(?:\/[0-9a-f]{12})?)\/[\w.-]+\.js$/.test(url);
      if (subframe || foreignActive || ownUnexpectedScript) result.activeRequests.push(`${type} ${url}`);
      return own ? route.fallback() : route.abort();
    });
    await page.goto(url, { waitUntil: 'load' });
    // Written loosely typed: the type-check knows Node, not the DOM.
    await page.evaluate((events: string[]) => {
      const document = (globalThis as any).document;
      const EventClass = (globalThis as any).Event;
      // Activation (following links, submitting forms) is kept from leaving the page; handlers still fire.
      const stop = (event: any) => event.preventDefault();
      document.addEventListener('click', stop, true);
      document.addEventListener('submit', stop, true);
      for (const element of Array.from(document.querySelectorAll('*')) as any[]) {
        for (const type of events) element.dispatchEvent(new EventClass(type, { bubbles: false, cancelable: true }));
        if (element.matches('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]')) element.focus();
      }
    }, EVENTS);
    if (act) await act(page);
    // Image errors and SVG animations fire after load.
    await page.waitForTimeout(100);
    result.canary = await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss);
    return result;
  }

  it('runs nothing on any posting page, whatever the vector', async () => {
    const pages = build.board.entries.map((entry) => `jobs/${entry.posting.id}/`);
    expect(pages.length).toBeGreaterThan(30);
    const failures: string[] = [];
    // A few tabs at once: most of a visit is waiting.
    const queue = [...pages];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await browser.newPage();
        for (let pagePath = queue.shift(); pagePath !== undefined; pagePath = queue.shift()) {
          const result = await visit(page, `${origin}/${pagePath}`);
          if (result.dialogs.length + result.activeRequests.length + result.pageErrors.length > 0 || result.canary !== undefined) {
            failures.push(`${pagePath}: ${JSON.stringify(result)}`);
          }
        }
        await page.close();
      }),
    );
    console.info(`Chromium: ${pages.length} hostile posting pages loaded, every element sent ${EVENTS.length} events; no script ran.`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('runs nothing on a listing page or on the home page while searching for the vectors', async () => {
    const page = await browser.newPage();
    const listing = build.files.find((file) => /^companies\/[^/]+\/index\.html$/.test(file))!;
    const failures: string[] = [];
    const listingVisit = await visit(page, `${origin}/${listing.replace(/index\.html$/, '')}`);
    if (listingVisit.dialogs.length + listingVisit.activeRequests.length + listingVisit.pageErrors.length > 0 || listingVisit.canary !== undefined) failures.push(`${listing}: ${JSON.stringify(listingVisit)}`);

    const queries = ['<img src=x onerror=alert(1)>', 'script', 'javascript:alert(1)', '"><svg onload=alert(1)>', '{{7*7}}'];
    const home = await visit(page, `${origin}/`, async (current) => {
      const search = current.locator('#search-q');
      if ((await search.count()) === 0 || !(await search.isVisible())) return;
      for (const query of queries) {
        await search.fill(query);
        await current.waitForTimeout(300);
      }
    });
    if (home.dialogs.length + home.activeRequests.length + home.pageErrors.length > 0 || home.canary !== undefined) failures.push(`index.html: ${JSON.stringify(home)}`);
    await page.close();
    expect(failures).toEqual([]);
  }, 60_000);

  it('does notice a script that runs (the checks above can fail)', async () => {
    const page = await browser.newPage();
    await page.route('**/canary.html', (route) => route.fulfill({ contentType: 'text/html', body: '<img src=x onerror="alert(1)"><p onmouseover="__xss=1">x</p>' }));
    const result = await visit(page, `${origin}/canary.html`);
    await page.close();
    expect(result.dialogs.length).toBeGreaterThan(0);
    expect(result.dialogs[0]).toBe('alert: 1');
    expect(result.canary).toBe(1);
  });
});
