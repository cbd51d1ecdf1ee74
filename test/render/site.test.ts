// Builds hand-made postings into temporary folders and checks the written
// site: pages, escaping, closed and draft postings, feeds, sitemap,
// reproducibility and the all-or-nothing write.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { create } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { serve } from '../../src/build/serve.ts';
import { BuildError, buildSite, DEFAULT_TEMPLATES_DIR, type BuildSiteResult } from '../../src/build/build-site.ts';
import { assignCompanySlugs, companyKey } from '../../src/render/site/company-slugs.ts';
import { readableDate } from '../../src/render/site/display-formats.ts';
import { relativeHref, rootHref } from '../../src/render/site/relative-href.ts';
import { listFiles } from '../../src/write/write-files.ts';
import { renderPages } from '../../src/render/site/render-pages.ts';
import { planSite } from '../../src/render/site/site-plan.ts';
import { buildSiteView } from '../../src/render/site/page-views.ts';
import { addSearch } from '../../src/render/search/index.ts';
import { FIXTURE_BUILD_DATE, FIXTURE_CONFIG, makeEntry, makePosting } from './fixture-postings.ts';
import { hashTree } from '../build/board-corpus.ts';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const HOSTILE_TITLE = '<b>Bold</b> & "quoted" ]]> </script>';

const open = makePosting('platform-engineer', {
  title: 'Senior Platform Engineer',
  company: { name: 'Acme', url: 'https://acme.example.com/' },
  salary: { min: 95000, max: 150000, currency: 'GBP', period: 'year', text: '£95k–£150k' },
  location: { countries: ['GB', 'IE'], remote: 'remote', text: 'London / UK Remote' },
  employmentType: 'FULL_TIME',
  tags: ['rust', 'backend'],
  datePosted: '2026-11-25',
  validThrough: '2026-11-27',
});
const hostile = makePosting('hostile', {
  title: HOSTILE_TITLE,
  company: { name: 'Evil <i>Corp</i> & "Co" </script>', url: null },
  location: { countries: ['DE'], remote: 'hybrid', text: '<img src=x onerror=alert(1)>' },
  employmentType: 'PART_TIME',
  tags: ['backend'],
  summary: 'Summary with <b>tags</b> & </script> in it.',
  datePosted: '2026-11-26',
});
const worldwide = makePosting('worldwide-writer', {
  title: 'Technical Writer',
  company: { name: 'ACME' },
  location: { countries: [], worldwide: true, remote: 'remote' },
  employmentType: 'CONTRACTOR',
  tags: ['writing'],
  applyUrl: 'mailto:jobs@acme.example.com',
  datePosted: '2026-11-10',
});
const closed = makePosting('closed-role', {
  title: 'Closed Role Title',
  company: { name: 'Gone Company' },
  location: { countries: ['FR'], remote: 'onsite' },
  tags: ['closed-only-tag', 'rust'],
  applyUrl: 'https://apply.example.com/closed-role-apply',
  datePosted: '2026-09-01',
  validThrough: '2026-11-26',
});
const draft = makePosting('secret-draft', {
  title: 'Secret Draft Title',
  company: { name: 'Draft Company' },
  location: { countries: ['JP'] },
  tags: ['draft-only-tag'],
  datePosted: '2026-11-27',
});
const ENTRIES = [open, hostile, worldwide, closed].map((posting) => makeEntry(posting)).concat(makeEntry(draft, { draft: true }));

let root: string;
let siteDir: string;
let result: BuildSiteResult;
let files: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'jobsite-site-'));
  siteDir = path.join(root, 'site');
  result = await buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir: siteDir });
  files = await listFiles(siteDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(siteDir, file), 'utf8');
const htmlFiles = () => files.filter((file) => file.endsWith('.html'));

