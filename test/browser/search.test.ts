// Search and filters on the home page, in Debian's Chromium, as a reader uses
// them: the example board is built with a fixed date, served from 127.0.0.1,
// and every expectation is worked out from the board's own jobs.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Posting } from '../../src/posting.ts';
import { loadCurrencyRates } from '../../src/render/search/currency-rates.ts';
import { yearlySalary } from '../../src/render/search/yearly-salary.ts';
import { visibleIds } from './browser-helpers.ts';
import { launchChromium, skipBrowserTestsReason } from './chromium.ts';
import { buildExampleBoard, type ExampleBoard } from './example-board.ts';
import { planSearchShards } from '../../src/render/search/plan-search-shards.ts';

const skipReason = skipBrowserTestsReason();
if (skipReason) console.warn(skipReason);

/** A word of one posting's body that is in no card: only the full-text index can find it. */
const BODY_WORD = 'underwriting';
const BODY_WORD_POSTING = 'fernhill-insurance-head-of-product';

const RATES = loadCurrencyRates().rates;

/** The top of a posting's salary range as a yearly figure in `currency`, or null when it has none or it cannot be converted. */
function yearlyIn(posting: Posting, currency: string): number | null {
  const yearly = yearlySalary(posting.salary);
  if (yearly === null) return null;
  if (yearly.currency === currency) return yearly.max;
  const from = RATES.get(yearly.currency);
  const to = RATES.get(currency);
  return from && to ? (yearly.max / from) * to : null;
}

