// Injection: a board whose postings carry well over a hundred XSS vectors in
// every field that reaches an output, built with --keep-going semantics.
// Every output is read back with a real parser (parse5 for HTML, Python's
// expat for XML, JSON.parse) and must hold no script but the page's own, no
// event handler, no script or data URL, and the cleaned text of each field
// exactly where it is shown. HTML carried inside feeds and JSON is parsed
// and checked too: feed readers render it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { hasErrors } from '../../src/diagnostics/report-finding.ts';
import { cleanLine } from '../../src/normalise/fields/clean-text.ts';
import type { Posting } from '../../src/posting.ts';
import { parseXmlDocuments, type XmlElement } from '../render/python-xml.ts';
import { attribute, elements, hasClass, htmlProblems, isDangerousUrl, parseDocument, scriptText, textContent, type Element } from './html-safety.ts';
import { BOARD_TITLE, BUILD_DATE, SITE_URL, buildHostileBoard, type HostileBuild } from './hostile-board.ts';
import { VECTORS } from './xss-vectors.ts';

const TEMPLATE_ASSETS = path.join(import.meta.dirname, '..', '..', 'templates', 'assets');

let build: HostileBuild;
const read = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
/** Vectors whose posting reached each kind of output, for the figures printed at the end. */
const reached = new Map<string, Set<string>>();
const count = (output: string, vector: string) => {
  if (!reached.has(output)) reached.set(output, new Set());
  reached.get(output)!.add(vector);
};

beforeAll(async () => {
  build = await buildHostileBoard();
}, 180_000);

afterAll(() => {
  if (build) rmSync(build.root, { recursive: true, force: true });
  const figures = [...reached].map(([output, vectors]) => `${output}: ${vectors.size}`).join(', ');
  console.info(`Hostile board: ${build?.cases.length ?? 0} postings from ${VECTORS.length} vectors (+ URL-only ones); vectors that reached each output: ${figures}.`);
});

