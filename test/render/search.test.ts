// The search side of the build without a browser: yearly salaries, the rates
// table, the facts each home-page card carries, the filter choices, and the
// Pagefind index (open postings only, each findable by its id).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import type { Salary } from '../../src/posting.ts';
import { loadCurrencyRates, parseCurrencyRates } from '../../src/render/search/currency-rates.ts';
import { cardFacets, withSearchView } from '../../src/render/search/search-view.ts';
import { yearlySalary } from '../../src/render/search/yearly-salary.ts';
import { buildSiteView } from '../../src/render/site/page-views.ts';
import { planSite } from '../../src/render/site/site-plan.ts';
import { FIXTURE_BUILD_DATE, FIXTURE_CONFIG, makeEntry, makePosting } from './fixture-postings.ts';

type Element = DefaultTreeAdapterMap['element'];

const salary = (min: number, max: number, currency: string, period: Salary['period']): Salary => ({ min, max, currency, period, text: `${min}` });

describe('yearlySalary', () => {
  it.each([
    ['hour', 45, 93_600],
    ['day', 500, 130_000],
    ['week', 1_000, 52_000],
    ['month', 4_500, 54_000],
    ['year', 95_000, 95_000],
  ] as const)('counts a %s as a full-time year (%d → %d)', (period, figure, yearly) => {
    expect(yearlySalary(salary(figure, figure, 'EUR', period))).toEqual({ min: yearly, max: yearly, currency: 'EUR' });
  });

  it('keeps the range and rounds to whole units', () => {
    expect(yearlySalary(salary(45.5, 52.25, 'USD', 'hour'))).toEqual({ min: 94_640, max: 108_680, currency: 'USD' });
  });

  it.each([
    ['no salary', null],
    ['an unknown period', { ...salary(1, 2, 'EUR', 'year'), period: 'constructor' }],
    ['a figure that is not a number', salary(Number.NaN, 2, 'EUR', 'year')],
    ['a negative figure', salary(-5, 2, 'EUR', 'year')],
    ['an inverted range', salary(5, 2, 'EUR', 'year')],
    ['a currency that is not a code', salary(1, 2, 'eur', 'year')],
  ])('gives nothing to compare for %s', (_name, value) => {
    expect(yearlySalary(value as Salary | null)).toBeNull();
  });

  it('never throws, whatever the record holds', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = yearlySalary(value as Salary);
        expect(result === null || (Number.isFinite(result.min) && result.min <= result.max)).toBe(true);
      }),
    );
  });
});

describe('the currency rates table', () => {
  it('ships dated, with its base at 1 and the currencies people are paid in', () => {
    const table = loadCurrencyRates();
    expect(table.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(table.rates.get(table.base)).toBe(1);
    for (const code of ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'INR', 'BRL', 'PLN', 'SEK', 'DKK', 'SGD']) expect(table.rates.has(code), code).toBe(true);
  });

  it.each([
    ['no date', { base: 'EUR', rates: { EUR: 1 } }],
    ['a date that is not a date', { date: 'yesterday', base: 'EUR', rates: { EUR: 1 } }],
    ['no base', { date: '2024-12-31', rates: { EUR: 1 } }],
    ['a base not at 1', { date: '2024-12-31', base: 'EUR', rates: { EUR: 2 } }],
    ['a rate of zero', { date: '2024-12-31', base: 'EUR', rates: { EUR: 1, USD: 0 } }],
    ['a rate as text', { date: '2024-12-31', base: 'EUR', rates: { EUR: 1, USD: '1.04' } }],
    ['a code that is not a code', { date: '2024-12-31', base: 'EUR', rates: { EUR: 1, dollar: 1.04 } }],
    ['rates as a list', { date: '2024-12-31', base: 'EUR', rates: [1] }],
    ['nothing', null],
  ])('refuses a table with %s', (_name, table) => {
    expect(() => parseCurrencyRates(table)).toThrow(/currency rates table/);
  });
});