describe.skipIf(skipReason !== null)('search and filters on the home page', () => {
  let board: ExampleBoard;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [board, browser] = await Promise.all([buildExampleBoard(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await board?.dispose();
  });

  const openHome = async (query = '') => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(board.url(query));
    await page.locator('#job-search').waitFor({ state: 'visible' });
  };
  const status = () => page.locator('#search-status').textContent();
  const searchParams = () => Object.fromEntries(new URL(page.url()).searchParams);
  const allIds = () => board.open.map((posting) => posting.id);

  it('lists every open posting, newest first, and shows the search form', async () => {
    await openHome();
    expect(board.open.length).toBeGreaterThan(20);
    expect(await visibleIds(page)).toEqual(allIds());
    expect(await status()).toBe(`${board.open.length} open positions`);
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
  });

  it('lists every open posting without JavaScript, with no form that could not work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(board.url());
    expect(await visibleIds(noScript)).toEqual(allIds());
    expect(await noScript.locator('#job-search').isVisible()).toBe(false);
    await noScript.goto(board.url('countries/de/'));
    expect(await noScript.locator('.job-list > li').count()).toBe(board.open.filter((posting) => posting.location.countries.includes('DE')).length);
    await context.close();
  });

  it('finds a posting by a word of its body as the reader types, through the search index, loaded only then', async () => {
    await openHome();
    const before = board.server.requests.length;
    await page.waitForLoadState('networkidle');
    expect(board.server.requests.slice(before).some((request) => request.startsWith('/pagefind/')), 'index loaded before any search').toBe(false);
    const card = page.locator(`[data-id="${BODY_WORD_POSTING}"]`);
    expect((await card.textContent())?.toLowerCase()).not.toContain(BODY_WORD);

    const historyLength = () => page.evaluate(() => (globalThis as any).history.length as number);
    const entriesBefore = await historyLength();
    await page.locator('#search-q').pressSequentially(BODY_WORD, { delay: 15 });
    await expect.poll(() => visibleIds(page)).toEqual([BODY_WORD_POSTING]);
    expect(await status()).toBe(`1 of ${board.open.length} open positions`);
    expect(searchParams()).toEqual({ q: BODY_WORD });
    expect(board.server.requests.some((request) => /^\/pagefind\/(?:[0-9a-f]{12}\/)?index\/.+\.pf_index$/.test(request))).toBe(true);
    // One history entry for the word typed, not one per letter: Back leaves the search.
    expect(await historyLength()).toBe(entriesBefore + 1);
    await page.goBack();
    await expect.poll(() => visibleIds(page)).toEqual(allIds());
    expect(await page.locator('#search-q').inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => visibleIds(page)).toEqual([BODY_WORD_POSTING]);
    expect(await page.locator('#search-q').inputValue()).toBe(BODY_WORD);

    // Words of the title and company are searched too; all words must match.
    await page.locator('#search-q').fill('kotlin');
    await expect.poll(() => visibleIds(page)).toContain('tannenberg-mobility-backend-engineer-kotlin');
    await page.locator('#search-q').fill('kotlin tannenberg');
    await expect.poll(() => visibleIds(page)).toEqual(['tannenberg-mobility-backend-engineer-kotlin']);
    await page.locator('#search-q').fill('qqqzzzxxy');
    await expect.poll(() => visibleIds(page)).toEqual([]);
    expect(await page.locator('#search-empty').isVisible()).toBe(true);
    await page.locator('#search-clear').click();
    await expect.poll(() => visibleIds(page)).toEqual(allIds());
    expect(searchParams()).toEqual({});
  });

  it('still searches the cards’ own text when the index cannot be loaded (a page opened from disk)', async () => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(board.url());
    await page.locator('#job-search').waitFor({ state: 'visible' });
    await page.locator('#search-q').fill('tannenberg kotlin');
    await expect.poll(() => visibleIds(page)).toEqual(['tannenberg-mobility-backend-engineer-kotlin']);
    await page.locator('#search-q').fill(BODY_WORD);
    await expect.poll(() => visibleIds(page)).toEqual([]);
  });

  it('shows for a country the postings open to it and the worldwide ones; the address keeps it through reload and Back', async () => {
    await openHome();
    const worldwide = board.open.filter((posting) => posting.location.worldwide).map((posting) => posting.id);
    expect(worldwide.length).toBeGreaterThan(0);
    const expected = board.open.filter((posting) => posting.location.countries.includes('DE') || posting.location.worldwide).map((posting) => posting.id);
    expect(expected.length).toBeLessThan(board.open.length);

    await page.locator('#search-country').selectOption({ label: 'Germany' });
    await expect.poll(() => visibleIds(page)).toEqual(expected);
    expect(searchParams()).toEqual({ country: 'de' });
    expect(await status()).toBe(`${expected.length} of ${board.open.length} open positions`);

    await page.reload();
    await page.locator('#job-search').waitFor({ state: 'visible' });
    expect(await page.locator('#search-country').inputValue()).toBe('de');
    await expect.poll(() => visibleIds(page)).toEqual(expected);

    await page.locator('#search-remote').selectOption('hybrid');
    const hybrid = expected.filter((id) => board.open.find((posting) => posting.id === id)?.location.remote === 'hybrid');
    await expect.poll(() => visibleIds(page)).toEqual(hybrid);
    expect(searchParams()).toEqual({ country: 'de', remote: 'hybrid' });

    await page.goBack();
    await expect.poll(() => searchParams()).toEqual({ country: 'de' });
    expect(await page.locator('#search-remote').inputValue()).toBe('');
    await expect.poll(() => visibleIds(page)).toEqual(expected);

    await page.goBack();
    await expect.poll(() => searchParams()).toEqual({});
    expect(await page.locator('#search-country').inputValue()).toBe('');
    await expect.poll(() => visibleIds(page)).toEqual(allIds());

    await page.locator('#search-country').selectOption('worldwide');
    await expect.poll(() => visibleIds(page)).toEqual(worldwide);
  });

  it('opens a shared address with its filters applied, and ignores values it does not offer', async () => {
    await openHome('?tag=kotlin&type=FULL_TIME&country=zz');
    const expected = board.open.filter((posting) => posting.tags.includes('kotlin') && posting.employmentType === 'FULL_TIME').map((posting) => posting.id);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => visibleIds(page)).toEqual(expected);
    expect(await page.locator('#search-country').inputValue()).toBe('');
    expect(await page.locator('#search-filters').getAttribute('open')).not.toBeNull();

    await page.goto(board.url('?company=larchmont-labs'));
    const larchmont = board.open.filter((posting) => posting.company.name === 'Larchmont Labs').map((posting) => posting.id);
    expect(larchmont.length).toBeGreaterThan(0);
    await expect.poll(() => visibleIds(page)).toEqual(larchmont);
    expect(await page.locator('#search-company option:checked').textContent()).toBe('Larchmont Labs');
  });

  it('hides postings below a minimum salary, counting every period as a year and converting currencies', async () => {
    await openHome();
    const expectedAtLeast = (minimum: number, currency: string, hideWithout: boolean) =>
      board.open
        .filter((posting) => {
          const yearly = yearlyIn(posting, currency);
          return yearly === null ? !hideWithout && posting.salary === null : yearly >= minimum;
        })
        .map((posting) => posting.id);

    await page.locator('#search-currency').selectOption('EUR');
    await page.locator('#search-min').fill('90000');
    await expect.poll(() => visibleIds(page)).toEqual(expectedAtLeast(90_000, 'EUR', false));
    expect(searchParams()).toEqual({ min: '90000' });
    const visible = await visibleIds(page);
    expect(visible.length).toBeLessThan(board.open.length);
    // 4,500 € a month is 54,000 € a year: below.
    expect(visible).not.toContain('feldhaus-logistik-frontend-entwickler-typescript');
    // 45 US$ an hour is 93,600 US$ a year, about 90,100 €: above.
    expect(visible).toContain('quillpoint-technical-writer-developer-docs');
    // Postings without a salary stay until the reader hides them.
    const unpaid = board.open.filter((posting) => posting.salary === null).map((posting) => posting.id);
    expect(unpaid.length).toBeGreaterThan(0);
    for (const id of unpaid) expect(visible).toContain(id);

    await page.locator('#search-salaried').check();
    await expect.poll(() => visibleIds(page)).toEqual(expectedAtLeast(90_000, 'EUR', true));
    for (const id of unpaid) expect(await visibleIds(page)).not.toContain(id);
    expect(searchParams()).toEqual({ min: '90000', salaried: '1' });

    await page.locator('#search-min').fill('95000');
    await expect.poll(() => visibleIds(page)).not.toContain('quillpoint-technical-writer-developer-docs');
    expect(await visibleIds(page)).toEqual(expectedAtLeast(95_000, 'EUR', true));

    // In US dollars the hourly contract (93,600 US$ a year) is still below 95,000, and reaches 93,600.
    await page.locator('#search-currency').selectOption('USD');
    await expect.poll(() => visibleIds(page)).toEqual(expectedAtLeast(95_000, 'USD', true));
    expect(await visibleIds(page)).not.toContain('quillpoint-technical-writer-developer-docs');
    expect(searchParams()).toEqual({ min: '95000', currency: 'USD', salaried: '1' });
    await page.locator('#search-min').fill('93600');
    await expect.poll(() => visibleIds(page)).toContain('quillpoint-technical-writer-developer-docs');
  });

  it('sorts by the top of the salary range, in one currency, postings without a salary last', async () => {
    await openHome('?sort=salary&currency=EUR');
    const expected = board.open
      .map((posting, index) => ({ id: posting.id, salary: yearlyIn(posting, 'EUR') ?? -1, index }))
      .sort((a, b) => b.salary - a.salary || a.index - b.index)
      .map(({ id }) => id);
    await expect.poll(() => visibleIds(page)).toEqual(expected);
    await page.locator('#search-sort').selectOption('');
    await expect.poll(() => visibleIds(page)).toEqual(allIds());
  });
});

