// The board's pages in Debian's Chromium: a posting's Apply link, a closed
// posting's notice, keyboard-only use with a visible focus, axe-core in light
// and dark, what each page downloads, and screenshots for a person to look at
// (written to test-output/screenshots/).
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { focusedElement, seriousAxeViolations, tabUntil, type AxeViolation, type FocusedElement } from './browser-helpers.ts';
import { launchChromium, skipBrowserTestsReason } from './chromium.ts';
import { buildExampleBoard, type ExampleBoard } from './example-board.ts';

const skipReason = skipBrowserTestsReason();
if (skipReason) console.warn(skipReason);

const SCREENSHOTS = path.join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
const POSTING = 'monzo-senior-backend-engineer';

describe.skipIf(skipReason !== null)('the board in a browser', () => {
  let board: ExampleBoard;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    [board, browser] = await Promise.all([buildExampleBoard(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await board?.dispose();
  });

  const open = async (sitePath: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) => {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    pages.push(page);
    await page.goto(board.url(sitePath));
    return page;
  };
  afterAll(async () => {
    await Promise.all(pages.map((page) => page.close().catch(() => {})));
  });

  it('opens a posting from the list and shows its Apply link with the posting’s apply URL', async () => {
    const page = await open('');
    const posting = board.open.find((candidate) => candidate.id === POSTING)!;
    await page.locator(`[data-id="${POSTING}"] h2 a`).click();
    await page.waitForURL(`**/jobs/${POSTING}/`);
    expect(await page.locator('h1').textContent()).toBe(posting.title);
    const apply = page.getByRole('link', { name: /^Apply now/ });
    expect(await apply.count()).toBe(2);
    for (const href of await apply.evaluateAll((links: any[]) => links.map((link) => String(link.href)))) expect(href).toBe(posting.applyUrl);
    expect(await page.locator('.notice--closed').count()).toBe(0);
  });

  it('shows a closed posting as closed, with no Apply link', async () => {
    expect(board.closedIds.length).toBeGreaterThan(0);
    const page = await open(`jobs/${board.closedIds[0]}/`);
    const notice = page.locator('.notice--closed');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('This position is closed.');
    expect(await page.getByRole('link', { name: /^Apply/ }).count()).toBe(0);
  });

  it('serves the 404 page for an address that does not exist', async () => {
    const page = await browser.newPage();
    pages.push(page);
    const response = await page.goto(board.url('jobs/no-such-job/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
  });

  it('reaches the search box, every filter and the Apply button by keyboard alone, each with a visible focus', async () => {
    const home = await open('');
    await home.locator('#job-search').waitFor({ state: 'visible' });
    const controls = await home.locator('#job-search').locator('input, select, summary, button').evaluateAll((elements: any[]) =>
      elements.filter((element) => element.offsetParent !== null).map((element) => String(element.id || element.tagName.toLowerCase())),
    );
    expect(controls).toEqual(expect.arrayContaining(['search-q', 'search-country', 'search-remote', 'search-type', 'search-tag', 'search-company', 'search-min', 'search-currency', 'search-salaried', 'search-sort']));
    const reached = await tabUntil(home, (element) => element.tag === 'button');
    const byId = new Map(reached.map((element) => [element.id || element.tag, element]));
    for (const id of controls) {
      expect(byId.has(id), `Tab reaches ${id}`).toBe(true);
      expectVisibleFocus(byId.get(id)!);
    }
    // The skip link comes first, and the search box before any filter.
    expect(reached[0]?.className).toBe('skip-link');
    expect(reached.findIndex((element) => element.id === 'search-q')).toBeLessThan(reached.findIndex((element) => element.id === 'search-country'));
    // The search box takes typing, and Tab goes on to the filters.
    await home.locator('#search-q').focus();
    await home.keyboard.type('kotlin');
    await home.keyboard.press('Tab');
    expect((await focusedElement(home))?.tag).toBe('summary');

    const posting = await open(`jobs/${POSTING}/`);
    const route = await tabUntil(posting, (element) => element.className.includes('button--apply'));
    const apply = route.at(-1)!;
    expect(apply.className).toContain('button--apply');
    expect(apply.text).toMatch(/^Apply now/);
    expectVisibleFocus(apply);
    // Every element on the way showed its focus too.
    for (const element of route) expectVisibleFocus(element);
  });

  const AXE_PAGES: [string, string][] = [
    ['the home page', ''],
    ['the home page with filters and no match', '?q=qqqzzzxxy&country=de&min=50000&salaried=1'],
    ['a posting', `jobs/${POSTING}/`],
    ['a closed posting', 'CLOSED'],
    ['a country page', 'countries/de/'],
    ['the 404 page', 'no-such-page/'],
  ];
  let axePage: Page | undefined;
  it.each(AXE_PAGES)('has no serious or critical axe-core violations on %s, in light and dark', async (_name, sitePath) => {
    axePage ??= await open('');
    const page = axePage;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(board.url(sitePath === 'CLOSED' ? `jobs/${board.closedIds[0]}/` : sitePath));
    if (sitePath === '' || sitePath.startsWith('?')) await page.locator('#job-search').waitFor({ state: 'visible' });
    if (sitePath.startsWith('?')) await page.locator('#search-empty').waitFor({ state: 'visible' });
    const found: Record<string, AxeViolation[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      found[colorScheme] = await seriousAxeViolations(page);
    }
    expect(found).toEqual({ light: [], dark: [] });
  });

  it('ships no script on posting and listing pages, and on the home page only the search script until the reader searches', async () => {
    const before = board.server.requests.length;
    const [posting, listing] = await Promise.all([open(`jobs/${POSTING}/`), open('countries/de/')]);
    await Promise.all([posting.waitForLoadState('networkidle'), listing.waitForLoadState('networkidle')]);
    const loaded = board.server.requests.slice(before);
    expect(loaded.filter((request) => request.endsWith('.js') || request.startsWith('/pagefind/'))).toEqual([]);
    for (const page of [posting, listing]) {
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    }

    const homeStart = board.server.requests.length;
    const home = await open('');
    await home.waitForLoadState('networkidle');
    const homeLoaded = board.server.requests.slice(homeStart).filter((request) => request !== '/favicon.ico');
    expect(homeLoaded).toEqual(['/', '/assets/site.css', '/assets/search.js']);
    expect(await home.locator('script[src]').getAttribute('type')).toBe('module');
  });

  it('writes screenshots of the home page and a posting at 375 and 1280 px', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    // The home page as the first two screens show it (the rest is more of the same cards); postings whole.
    const shots: [name: string, sitePath: string, width: number, colorScheme: 'light' | 'dark'][] = [
      ['index-375', '', 375, 'light'],
      ['index-1280', '', 1280, 'light'],
      ['index-1280-dark', '', 1280, 'dark'],
      ['index-1280-filtered', '?country=de&min=60000&salaried=1', 1280, 'light'],
      ['posting-375', `jobs/${POSTING}/`, 375, 'light'],
      ['posting-1280', `jobs/${POSTING}/`, 1280, 'light'],
    ];
    for (const [name, sitePath, width, colorScheme] of shots) {
      const home = !sitePath.startsWith('jobs/');
      const page = await open(sitePath, { width, colorScheme });
      if (home) await page.setViewportSize({ width, height: width < 600 ? 1600 : 1400 });
      if (sitePath.startsWith('?')) await page.locator('#search-status').filter({ hasText: ' of ' }).waitFor();
      else if (home) await page.locator('#job-search').waitFor({ state: 'visible' });
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: !home });
      expect((await stat(file)).size, file).toBeGreaterThan(10_000);
    }
  });
});

function expectVisibleFocus(element: FocusedElement): void {
  expect(element.focusVisible, `${element.id || element.tag} matches :focus-visible`).toBe(true);
  expect(element.visibleFocus, `${element.id || element.tag} (${element.text}) draws a focus outline`).toBe(true);
}