const open = makePosting('platform-engineer', {
  title: 'Senior Platform Engineer',
  company: { name: 'Acme "Quoted" <Co>' },
  salary: salary(8_000, 9_000, 'GBP', 'month'),
  location: { countries: ['GB', 'IE'], remote: 'remote' },
  employmentType: 'FULL_TIME',
  tags: ['rust', 'backend'],
  contentHtml: '<p>We build <strong>zeppelins</strong> for the platform team.</p>',
  datePosted: '2026-11-25',
});
const worldwide = makePosting('worldwide-writer', {
  company: { name: 'Quill' },
  salary: salary(45, 45, 'USD', 'hour'),
  location: { countries: [], worldwide: true, remote: 'remote' },
  employmentType: 'CONTRACTOR',
  tags: ['writing'],
  contentHtml: '<p>Write about hovercraft.</p>',
  datePosted: '2026-11-24',
});
const unpaid = makePosting('unpaid-role', {
  company: { name: 'Acme "Quoted" <Co>' },
  location: { countries: ['DE'], remote: 'hybrid' },
  contentHtml: '<p>No figure here.</p>',
  datePosted: '2026-11-23',
});
const closed = makePosting('closed-role', {
  company: { name: 'Gone' },
  location: { countries: ['FR'], remote: 'onsite' },
  employmentType: 'INTERN',
  tags: ['closed-only'],
  contentHtml: '<p>Submarines, once.</p>',
  datePosted: '2026-09-01',
  validThrough: '2026-11-01',
});
const ENTRIES = [open, worldwide, unpaid, closed].map((posting) => makeEntry(posting));

describe('the search view', () => {
  const plan = planSite(ENTRIES, FIXTURE_BUILD_DATE);
  const site = withSearchView(buildSiteView(plan, FIXTURE_CONFIG, FIXTURE_BUILD_DATE), plan, loadCurrencyRates(), []);

  it('gives each home-page card the facts its filters read, salaries as yearly figures', () => {
    const facets = Object.fromEntries(site.home.jobs.map((card) => [card.id, 'search' in card ? card.search : null]));
    expect(facets).toEqual({
      'platform-engineer': { countries: 'gb ie', worldwide: false, remote: 'remote', type: 'FULL_TIME', tags: 'rust backend', company: 'acme-quoted-co', salary: '96000 108000 GBP', date: '2026-11-25' },
      'worldwide-writer': { countries: '', worldwide: true, remote: 'remote', type: 'CONTRACTOR', tags: 'writing', company: 'quill', salary: '93600 93600 USD', date: '2026-11-24' },
      'unpaid-role': { countries: 'de', worldwide: false, remote: 'hybrid', type: '', tags: '', company: 'acme-quoted-co', salary: '', date: '2026-11-23' },
    });
  });

  it('leaves the cards of other pages as they were', () => {
    for (const listing of site.listings) for (const card of listing.jobs) expect(card).not.toHaveProperty('search');
  });

  it('offers only what open postings have, by name, and the commonest salary currency first chosen', () => {
    expect(site.search.enabled).toBe(true);
    expect(site.search.countries).toEqual([
      { value: 'de', text: 'Germany' },
      { value: 'ie', text: 'Ireland' },
      { value: 'gb', text: 'United Kingdom' },
    ]);
    expect(site.search.worldwide).toBe(true);
    expect(site.search.remoteModes.map((option) => option.value)).toEqual(['remote', 'hybrid']);
    expect(site.search.employmentTypes).toEqual([
      { value: 'FULL_TIME', text: 'Full-time' },
      { value: 'CONTRACTOR', text: 'Contract' },
    ]);
    expect(site.search.tags.map((option) => option.value)).toEqual(['backend', 'rust', 'writing']);
    expect(site.search.companies).toEqual([
      { value: 'acme-quoted-co', text: 'Acme "Quoted" <Co>' },
      { value: 'quill', text: 'Quill' },
    ]);
    // GBP and USD are one posting each; the tie goes to the first code.
    expect(site.search.defaultCurrency).toBe('GBP');
    const codes = site.search.currencies.map((option) => option.value);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['EUR', 'GBP', 'USD']));
    expect(site.search.currencies.find((option) => option.value === 'EUR')).toEqual({ value: 'EUR', text: 'EUR – Euro', rate: '1' });
  });

  it('offers a currency the table cannot convert, without a rate', () => {
    const odd = makePosting('odd-currency', { salary: salary(100, 200, 'XAF', 'month') });
    const oddPlan = planSite([makeEntry(odd)], FIXTURE_BUILD_DATE);
    const view = withSearchView(buildSiteView(oddPlan, FIXTURE_CONFIG, FIXTURE_BUILD_DATE), oddPlan, loadCurrencyRates(), []);
    expect(view.search.currencies.find((option) => option.value === 'XAF')).toMatchObject({ rate: '' });
    expect(view.search.defaultCurrency).toBe('XAF');
  });

  it('keeps facts of hostile values to what a data attribute can hold', () => {
    const hostile = makePosting('hostile', {
      location: { countries: ['gb', 'XX1', '"><script>'], remote: 'sideways' as never },
      employmentType: 'ALWAYS' as never,
      tags: ['"><b>', 'ok'],
    });
    const facets = cardFacets(hostile, 'company');
    expect(facets).toMatchObject({ countries: 'gb', remote: '', type: '' });
    expect(facets.tags.split(' ')).toEqual(['b', 'ok']);
  });
});