// The example board is small enough for one shard of the index; built here in
// shards of a few postings, as a board of thousands is, search must still find
// the postings of every shard: the script merges them into the first.
describe.skipIf(skipReason !== null)('search over an index in shards', () => {
  const SIZES = { boundaryOdds: 3, min: 2, max: 5 };
  let board: ExampleBoard;
  let browser: Browser;

  beforeAll(async () => {
    [board, browser] = await Promise.all([buildExampleBoard({ searchShardSizes: SIZES }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await board?.dispose();
  });

  it('finds a posting of each shard by a word only its body has, loading every shard', async () => {
    const shards = planSearchShards(board.open, 'pagefind', SIZES);
    expect(shards.length).toBeGreaterThanOrEqual(4);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => failures.push(request.url()));
    await page.goto(board.url());
    await page.locator('#job-search').waitFor({ state: 'visible' });
    // Words in no card: the script's fallback (the cards' own text) cannot find them, only the index can.
    const cardText = ((await page.locator('#search-results').textContent()) ?? '').toLowerCase();
    for (const shard of shards) {
      const posting = shard.members.find((member) => bodyOnlyWord(member, cardText) !== undefined);
      expect(posting, `a posting of ${shard.folder} with a word only its body has`).toBeDefined();
      const word = bodyOnlyWord(posting!, cardText)!;
      await page.locator('#search-q').fill(word);
      // Every card shows until a search has answered: wait for an answer that is a choice.
      const answer = async () => {
        const ids = await visibleIds(page);
        return ids.length < board.open.length && ids.includes(posting!.id);
      };
      await expect.poll(answer, { message: `${word} (${shard.folder})` }).toBe(true);
      await page.locator('#search-q').fill('');
      await expect.poll(async () => (await visibleIds(page)).length).toBe(board.open.length);
    }
    const loaded = new Set(board.server.requests.flatMap((request) => /^\/(pagefind\/[0-9a-f]{12})\/pagefind-entry\.json/.exec(request)?.[1] ?? []));
    expect([...loaded].sort()).toEqual(shards.map((shard) => shard.folder).sort());
    expect(failures).toEqual([]);
    await page.close();
  });
});

/** A longer word of the posting's body that no card on the home page shows. */
function bodyOnlyWord(posting: Posting, cardText: string): string | undefined {
  const words = posting.contentHtml.replace(/<[^>]*>/g, ' ').toLowerCase().split(/[^a-z]+/);
  return words.find((word) => word.length >= 8 && !cardText.includes(word.slice(0, 6)));
}