describe('buildSite: pages', () => {
  it('counts open, closed and draft postings and the files written', () => {
    expect(result).toMatchObject({ open: 3, closed: 1, drafts: 1, reused: 0, files: files.length });
  });

  it('writes the pages, feeds and data files of the site', () => {
    for (const file of [
      'index.html', '404.html', 'assets/site.css', 'feed.xml', 'atom.xml', 'feed.json', 'jobs.json', 'sitemap.xml', 'robots.txt',
      'jobs/platform-engineer/index.html', 'jobs/hostile/index.html', 'jobs/worldwide-writer/index.html', 'jobs/closed-role/index.html',
      'companies/index.html', 'countries/index.html', 'tags/index.html',
      'companies/acme/index.html', 'companies/acme/feed.xml', 'countries/gb/index.html', 'countries/gb/feed.xml', 'countries/de/index.html',
      'tags/rust/index.html', 'tags/rust/feed.xml', 'tags/backend/index.html',
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it('lists open postings newest first on the home page with their facts in words', async () => {
    const document = parse(await read('index.html'));
    const titles = findAll(document, (el) => el.tagName === 'h2').map(textOf);
    expect(titles).toEqual([HOSTILE_TITLE, 'Senior Platform Engineer', 'Technical Writer']);
    const card = findAll(document, (el) => el.tagName === 'article').find((el) => textOf(el).includes('Senior Platform Engineer'))!;
    const text = normalisedText(card);
    expect(text).toContain('£95,000 – £150,000 a year');
    expect(text).toContain('United Kingdom');
    expect(text).toContain('Ireland');
    expect(text).toContain('Remote');
    expect(text).toContain('Full-time');
    expect(findAll(card, (el) => el.tagName === 'a' && attr(el, 'href') === 'tags/rust/').map(textOf)).toEqual(['rust']);
    const time = findAll(card, (el) => el.tagName === 'time')[0]!;
    expect(attr(time, 'datetime')).toBe('2026-11-25');
    expect(textOf(time)).toBe('25 Nov 2026');
    expect(findAll(card, (el) => el.tagName === 'a').map((el) => attr(el, 'href'))).toContain('jobs/platform-engineer/');
    expect(normalisedText(document)).toContain('Worldwide');
    expect(normalisedText(document)).toContain('Contract');
  });

  it('gives an open posting page its facts, body, Apply link, canonical, social meta and JSON-LD', async () => {
    const document = parse(await read('jobs/platform-engineer/index.html'));
    const h1s = findAll(document, (el) => el.tagName === 'h1');
    expect(h1s.map(textOf)).toEqual(['Senior Platform Engineer']);
    const links = findAll(document, (el) => el.tagName === 'a');
    expect(links.filter((el) => attr(el, 'href') === 'https://apply.example.com/platform-engineer').length).toBeGreaterThan(0);
    expect(links.find((el) => attr(el, 'href') === 'https://acme.example.com/')).toBeDefined();
    expect(links.map((el) => attr(el, 'href'))).toEqual(expect.arrayContaining(['../../tags/rust/', '../../tags/backend/', '../../countries/gb/', '../../companies/acme/']));
    expect(headLink(document, 'canonical')).toBe('https://jobs.example.org/jobs/platform-engineer/');
    expect(metaContent(document, 'property', 'og:title')).toContain('Senior Platform Engineer');
    expect(metaContent(document, 'property', 'og:url')).toBe('https://jobs.example.org/jobs/platform-engineer/');
    expect(metaContent(document, 'name', 'twitter:card')).toBe('summary');
    expect(metaContent(document, 'name', 'robots')).toBeUndefined();
    const text = normalisedText(document);
    expect(text).toContain('Body of platform-engineer.');
    expect(text).toContain('London / UK Remote');
    expect(definition(document, 'Closes')).toBe('27 Nov 2026');
    expect(definition(document, 'Posted')).toBe('25 Nov 2026');
    expect(definition(document, 'Workplace')).toBe('Remote');
    expect(definition(document, 'Employment')).toBe('Full-time');
    const jsonLd = jsonLdBlocks(document);
    expect(jsonLd).toHaveLength(1);
    expect(jsonLd[0]).toMatchObject({ '@type': 'JobPosting', title: 'Senior Platform Engineer', datePosted: '2026-11-25', url: 'https://jobs.example.org/jobs/platform-engineer/' });
    expect(findAll(document, (el) => attr(el, 'role') === 'status')).toHaveLength(0);
  });

  it('offers Apply by email for a mailto: apply URL', async () => {
    const document = parse(await read('jobs/worldwide-writer/index.html'));
    const apply = findAll(document, (el) => el.tagName === 'a' && attr(el, 'href') === 'mailto:jobs@acme.example.com');
    expect(apply.length).toBeGreaterThan(0);
    expect(textOf(apply[0]!)).toContain('Apply by email');
  });

  it('keeps a closed posting page, marked closed, without Apply link, JobPosting data or indexing', async () => {
    const html = await read('jobs/closed-role/index.html');
    const document = parse(html);
    const status = findAll(document, (el) => attr(el, 'role') === 'status');
    expect(status).toHaveLength(1);
    expect(normalisedText(status[0]!)).toContain('This position is closed');
    expect(metaContent(document, 'name', 'robots')).toBe('noindex');
    expect(html).not.toContain('closed-role-apply');
    expect(findAll(document, (el) => el.tagName === 'a').map(textOf).join(' ')).not.toMatch(/apply/i);
    expect(findAll(document, (el) => el.tagName === 'script')).toHaveLength(0);
    expect(html).not.toContain('JobPosting');
    // Its only-closed tag has no page to link to.
    expect(findAll(document, (el) => el.tagName === 'a').map((el) => attr(el, 'href'))).not.toContain('../../tags/closed-only-tag/');
    expect(findAll(document, (el) => el.tagName === 'span' && textOf(el) === 'closed-only-tag')).toHaveLength(1);
    expect(definition(document, 'Closed')).toBe('26 Nov 2026');
  });

  it('lists a closed posting nowhere: no listing, feed, sitemap or jobs.json', async () => {
    const others = files.filter((file) => file !== 'jobs/closed-role/index.html' && file !== 'assets/site.css');
    for (const file of others) {
      const text = await read(file);
      expect(text, file).not.toContain('closed-role');
      expect(text, file).not.toContain('Closed Role Title');
    }
    expect(files.some((file) => file.startsWith('tags/closed-only-tag/'))).toBe(false);
    expect(files.some((file) => file.startsWith('countries/fr/'))).toBe(false);
    expect(files.some((file) => file.startsWith('companies/gone-company/'))).toBe(false);
  });

  it('shows a draft nowhere, not even as a page', async () => {
    expect(files.some((file) => file.includes('secret-draft') || file.includes('draft-only-tag') || file.startsWith('countries/jp/'))).toBe(false);
    for (const file of files) {
      const text = await read(file);
      expect(text, file).not.toContain('secret-draft');
      expect(text, file).not.toContain('Secret Draft Title');
      expect(text, file).not.toContain('Draft Company');
    }
  });

  it('gives every page landmarks, a skip link, one h1 and the language', async () => {
    for (const file of htmlFiles()) {
      const document = parse(await read(file));
      const tags = findAll(document, () => true).map((el) => el.tagName);
      expect(tags.filter((tag) => tag === 'h1'), file).toHaveLength(1);
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(tags, `${file} ${landmark}`).toContain(landmark);
      const skip = findAll(document, (el) => el.tagName === 'a')[0]!;
      expect(attr(skip, 'href'), file).toBe('#main');
      expect(findAll(document, (el) => el.tagName === 'main').map((el) => attr(el, 'id'))).toEqual(['main']);
      expect(attr(findAll(document, (el) => el.tagName === 'html')[0]!, 'lang')).toBe('en');
      // Only the home page has a script: the search, as a module that runs after the list is shown.
      const scripts = findAll(document, (el) => el.tagName === 'script' && attr(el, 'type') !== 'application/ld+json');
      expect(scripts.map((el) => [attr(el, 'type'), attr(el, 'src')]), file).toEqual(file === 'index.html' ? [['module', 'assets/search.js']] : []);
    }
  });

  it('links only to files that exist', async () => {
    for (const file of htmlFiles()) {
      const document = parse(await read(file));
      const pageUrl = new URL(file.replace(/index\.html$/, ''), 'https://jobs.example.org/');
      const refs = findAll(document, (el) => el.tagName === 'a' || el.tagName === 'link').map((el) => attr(el, 'href')).filter((href): href is string => href !== undefined);
      for (const href of refs) {
        const target = new URL(href, pageUrl);
        if (target.origin !== 'https://jobs.example.org' || href.startsWith('#')) continue;
        const local = decodeURIComponent(target.pathname).replace(/\/$/, '/index.html').slice(1);
        expect(files, `${file} → ${href}`).toContain(local);
      }
    }
  });

  it('gives each listing page its own RSS feed, linked from its head, with its open postings', async () => {
    const listings = files.filter((file) => /^(companies|countries|tags)\/[^/]+\/index\.html$/.test(file));
    expect(listings.length).toBeGreaterThan(5);
    for (const file of listings) {
      const folder = file.replace(/index\.html$/, '');
      expect(files).toContain(`${folder}feed.xml`);
      const document = parse(await read(file));
      const alternates = findAll(document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate' && attr(el, 'type') === 'application/rss+xml');
      expect(alternates.map((el) => attr(el, 'href')), file).toContain('feed.xml');
    }
    const acme = await read('companies/acme/index.html');
    // `Acme` and `ACME` are one company.
    expect(acme).toContain('Senior Platform Engineer');
    expect(acme).toContain('Technical Writer');
    const rust = xmlTexts(await read('tags/rust/feed.xml'), 'title');
    expect(rust.some((title) => title.includes('Senior Platform Engineer'))).toBe(true);
  });

  it('writes a 404 page that links from the site root', async () => {
    const document = parse(await read('404.html'));
    expect(findAll(document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'stylesheet').map((el) => attr(el, 'href'))).toEqual(['/assets/site.css']);
    expect(metaContent(document, 'name', 'robots')).toBe('noindex');
  });
});

describe('buildSite: machine-readable files', () => {
  it('lists open postings and listing pages in the sitemap, dated by their newest posting', async () => {
    const xml = await read('sitemap.xml');
    const entries = new Map<string, string | undefined>();
    const document = create(xml);
    for (const url of document.filter((node) => node.node.nodeName === 'url', false, true)) {
      const loc = url.find((node) => node.node.nodeName === 'loc')?.node.textContent ?? '';
      entries.set(loc, url.find((node) => node.node.nodeName === 'lastmod')?.node.textContent ?? undefined);
    }
    expect(entries.get('https://jobs.example.org/')).toBe('2026-11-26');
    expect(entries.get('https://jobs.example.org/jobs/platform-engineer/')).toBe('2026-11-25');
    expect(entries.get('https://jobs.example.org/tags/backend/')).toBe('2026-11-26');
    expect(entries.get('https://jobs.example.org/tags/rust/')).toBe('2026-11-25');
    expect(entries.get('https://jobs.example.org/companies/acme/')).toBe('2026-11-25');
    expect(entries.has('https://jobs.example.org/jobs/closed-role/')).toBe(false);
    expect(await read('robots.txt')).toContain('Sitemap: https://jobs.example.org/sitemap.xml');
  });

  it('puts only open postings, newest first, in jobs.json and the site feeds', async () => {
    const jobs = JSON.parse(await read('jobs.json')) as { jobs: { id: string }[] };
    expect(jobs.jobs.map((job) => job.id)).toEqual(['hostile', 'platform-engineer', 'worldwide-writer']);
    const feed = JSON.parse(await read('feed.json')) as { items: { url: string }[] };
    expect(feed.items.map((item) => item.url)).toEqual(['hostile', 'platform-engineer', 'worldwide-writer'].map((id) => `https://jobs.example.org/jobs/${id}/`));
    expect(xmlTexts(await read('feed.xml'), 'link').filter((link) => link.includes('/jobs/'))).toEqual(feed.items.map((item) => item.url));
    expect(xmlTexts(await read('atom.xml'), 'id').filter((id) => id.includes('/jobs/'))).toEqual(feed.items.map((item) => item.url));
  });
});

describe('buildSite: escaping', () => {
  it('escapes a hostile title and company in every page, keeping their text intact', async () => {
    for (const file of htmlFiles()) {
      const html = await read(file);
      expect(html, file).not.toContain('<b>Bold</b>');
      expect(html, file).not.toContain('<i>Corp</i>');
      expect(html, file).not.toContain('<img src=x');
      const document = parse(html);
      expect(findAll(document, (el) => el.tagName === 'b' || el.tagName === 'i' || el.tagName === 'img'), file).toHaveLength(0);
      // Exactly the elements the templates wrote: nothing from the title closed a <script> early.
      expect(findAll(document, (el) => el.tagName === 'script').length, file).toBeLessThanOrEqual(1);
    }
    const document = parse(await read('jobs/hostile/index.html'));
    expect(findAll(document, (el) => el.tagName === 'h1').map(textOf)).toEqual([HOSTILE_TITLE]);
    expect(metaContent(document, 'property', 'og:title')).toContain(HOSTILE_TITLE);
    expect(normalisedText(document)).toContain('<img src=x onerror=alert(1)>');
    const [jsonLd] = jsonLdBlocks(document) as [{ title: string; hiringOrganization: { name: string } }];
    expect(jsonLd.title).toBe(HOSTILE_TITLE);
    expect(jsonLd.hiringOrganization.name).toBe('Evil <i>Corp</i> & "Co" </script>');
    const home = parse(await read('index.html'));
    expect(findAll(home, (el) => el.tagName === 'h2').map(textOf)).toContain(HOSTILE_TITLE);
  });

  it('escapes a hostile title in every feed and in jobs.json', async () => {
    for (const file of ['feed.xml', 'atom.xml', 'tags/backend/feed.xml', 'countries/de/feed.xml']) {
      const xml = await read(file);
      expect(xml, file).not.toContain('<b>Bold</b>');
      const titles = xmlTexts(xml, 'title');
      expect(titles.some((title) => title.includes(HOSTILE_TITLE)), file).toBe(true);
    }
    const feed = JSON.parse(await read('feed.json')) as { items: { title: string }[] };
    expect(feed.items.some((item) => item.title.includes(HOSTILE_TITLE))).toBe(true);
    const jobs = JSON.parse(await read('jobs.json')) as { jobs: { title: string }[] };
    expect(jobs.jobs.map((job) => job.title)).toContain(HOSTILE_TITLE);
  });
});

describe('buildSite: reproducible and atomic', () => {
  it('writes byte-identical trees for the same input and build date', async () => {
    const again = path.join(root, 'again', 'nested', 'site');
    await buildSite({ entries: [...ENTRIES].reverse(), config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir: again });
    const againFiles = await listFiles(again);
    expect(againFiles).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(siteDir, file)), readFile(path.join(again, file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('leaves an existing site byte-identical when a template fails, and cleans up its temporary folder', async () => {
    const outDir = path.join(root, 'failing', 'site');
    await buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir });
    const before = await snapshot(outDir);
    const brokenTemplates = path.join(root, 'broken-templates');
    await cp(DEFAULT_TEMPLATES_DIR, brokenTemplates, { recursive: true });
    await writeFile(path.join(brokenTemplates, '_includes/pages/job.njk'), (await readFile(path.join(brokenTemplates, '_includes/pages/job.njk'), 'utf8')).replace('{% endblock %}', '{% if job.open %}'));

    const build = buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: '2026-11-01', outDir, templatesDir: brokenTemplates });
    await expect(build).rejects.toBeInstanceOf(BuildError);
    await expect(build).rejects.toThrow(/templates/);
    expect(await snapshot(outDir)).toEqual(before);
    expect(await readdir(path.dirname(outDir))).toEqual(['site']);
  });

  it('fails on a misspelt variable instead of leaving a gap', async () => {
    const templates = path.join(root, 'misspelt-templates');
    await cp(DEFAULT_TEMPLATES_DIR, templates, { recursive: true });
    await writeFile(path.join(templates, '_includes/pages/index.njk'), (await readFile(path.join(templates, '_includes/pages/index.njk'), 'utf8')).replace('{{ site.home.heading }}', '{{ site.home.headline }}'));
    const outDir = path.join(root, 'misspelt', 'site');
    await expect(buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir, templatesDir: templates })).rejects.toBeInstanceOf(BuildError);
    await expect(stat(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes temporary folders that killed builds left behind', async () => {
    const parent = path.join(root, 'leftovers');
    await mkdir(parent, { recursive: true });
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftover = path.join(parent, `.site.tmp-${deadPid}-0a1b2c`);
    await mkdir(path.join(leftover, 'jobs'), { recursive: true });
    const unrelated = path.join(parent, '.other.tmp-1-0a1b2c');
    await mkdir(unrelated);
    await buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir: path.join(parent, 'site') });
    expect((await readdir(parent)).sort()).toEqual(['.other.tmp-1-0a1b2c', 'site']);
  });

  it('rejects postings whose ids cannot be page addresses, before touching the output', async () => {
    const outDir = path.join(root, 'bad-ids', 'site');
    const traversal = makeEntry(makePosting('../escape'));
    await expect(buildSite({ entries: [traversal], config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir })).rejects.toThrow(BuildError);
    const twice = [makeEntry(makePosting('same')), makeEntry(makePosting('same'), { file: 'postings/other.md' })];
    await expect(buildSite({ entries: twice, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir })).rejects.toThrow(/same id/);
    await expect(buildSite({ entries: [], config: FIXTURE_CONFIG, buildDate: '2026-02-30', outDir })).rejects.toThrow(/build date/);
    await expect(stat(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('discards the pages when the Nunjucks environment Eleventy uses does not autoescape', async () => {
    const nunjucks = createRequire(import.meta.resolve('@11ty/eleventy'))('nunjucks') as { Environment: { prototype: { init: (...args: unknown[]) => unknown } } };
    const init = nunjucks.Environment.prototype.init;
    nunjucks.Environment.prototype.init = function (this: unknown, ...args: unknown[]) {
      return init.call(this, args[0], { ...(args[1] as object), autoescape: false });
    };
    const outDir = path.join(root, 'unescaped', 'site');
    try {
      await expect(buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir })).rejects.toThrow(/autoescaping was off/);
    } finally {
      nunjucks.Environment.prototype.init = init;
    }
    await expect(stat(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('builds quietly: Eleventy prints nothing', async () => {
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'info'), vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
    try {
      await buildSite({ entries: ENTRIES, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir: path.join(root, 'quiet', 'site') });
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('writes the same pages when Eleventy renders them a few at a time', async () => {
    const plan = planSite(ENTRIES, FIXTURE_BUILD_DATE);
    const { site } = addSearch(buildSiteView(plan, FIXTURE_CONFIG, FIXTURE_BUILD_DATE), plan);
    const whole = path.join(root, 'runs', 'whole');
    const pieces = path.join(root, 'runs', 'pieces');
    await renderPages({ templatesDir: DEFAULT_TEMPLATES_DIR, outDir: whole, site });
    const pages = site.jobs.length + site.listings.length + site.directories.length;
    expect(pages).toBeGreaterThan(6);
    await renderPages({ templatesDir: DEFAULT_TEMPLATES_DIR, outDir: pieces, site, pagesPerRun: 2 });
    expect(hashTree(pieces)).toBe(hashTree(whole));
    expect(await listFiles(pieces)).toContain('index.html');
  });

  it('builds an empty board: home page says so, feeds are empty', async () => {
    const outDir = path.join(root, 'empty', 'site');
    const empty = await buildSite({ entries: [], config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir });
    expect(empty).toMatchObject({ open: 0, closed: 0, drafts: 0 });
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('No open positions right now');
    expect((JSON.parse(await readFile(path.join(outDir, 'jobs.json'), 'utf8')) as { jobs: unknown[] }).jobs).toEqual([]);
  });
});

describe('serve', () => {
  it('serves the site, rebuilds on request and on template changes, and keeps the last good site on errors', async () => {
    const templates = path.join(root, 'serve-templates');
    await cp(DEFAULT_TEMPLATES_DIR, templates, { recursive: true });
    const messages: string[] = [];
    let next: ReturnType<typeof makeEntry>[] | null = [makeEntry(open), makeEntry(makePosting('added-later', { title: 'Added Later' }))];
    const server = await serve({
      entries: [makeEntry(open)],
      config: FIXTURE_CONFIG,
      buildDate: FIXTURE_BUILD_DATE,
      outDir: path.join(root, 'served', 'site'),
      templatesDir: templates,
      port: 0,
      rebuild: async () => next,
      log: (message) => messages.push(message),
      debounceMs: 20,
    });
    const home = async () => {
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      return response.text();
    };
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
      expect(await home()).toContain('Senior Platform Engineer');
      expect((await fetch(`${server.url}no/such/page/`)).status).toBe(404);

      await server.rebuildNow();
      expect(await home()).toContain('Added Later');

      next = null;
      await server.rebuildNow();
      expect(await home()).toContain('Added Later');

      const page = path.join(templates, '_includes/pages/index.njk');
      const original = await readFile(page, 'utf8');
      await writeFile(page, original.replace('{% endblock %}', '{% if %}'));
      next = [makeEntry(open)];
      await server.rebuildNow();
      expect(await home()).toContain('Added Later');
      expect(messages.some((message) => message.startsWith('Build failed'))).toBe(true);

      // An edited template is picked up by the watcher, not served from a stale cache.
      await writeFile(page, original.replace('<h1>', '<h1 data-edited="yes">'));
      await expect.poll(home, { timeout: 10_000, interval: 100 }).toContain('data-edited="yes"');
      expect(await home()).not.toContain('Added Later');
    } finally {
      await server.close();
    }
  });
  it('with the cache, shows a changed posting before its search index and feeds are made, then makes them', async () => {
    const messages: string[] = [];
    const outDir = path.join(root, 'served-quick', 'site');
    const cacheDir = path.join(root, 'served-quick', 'cache');
    let next = [makeEntry(open), makeEntry(makePosting('added-quick', { title: 'Added Quickly' }))];
    const server = await serve({ entries: [makeEntry(open)], config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir, cacheDir, port: 0, rebuild: async () => next, log: (message) => messages.push(message), debounceMs: 20 });
    try {
      expect(messages.filter((message) => message.startsWith('Built '))).toHaveLength(1);
      await server.rebuildNow();
      const builds = messages.filter((message) => message.startsWith('Built '));
      expect(builds).toHaveLength(3);
      expect(builds[1]).toMatch(/search index and feeds follow/);
      expect(builds[2]).not.toMatch(/search index and feeds follow/);
      expect(server.lastBuild()?.stale).toBe(false);
      // What is served in the end is what a cold build of the same postings writes.
      const cold = path.join(root, 'served-quick', 'cold');
      await buildSite({ entries: next, config: FIXTURE_CONFIG, buildDate: FIXTURE_BUILD_DATE, outDir: cold });
      expect(hashTree(outDir)).toBe(hashTree(cold));
      // No change to postings: nothing stale, one build.
      next = [...next];
      await server.rebuildNow();
      expect(messages.filter((message) => message.startsWith('Built '))).toHaveLength(4);
    } finally {
      await server.close();
    }
  });
});

describe('company slugs', () => {
  it.each([
    [['Acme'], { acme: 'acme' }],
    [['C++ Ltd', 'C Ltd'], { 'c ltd': 'c-ltd', 'c++ ltd': 'c-ltd-2' }],
    [['Acme 2', 'Acme', 'acme!'], { acme: 'acme', 'acme!': 'acme-3', 'acme 2': 'acme-2' }],
    [['!!!', '???'], { '!!!': 'company', '???': 'company-2' }],
  ])('%j → %j', (names, expected) => {
    expect(Object.fromEntries(assignCompanySlugs(names.map(companyKey)))).toEqual(expected);
  });

  it('gives unique slugs that do not depend on the order of the names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 12 }), (names) => {
        const keys = names.map(companyKey);
        const slugs = assignCompanySlugs(keys);
        expect(new Set(slugs.values()).size).toBe(new Set(keys).size);
        for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(assignCompanySlugs([...keys].reverse())).toEqual(slugs);
      }),
    );
  });

  it('treats names differing only in case and spacing as one company', () => {
    expect(companyKey('  ACME   Corp ')).toBe(companyKey('acme corp'));
  });
});

describe('display formats and links', () => {
  it.each([
    ['2026-11-27', '27 Nov 2026'],
    ['2026-09-03', '3 Sep 2026'],
    ['2024-02-29', '29 Feb 2024'],
    ['2026-02-30', '2026-02-30'],
    ['soon', 'soon'],
  ])('readableDate(%s) = %s', (iso, text) => {
    expect(readableDate(iso)).toBe(text);
  });

  it.each([
    ['/', '/jobs/a/', 'jobs/a/'],
    ['/', '/', './'],
    ['/jobs/a/', '/', '../../'],
    ['/jobs/a/', '/tags/rust/', '../../tags/rust/'],
    ['/tags/', '/assets/site.css', '../assets/site.css'],
    ['/404.html', '/feed.xml', 'feed.xml'],
  ])('relativeHref(%s, %s) = %s', (from, target, href) => {
    expect(relativeHref(from, target)).toBe(href);
  });

  it('resolves relative links to the target from any page', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), fc.array(segment, { maxLength: 4 }), (from, to) => {
        const fromUrl = `/${from.map((part) => `${part}/`).join('')}`;
        const target = `/${to.map((part) => `${part}/`).join('')}`;
        expect(new URL(relativeHref(fromUrl, target), `https://x.org${fromUrl}`).pathname).toBe(target);
      }),
    );
  });

  it('roots 404 links at the site URL path', () => {
    expect(rootHref('https://x.org/', '/feed.xml')).toBe('/feed.xml');
    expect(rootHref('https://x.org/board/', '/tags/rust/')).toBe('/board/tags/rust/');
  });
});

// --- helpers -----------------------------------------------------------------

function findAll(node: Node, predicate: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (current: Node) => {
    if ('tagName' in current && predicate(current)) found.push(current);
    const children = 'childNodes' in current ? current.childNodes : [];
    for (const child of children) visit(child);
    if ('content' in current && current.tagName === 'template') visit(current.content);
  };
  visit(node);
  return found;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((attribute) => attribute.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function normalisedText(node: Node): string {
  return textOf(node).replace(/\s+/g, ' ');
}

/** The text of the `<dd>` after the `<dt>` reading `term`. */
function definition(document: Node, term: string): string | undefined {
  for (const group of findAll(document, (el) => el.tagName === 'div' && el.childNodes.some((child) => child.nodeName === 'dt'))) {
    const dt = group.childNodes.find((child) => child.nodeName === 'dt');
    const dd = group.childNodes.find((child) => child.nodeName === 'dd');
    if (dt && dd && textOf(dt).trim() === term) return normalisedText(dd).trim();
  }
  return undefined;
}

function metaContent(document: Node, key: 'name' | 'property', value: string): string | undefined {
  const meta = findAll(document, (el) => el.tagName === 'meta' && attr(el, key) === value)[0];
  return meta ? attr(meta, 'content') : undefined;
}

function headLink(document: Node, rel: string): string | undefined {
  const link = findAll(document, (el) => el.tagName === 'link' && attr(el, 'rel') === rel)[0];
  return link ? attr(link, 'href') : undefined;
}

function jsonLdBlocks(document: Node): unknown[] {
  return findAll(document, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json').map((el) => JSON.parse(textOf(el)) as unknown);
}

/** Text of every element named `name` (prefix ignored) in a well-formed XML document; throws on malformed XML. */
function xmlTexts(xml: string, name: string): string[] {
  return create(xml)
    .filter((node) => node.node.nodeName.replace(/^.*:/, '') === name, false, true)
    .map((node) => node.node.textContent ?? '');
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const file of await listFiles(dir)) entries[file] = (await readFile(path.join(dir, file))).toString('base64');
  return entries;
}