describe('the built site', () => {
  let root: string;
  let siteDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'jobsite-search-'));
    siteDir = path.join(root, 'site');
    await buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir: siteDir });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('indexes the open postings, each under its id, and not the closed one', async () => {
    const [index] = await indexFolders(siteDir);
    expect(await pagesIndexed(index!)).toBe(3);
    const filters = await readChunks(path.join(index!, 'filter'));
    for (const id of ['platform-engineer', 'worldwide-writer', 'unpaid-role']) expect(filters, id).toContain(id);
    expect(filters).not.toContain('closed-role');
    const words = await readChunks(path.join(index!, 'index'));
    for (const word of ['zeppelin', 'hovercraft', 'rust', 'acm']) expect(words, word).toContain(word);
    expect(words).not.toContain('submarin');
    // Pagefind's own interfaces are not shipped: the board has its own form.
    expect((await readdir(index!)).filter((file) => file.includes('-ui') || file.includes('highlight'))).toEqual([]);
  });

  it('splits the index into shards that the home page names, each posting in one of them', async () => {
    const outDir = path.join(root, 'sharded');
    const entries = Array.from({ length: 12 }, (_, i) =>
      makeEntry(makePosting(`role-${i}`, { datePosted: `2026-11-${String(10 + i).padStart(2, '0')}`, contentHtml: `<p>Word${i}x appears here.</p>` })),
    );
    await buildSite({ entries, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir, searchShardSizes: { boundaryOdds: 3, min: 2, max: 4 } });
    const folders = await indexFolders(outDir);
    expect(folders.length).toBeGreaterThanOrEqual(3);
    expect((await readdir(path.join(outDir, 'pagefind'))).sort()).toEqual(folders.map((folder) => path.basename(folder)).sort());
    let total = 0;
    const seen: string[] = [];
    for (const folder of folders) {
      const pages = await pagesIndexed(folder);
      expect(pages).toBeLessThanOrEqual(4);
      total += pages;
      const filters = await readChunks(path.join(folder, 'filter'));
      seen.push(...entries.map((entry) => entry.posting.id).filter((id) => new RegExp(`${id}(?![0-9])`).test(filters)));
    }
    expect(total).toBe(12);
    expect(seen.sort()).toEqual(entries.map((entry) => entry.posting.id).sort());
  });

  it('puts the form, the cards’ facts and the module script on the home page', async () => {
    const document = parse(await readFile(path.join(siteDir, 'index.html'), 'utf8'));
    const form = findAll(document, (el) => attr(el, 'id') === 'job-search')[0]!;
    expect(attr(form, 'hidden')).toBe('');
    expect(attr(form, 'role')).toBe('search');
    const cards = findAll(document, (el) => el.tagName === 'li' && attr(el, 'data-id') !== undefined);
    expect(cards.map((el) => attr(el, 'data-id'))).toEqual(['platform-engineer', 'worldwide-writer', 'unpaid-role']);
    expect(attr(cards[1]!, 'data-worldwide')).toBe('');
    expect(attr(cards[0]!, 'data-worldwide')).toBeUndefined();
    expect(attr(cards[0]!, 'data-salary')).toBe('96000 108000 GBP');
    const companies = findAll(document, (el) => attr(el, 'id') === 'search-company')[0]!;
    expect(findAll(companies, (el) => el.tagName === 'option').map((el) => [attr(el, 'value'), textOf(el)])).toEqual([
      ['', 'Any company'],
      ['acme-quoted-co', 'Acme "Quoted" <Co>'],
      ['quill', 'Quill'],
    ]);
    for (const id of ['search-q', 'search-country', 'search-remote', 'search-type', 'search-tag', 'search-company', 'search-min', 'search-currency', 'search-salaried', 'search-sort']) {
      expect(findAll(document, (el) => el.tagName === 'label' && attr(el, 'for') === id), `label for ${id}`).toHaveLength(1);
    }
    const status = findAll(document, (el) => attr(el, 'id') === 'search-status')[0]!;
    expect([attr(status, 'role'), attr(status, 'aria-live'), textOf(status)]).toEqual(['status', 'polite', '3 open positions']);
  });

  it('marks for the index what open posting pages say, and nothing on closed ones', async () => {
    const openPage = await readFile(path.join(siteDir, 'jobs', 'platform-engineer', 'index.html'), 'utf8');
    expect(openPage).toContain('data-pagefind-body data-pagefind-filter="job:platform-engineer"');
    const closedPage = await readFile(path.join(siteDir, 'jobs', 'closed-role', 'index.html'), 'utf8');
    expect(closedPage).not.toContain('data-pagefind-body');
    expect(closedPage).not.toContain('data-pagefind-filter');
  });

  it('builds a board without open postings with no search at all', async () => {
    const outDir = path.join(root, 'closed-only');
    await buildSite({ entries: [makeEntry(closed)], config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir });
    expect(await readdir(outDir)).not.toContain('pagefind');
    const home = await readFile(path.join(outDir, 'index.html'), 'utf8');
    expect(home).not.toContain('<script');
    expect(home).not.toContain('job-search');
    expect(home).toContain('No open positions right now');
  });
});

/** The shards of the search index, as the home page's form names them. */
async function indexFolders(siteDir: string): Promise<string[]> {
  const document = parse(await readFile(path.join(siteDir, 'index.html'), 'utf8'));
  const form = findAll(document, (el) => attr(el, 'id') === 'job-search')[0]!;
  const folders = (attr(form, 'data-indexes') ?? '').split(' ').filter(Boolean);
  expect(folders.length).toBeGreaterThan(0);
  return folders.map((folder) => path.join(siteDir, folder));
}

async function pagesIndexed(folder: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Pagefind's chunks are gzipped; the words and filter values sit in them as plain UTF-8. */
async function readChunks(folder: string): Promise<string> {
  const files = await readdir(folder);
  const texts = await Promise.all(files.map(async (file) => gunzipSync(await readFile(path.join(folder, file))).toString('utf8')));
  return texts.join('\n');
}

function findAll(node: DefaultTreeAdapterMap['node'], test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (current: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in current && test(current)) found.push(current);
    for (const child of 'childNodes' in current ? current.childNodes : []) visit(child);
  };
  visit(node);
  return found;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((attribute) => attribute.name === name)?.value;
}

function textOf(node: DefaultTreeAdapterMap['node']): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