function pageUrl(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

/** The site's own scripts: JSON-LD, and script files that ship with the templates. Nothing inline. */
function allowScriptOn(file: string) {
  return (script: Element): boolean => {
    const src = attribute(script, 'src');
    if (src === undefined) return attribute(script, 'type') === 'application/ld+json';
    if (scriptText(script).trim() !== '') return false;
    const resolved = new URL(src, `https://site.invalid${pageUrl(file)}`);
    const asset = /^\/assets\/([\w.-]+\.js)$/.exec(resolved.pathname)?.[1];
    return resolved.origin === 'https://site.invalid' && asset !== undefined && existsSync(path.join(TEMPLATE_ASSETS, asset));
  };
}

/** Counts the vector a text-field posting carries as having reached `output`. */
function countPosting(output: string, posting: Posting): void {
  const entry = build.board.entries.find((candidate) => candidate.posting === posting);
  const hostileCase = entry ? caseOfEntry().get(entry.file) : undefined;
  if (hostileCase?.field === 'text') count(output, hostileCase.vector.name);
}

const caseOfEntry = () => new Map(build.cases.map((hostileCase) => [hostileCase.file, hostileCase]));
const openPostings = (): Posting[] => build.board.entries.filter((entry) => entry.posting.validThrough >= BUILD_DATE).map((entry) => entry.posting);

describe('a board of hostile postings', () => {
  it('builds: every posting is either on the site or refused with an error, and the text ones are all on it', () => {
    const files = new Map(build.board.files.map((file) => [file.path, file]));
    for (const hostileCase of build.cases) {
      const file = files.get(hostileCase.file);
      expect(file, hostileCase.file).toBeDefined();
      expect(build.entryByFile.has(hostileCase.file) || hasErrors(file!), hostileCase.file).toBe(true);
    }
    // Markup in text fields is text: it never costs a posting its place on the board.
    const refusedText = build.cases.filter((hostileCase) => hostileCase.field === 'text' && !build.entryByFile.has(hostileCase.file));
    expect(refusedText.map((hostileCase) => hostileCase.vector.name)).toEqual([]);
    expect(build.result.open).toBeGreaterThan(100);
    expect(build.result.closed).toBeGreaterThan(5);
  });

  it('gives every posting a safe, unique id and URL whatever its file name', () => {
    const ids = build.board.entries.map((entry) => entry.posting.id);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const entry of build.board.entries) expect(entry.posting.url).toBe(`${SITE_URL}jobs/${entry.posting.id}/`);
  });

  it('writes no page that could run a script, load active content or follow a script URL', () => {
    const pages = build.files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (const file of pages) {
      for (const problem of htmlProblems(read(file), { allowScript: allowScriptOn(file) })) problems.push(`${file}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows each text field on the posting page exactly as cleaned from the input', () => {
    const cases = caseOfEntry();
    for (const entry of build.board.entries) {
      const { posting } = entry;
      const hostileCase = cases.get(entry.file)!;
      const document = parseDocument(read(`jobs/${posting.id}/index.html`));
      const all = [...elements(document)];
      const h1 = all.filter((element) => element.tagName === 'h1');
      expect(h1.map((element) => textContent(element)), entry.file).toEqual([posting.title]);
      const title = all.find((element) => element.tagName === 'title')!;
      expect(textContent(title)).toContain(posting.title);
      expect(textContent(title)).toContain(BOARD_TITLE);
      const company = all.find((element) => hasClass(element, 'posting-head__company'))!;
      expect(textContent(company).trim()).toBe(posting.company.name);
      if (hostileCase.field !== 'text') continue;

      const v = hostileCase.vector;
      expect(posting.title, v.name).toBe(cleanLine(String(hostileCase.data['title'])));
      expect(posting.company.name, v.name).toBe(cleanLine(String(hostileCase.data['company'])));
      expect(posting.location.text, v.name).toBe(cleanLine(String(hostileCase.data['location'])));
      // Some vectors hold digits that make the salary unreadable (a warning): then there is no salary to show.
      if (posting.salary !== null) expect(posting.salary.text, v.name).toBe(cleanLine(String(hostileCase.data['salary'])));
      else expect(build.board.files.find((file) => file.path === entry.file)!.messages.map((message) => message.ruleId)).toContain('salary-unreadable');
      const texts = all.filter((element) => element.tagName === 'dd').map((element) => textContent(element));
      expect(texts.some((text) => text.includes(posting.location.text!)), `${v.name}: location shown`).toBe(true);
      for (const tag of all.filter((element) => hasClass(element, 'tag'))) expect(textContent(tag)).toMatch(/^[a-z0-9-]+$/);
      count('posting page', v.name);
    }
  });

  it('writes JSON-LD that parses, cannot end its script early, and says what the posting says', () => {
    let checked = 0;
    for (const posting of openPostings()) {
      const document = parseDocument(read(`jobs/${posting.id}/index.html`));
      const scripts = [...elements(document)].filter((element) => element.tagName === 'script' && attribute(element, 'type') === 'application/ld+json');
      expect(scripts, posting.id).toHaveLength(1);
      const raw = scriptText(scripts[0]!);
      expect(raw).not.toMatch(/<\/script|<!--|-->|<script/i);
      const data = JSON.parse(raw) as { title: string; hiringOrganization: { name: string }; description: string; identifier: { value: string } };
      expect(data.title).toBe(posting.title);
      expect(data.hiringOrganization.name).toBe(posting.company.name);
      expect(data.identifier.value).toBe(posting.id);
      expect(htmlProblems(data.description, { fragment: true }), posting.id).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    for (const entry of build.board.entries) {
      const hostileCase = caseOfEntry().get(entry.file);
      if (hostileCase?.field === 'text' && entry.posting.validThrough >= BUILD_DATE) count('JSON-LD', hostileCase.vector.name);
    }
  });

  it('lists every open posting on the home and listing pages with its title as text', () => {
    const open = new Map(openPostings().map((posting) => [posting.id, posting]));
    const listings = build.files.filter((file) => /^(?:index\.html|(?:companies|countries|tags)\/[^/]+\/index\.html)$/.test(file));
    expect(listings.length).toBeGreaterThan(100);
    for (const file of listings) {
      const cards = [...elements(parseDocument(read(file)))].filter((element) => hasClass(element, 'job-card__title'));
      for (const card of cards) {
        const id = attribute(card, 'id')!.replace(/^job-/, '');
        expect(open.has(id), `${file}: ${id}`).toBe(true);
        expect(textContent(card)).toBe(open.get(id)!.title);
      }
      if (file === 'index.html') expect(cards.length).toBe(open.size);
    }
    for (const posting of open.values()) countPosting('listing pages', posting);
  });

  it('writes well-formed XML with no markup elements, whose HTML is safe and whose titles read back', () => {
    const xmlFiles = build.files.filter((file) => file.endsWith('.xml'));
    expect(xmlFiles.length).toBeGreaterThan(100);
    const parsed = parseXmlDocuments(xmlFiles.map(read));
    const titles = new Map(openPostings().map((posting) => [posting.url, `${posting.title} at ${posting.company.name}`]));
    const problems: string[] = [];
    parsed.forEach((result, index) => {
      const file = xmlFiles[index]!;
      if (!result.ok) {
        problems.push(`${file}: ${result.error}`);
        return;
      }
      for (const { element, parent } of xmlElements(result.root)) {
        const local = localName(element);
        if (/^(?:script|iframe|object|embed|svg|math|style|img|a)$/i.test(local)) problems.push(`${file}: <${local}> element`);
        for (const name of Object.keys(element.attrib)) if (/^(?:\{[^}]*\})?on/i.test(name)) problems.push(`${file}: ${name} attribute`);
        for (const value of Object.values(element.attrib)) if (isDangerousUrl(value)) problems.push(`${file}: ${value} attribute value`);
        // HTML is what RSS item descriptions and Atom `type="html"` carry; every other element is plain text, escaped once.
        const html = (local === 'description' && parent !== null && localName(parent) === 'item') || element.attrib['type'] === 'html';
        if (html) {
          for (const problem of htmlProblems(element.text, { fragment: true })) problems.push(`${file} <${local}>: ${problem}`);
        }
        if (/^(?:link|guid|id|loc)$/.test(local) && isDangerousUrl(element.text)) problems.push(`${file}: <${local}> ${element.text}`);
      }
      if (file === 'feed.xml') {
        const items = result.root.children[0]!.children.filter((child) => child.tag === 'item');
        expect(items.length).toBe(titles.size);
        for (const item of items) {
          const link = item.children.find((child) => child.tag === 'link')!.text;
          expect(item.children.find((child) => child.tag === 'title')!.text, link).toBe(titles.get(link));
        }
        expect(result.root.children[0]!.children.find((child) => child.tag === 'title')!.text).toBe(BOARD_TITLE);
      }
      if (file === 'sitemap.xml') {
        const locs = xmlElements(result.root).filter(({ element }) => localName(element) === 'loc');
        expect(locs.length).toBeGreaterThan(100);
        for (const { element } of locs) expect(element.text.startsWith(SITE_URL), element.text).toBe(true);
      }
    });
    expect(problems).toEqual([]);
    for (const entry of build.board.entries) {
      const hostileCase = caseOfEntry().get(entry.file);
      if (hostileCase?.field === 'text' && entry.posting.validThrough >= BUILD_DATE) for (const output of ['RSS', 'Atom', 'sitemap']) count(output, hostileCase.vector.name);
    }
  });

  it('writes a JSON Feed and jobs.json that parse, read back every field, and carry only safe HTML', () => {
    const open = openPostings();
    const jobs = JSON.parse(read('jobs.json')) as { jobs: Posting[] };
    const byId = new Map(open.map((posting) => [posting.id, posting]));
    expect(jobs.jobs.map((job) => job.id).sort()).toEqual([...byId.keys()].sort());
    for (const job of jobs.jobs) {
      expect(job).toEqual(byId.get(job.id));
      expect(htmlProblems(job.contentHtml, { fragment: true }), job.id).toEqual([]);
      expect(isDangerousUrl(job.applyUrl)).toBe(false);
      expect(job.company.url === null || /^https?:/.test(job.company.url)).toBe(true);
    }
    const feed = JSON.parse(read('feed.json')) as { title: string; items: { url: string; title: string; content_html: string; external_url?: string }[] };
    expect(feed.title).toBe(BOARD_TITLE);
    const byUrl = new Map(open.map((posting) => [posting.url, posting]));
    expect(feed.items).toHaveLength(open.length);
    for (const item of feed.items) {
      expect(item.title).toBe(`${byUrl.get(item.url)!.title} at ${byUrl.get(item.url)!.company.name}`);
      expect(htmlProblems(item.content_html, { fragment: true }), item.url).toEqual([]);
      if (item.external_url !== undefined) expect(isDangerousUrl(item.external_url)).toBe(false);
    }
    for (const entry of build.board.entries) {
      const hostileCase = caseOfEntry().get(entry.file);
      if (hostileCase?.field === 'text' && entry.posting.validThrough >= BUILD_DATE) for (const output of ['JSON Feed', 'jobs.json']) count(output, hostileCase.vector.name);
    }
  });

  it('keeps only http(s) and mailto links from URL fields, in pages and data alike', () => {
    for (const entry of build.board.entries) {
      const { posting } = entry;
      // Parsed and re-serialised by the URL parser: no whitespace, quotes or angle brackets left raw.
      expect(posting.applyUrl).toMatch(/^(?:https?:\/\/[^\s"<>]+|mailto:[^\s"<>]+)$/);
      if (posting.company.url !== null) expect(posting.company.url).toMatch(/^https?:\/\/[^\s"<>]+$/);
      const hostileCase = caseOfEntry().get(entry.file)!;
      if (hostileCase.field !== 'text') count('apply/company URL', hostileCase.vector.name);
      const links = [...elements(parseDocument(read(`jobs/${posting.id}/index.html`)))].filter((element) => element.tagName === 'a').map((element) => attribute(element, 'href') ?? '');
      if (posting.validThrough >= BUILD_DATE) expect(links).toContain(posting.applyUrl);
      else expect(links).not.toContain(posting.applyUrl);
    }
  });

  it.each([
    ['code span', '<script>alert(1)</script>'],
    ['fenced code', '<script>alert(1)</script>'],
    ['pre-escaped entities', '<script>alert(1)</script>'],
    ['nunjucks expression', "{{ constructor.constructor('alert(1)')() }}"],
    ['nunjucks tag', '{% include "/etc/passwd" %}{{ site | dump | safe }}'],
    ['template literal', '${alert(1)}'],
    ['ampersands and quotes', `Tom & Jerry's "quoted"`],
  ])('shows the %s vector in the body as the text it is, neither run nor dropped', (name, shown) => {
    const hostileCase = build.cases.find((candidate) => candidate.field === 'text' && candidate.vector.name === name)!;
    const posting = build.entryByFile.get(hostileCase.file)!.posting;
    const body = [...elements(parseDocument(read(`jobs/${posting.id}/index.html`)))].find((element) => hasClass(element, 'posting-body'))!;
    expect(textContent(body)).toContain(shown);
  });

  it('writes robots.txt with nothing but the site URL in it', () => {
    const robots = read('robots.txt');
    expect(robots).not.toMatch(/[<>"]/);
    expect(robots).toContain(`${SITE_URL}sitemap.xml`);
  });

  it('indexes the postings for search as data, never as markup', () => {
    const fragments = build.files.filter((file) => /^pagefind\/(?:[0-9a-f]{12}\/)?fragment\//.test(file));
    if (!existsSync(path.join(build.outDir, 'pagefind'))) {
      console.info('No search index (pagefind/) in this build: skipping its checks.');
      return;
    }
    const open = new Map(openPostings().map((posting) => [`/board/jobs/${posting.id}/`, posting]));
    expect(fragments.length).toBe(open.size);
    for (const file of fragments) {
      const raw = gunzipSync(readFileSync(path.join(build.outDir, file))).toString('utf8');
      const fragment = JSON.parse(raw.replace(/^pagefind_dcd/, '')) as { url: string; content: string; meta: { title?: string } };
      const posting = open.get(fragment.url) ?? [...open.values()].find((candidate) => fragment.url.endsWith(`/jobs/${candidate.id}/`));
      expect(posting, fragment.url).toBeDefined();
      expect(isDangerousUrl(fragment.url)).toBe(false);
      expect(fragment.content).toContain(posting!.title);
      countPosting('search index', posting!);
    }
  });
});

function xmlElements(root: XmlElement): { element: XmlElement; parent: XmlElement | null }[] {
  const found: { element: XmlElement; parent: XmlElement | null }[] = [];
  const stack: { element: XmlElement; parent: XmlElement | null }[] = [{ element: root, parent: null }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    found.push(next);
    for (const child of next.element.children) stack.push({ element: child, parent: next.element });
  }
  return found;
}

function localName(element: XmlElement): string {
  return element.tag.replace(/^\{[^}]*\}/, '');
}

describe('the HTML checker used above', () => {
  it.each([
    ['<script>alert(1)</script>', /script element/],
    ['<img src=x onerror=alert(1)>', /event handler onerror/],
    ['<a href="java&#x09;script:alert(1)">x</a>', /dangerous URL in href/],
    ['<a href=" &#14;javascript:alert(1)">x</a>', /dangerous URL in href/],
    ['<svg><a xlink:href="javascript:alert(1)">x</a></svg>', /dangerous URL in xlink:href/],
    ['<img srcset="https://ok.example/a.png 1x, javascript:alert(1) 2x">', /dangerous URL in srcset/],
    ['<form><button formaction="vbscript:x">x</button></form>', /dangerous URL in formaction/],
    ['<iframe src="https://ok.example/"></iframe>', /forbidden element <iframe/],
    ['<object data="data:text/html,x"></object>', /forbidden element|dangerous URL in data/],
    ['<div style="width: expression(alert(1))">x</div>', /active CSS/],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', /meta refresh/],
    ['<template><img src=x onerror=alert(1)></template>', /event handler onerror/],
  ])('finds the problem in %s', (html, problem) => {
    const problems = htmlProblems(`<!doctype html><html><head></head><body>${html}</body></html>`);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('finds nothing in harmless HTML', () => {
    expect(htmlProblems('<p><a href="https://ok.example/?q=javascript:x" title="javascript:alert(1)">ok</a> <img src="https://ok.example/a.png" alt="onerror=alert(1)"> &lt;script&gt;</p>', { fragment: true })).toEqual([]);
  });
});
