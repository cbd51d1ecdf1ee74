// Fuzzing the whole pipeline, file to site. Whole files (raw bytes, text
// assembled from YAML and Markdown fragments and injection vectors in three
// encodings, and valid postings with random byte mutations) go through
// readPostingFile and normalisePosting: neither may throw or hang, and each
// yields a posting that keeps every invariant of the record, or errors.
// Small boards of postings with arbitrary field values are then built by
// buildSite into a site whose pages, feeds and data must all be safe and
// well-formed. (That the feed serialisers give well-formed XML and JSON for
// any string, lone surrogates and XML-forbidden characters included, is
// property-tested in test/render/feeds.test.ts; not repeated here.)
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { readPostingFile } from '../../src/load/read-posting-file.ts';
import { normalisePosting } from '../../src/normalise/normalise-posting.ts';
import { hasErrors } from '../../src/diagnostics/report-finding.ts';
import { isRuleId } from '../../src/diagnostics/rules.ts';
import { loadBoard } from '../../src/build/load-board.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { CANONICAL_KEYS } from '../../src/normalise/front-matter/canonicalise-keys.ts';
import { EMPLOYMENT_TYPES, SALARY_PERIODS, REMOTE_MODES, type Posting } from '../../src/posting.ts';
import { parseXmlDocuments } from '../render/python-xml.ts';
import { attribute, htmlProblems } from './html-safety.ts';
import { VECTORS } from './xss-vectors.ts';

/** Per file, on a slow shared machine; files here are at most a few KiB and take milliseconds. */
const PER_FILE_MS = 3_000;
const PER_BOARD_MS = 60_000;
const FILE_RUNS = 600;
const BOARD_RUNS = 10;

let dir: string;
const figures = { files: 0, postings: 0, boards: 0, boardPostings: 0, slowestFileMs: 0 };
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobsite-fuzz-'));
  mkdirSync(path.join(dir, 'postings'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.info(`Fuzz: ${figures.files} whole files (${figures.postings} became postings, slowest ${figures.slowestFileMs.toFixed(0)} ms), ${figures.boards} boards of ${figures.boardPostings} postings built.`);
});

const vector = fc.constantFrom(...VECTORS.map((candidate) => candidate.text));
const yamlSpecial = fc.constantFrom('&a', '*a', '!!binary', '!!js/function', '? ', '|', '>', '{', '}', '[', ']', '- ', ': ', '#', '%YAML 1.2', '---', '...', '"', "'", '\t', '<<: *a', '~', 'null', '.inf', '0x1F', '1e400', '-0');
const markdownFragment = fc.constantFrom(
  '# Heading', '## Sub', 'Setext\n===', '- item', '1. first', '  - nested', '> quote', '> > deep', '```js\ncode\n```', '    indented code', '---', '***',
  '| a | b |\n|---|---|\n| 1 | 2 |', '[link](https://example.com)', '![img](https://example.com/a.png)', '<div>html</div>', '<!-- comment -->', '**bold** _em_ ~~del~~',
  '[^1]\n\n[^1]: note', '[ref]\n\n[ref]: https://example.com', 'www.example.com', 'a@b.co', '&amp; &#x1F4B0; &bogus;', '\\*escaped\\*', '`code`', '<https://example.com>',
);
const line = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), vector, markdownFragment, yamlSpecial);
const yamlLine = fc.oneof(
  fc.tuple(fc.constantFrom(...CANONICAL_KEYS, 'applyUrl', 'salary_min', 'countries', 'Title', 'x'), fc.oneof(line, yamlSpecial, vector)).map(([key, value]) => `${key}: ${value}`),
  line,
);
const textFile = fc
  .tuple(fc.boolean(), fc.array(yamlLine, { maxLength: 12 }), fc.array(fc.oneof(line, markdownFragment, vector), { maxLength: 20 }), fc.constantFrom('utf8', 'utf16le-bom', 'latin1', 'crlf'))
  .map(([fenced, yaml, body, encoding]) => {
    const text = `${fenced ? `---\n${yaml.join('\n')}\n---\n` : ''}${body.join('\n\n')}\n`;
    if (encoding === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    if (encoding === 'latin1') return Buffer.from(text, 'latin1');
    return Buffer.from(encoding === 'crlf' ? text.replace(/\n/g, '\r\n') : text);
  });

// Text fields take anything; fields whose bad values are errors mostly get good ones, so that postings load.
const mostly = <T,>(good: fc.Arbitrary<T>, any: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: any, weight: 1 });
const text = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), vector);
const fields = fc.record(
  {
    title: text,
    company: text,
    location: text,
    salary: fc.oneof(text, fc.constantFrom('£95,000 - £150,000', '$120k–$160k per year', "CHF 120'000 - 140'000", 'Competitive', '4.500 € brutto/Monat', 'USD 45/hour')),
    tags: fc.array(text, { maxLength: 5 }),
    country: mostly(fc.constantFrom<unknown>('UK', 'Germany', 'Worldwide', ['US', 'CA'], 'DE'), text),
    remote: mostly(fc.constantFrom('remote', 'hybrid', true), text),
    apply_url: mostly(fc.oneof(fc.webUrl({ validSchemes: ['https'] }), fc.constant('mailto:jobs@example.com')), fc.oneof(vector, text)),
    company_url: fc.oneof(fc.webUrl(), vector),
    employment_type: mostly(fc.constantFrom('FULL_TIME', 'contract', 'internship'), text),
    expires: mostly(fc.constantFrom('2026-11-28', '2026-12-31'), fc.constantFrom('2027-02-30', '2026-01-01')),
  },
  { requiredKeys: [] },
);

const VALID = Buffer.from(`---\n${stringify({ title: 'Engineer', company: 'Acme', country: 'DE', apply_url: 'https://jobs.example.com/1', salary: '€50,000 - €60,000', tags: ['go', 'rust'], date: '2026-11-20', employment_type: 'FULL_TIME' })}---\n\n# About\n\nWe build things.\n\n- one\n- two\n`);
const mutation = fc.oneof(
  fc.tuple(fc.constant('flip' as const), fc.nat(), fc.integer({ min: 0, max: 255 })),
  fc.tuple(fc.constant('insert' as const), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })),
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 40 })),
  fc.tuple(fc.constant('repeat' as const), fc.nat(), fc.integer({ min: 1, max: 40 })),
);
const mutatedPosting = fc.array(mutation, { minLength: 1, maxLength: 6 }).map((mutations) => {
  let bytes = Buffer.from(VALID);
  for (const [kind, at, arg] of mutations) {
    const index = at % (bytes.length + 1);
    if (kind === 'flip') bytes[Math.min(index, bytes.length - 1)] = arg;
    else if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, index), Buffer.from(arg), bytes.subarray(index)]);
    else if (kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, index), bytes.subarray(index + arg)]);
    else bytes = Buffer.concat([bytes.subarray(0, index + arg), bytes.subarray(index, index + arg), bytes.subarray(index + arg)]);
  }
  return bytes;
});
/** A posting whose front-matter values are arbitrary (often valid), with an arbitrary body. */
const postingText = fc
  .tuple(fields, fc.array(fc.oneof(markdownFragment, vector, fc.string({ maxLength: 80 })), { maxLength: 8 }))
  .map(([overrides, body]) => `---\n${stringify({ title: 'Engineer', company: 'Acme', country: 'DE', apply_url: 'https://jobs.example.com/1', date: '2026-11-20', ...overrides })}---\n\n${body.join('\n\n')}\n`);
const anyFile = fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)), textFile, mutatedPosting, postingText.map((text) => Buffer.from(text)));
const fileName = fc.oneof(
  fc.constantFrom('2026-11-20-acme-engineer.md', 'undated.md', 'UPPER Case.MD', '2026-02-30-bad-date.markdown', '2026-11-20-エンジニア.md'),
  fc.string({ minLength: 1, maxLength: 30 }).map((name) => `2026-11-20-${name.replace(/[\u0000-\u001f/\\]|^\./g, '_')}.md`),
);

/** Every promise the Posting record makes, whatever went in. */
function expectSoundPosting(posting: Posting): void {
  expect(posting.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  expect(posting.url).toBe(`https://jobs.example.org/jobs/${posting.id}/`);
  for (const text of [posting.title, posting.company.name, posting.location.text ?? 'x', posting.salary?.text ?? 'x']) {
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toBe(text.trim());
  }
  expect(posting.applyUrl).toMatch(/^(?:https?:\/\/|mailto:)/);
  expect(new URL(posting.applyUrl).href).toBe(posting.applyUrl);
  if (posting.company.url !== null) expect(posting.company.url).toMatch(/^https?:\/\//);
  expect(posting.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(posting.validThrough >= posting.datePosted).toBe(true);
  expect(posting.tags.length).toBeLessThanOrEqual(30);
  for (const tag of posting.tags) expect(tag).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  for (const country of posting.location.countries) expect(country).toMatch(/^[A-Z]{2}$/);
  if (posting.location.remote !== null) expect(REMOTE_MODES).toContain(posting.location.remote);
  if (posting.employmentType !== null) expect(EMPLOYMENT_TYPES).toContain(posting.employmentType);
  if (posting.salary !== null) {
    expect(SALARY_PERIODS).toContain(posting.salary.period);
    expect(posting.salary.currency).toMatch(/^[A-Z]{3}$/);
    expect(Number.isFinite(posting.salary.min) && posting.salary.min > 0 && posting.salary.min <= posting.salary.max).toBe(true);
  }
  expect(posting.summary.length).toBeLessThanOrEqual(280);
  expect(htmlProblems(posting.contentHtml, { fragment: true })).toEqual([]);
}

describe('the pipeline on whole files', () => {
  it('never throws or hangs, and yields a sound posting or errors, for any file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyFile, fileName, async (bytes, name) => {
        const relative = `postings/f${n++}-${name}`;
        writeFileSync(path.join(dir, relative), bytes);
        const started = performance.now();
        const file = await readPostingFile(dir, relative);
        const entry = hasErrors(file) ? null : await normalisePosting(file, { siteUrl: 'https://jobs.example.org/', validityDays: 60, gitDate: () => null });
        const ms = performance.now() - started;
        rmSync(path.join(dir, relative));
        figures.files++;
        figures.slowestFileMs = Math.max(figures.slowestFileMs, ms);
        expect(ms).toBeLessThan(PER_FILE_MS);
        expect(entry === null).toBe(hasErrors(file));
        for (const message of file.messages) {
          expect(isRuleId(String(message.ruleId))).toBe(true);
          expect(message.line ?? 0).toBeGreaterThanOrEqual(1);
          expect(message.reason).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
        }
        if (entry) {
          figures.postings++;
          expectSoundPosting(entry.posting);
        }
      }),
      { numRuns: FILE_RUNS },
    );
  }, 120_000);
});

describe('the whole build on small boards of arbitrary postings', () => {
  const posting = fc.tuple(postingText, fc.string({ maxLength: 20 }));
  const config = { ...DEFAULT_CONFIG, siteUrl: 'https://jobs.example.org/' };

  it('builds a safe, well-formed site from whatever loads', async () => {
    const xml: { label: string; text: string }[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(posting, { minLength: 1, maxLength: 4 }), async (postings) => {
        const board = path.join(dir, `board-${run++}`);
        mkdirSync(path.join(board, 'content', 'postings'), { recursive: true });
        postings.forEach(([text, name], i) => {
          writeFileSync(path.join(board, 'content', 'postings', `2026-11-20-p${i}-${name.replace(/[\u0000-\u001f/\\]/g, '_')}.md`), text);
        });
        const started = performance.now();
        const loaded = await loadBoard(path.join(board, 'content'), config);
        const outDir = path.join(board, 'dist');
        const result = await buildSite({ entries: loaded.entries, config, buildDate: '2026-11-29', outDir });
        expect(performance.now() - started).toBeLessThan(PER_BOARD_MS);
        figures.boards++;
        figures.boardPostings += loaded.entries.length;
        expect(result.open + result.closed).toBe(loaded.entries.length);
        for (const file of walk(outDir)) {
          const content = readFileSync(path.join(outDir, file), 'utf8');
          if (file.endsWith('.html')) {
            const problems = htmlProblems(content, { allowScript: (script) => attribute(script, 'type') === 'application/ld+json' || /(?:^|\/)assets\/[\w.-]+\.js$/.test(attribute(script, 'src') ?? '') });
            expect(problems, file).toEqual([]);
          } else if (file.endsWith('.xml')) {
            xml.push({ label: `${board}/${file}`, text: content });
          } else if (file.endsWith('.json') && !file.startsWith('pagefind/')) {
            expect(() => JSON.parse(content), file).not.toThrow();
          }
        }
        for (const entry of loaded.entries) expect(walk(outDir)).toContain(`jobs/${entry.posting.id}/index.html`);
        rmSync(board, { recursive: true, force: true });
      }),
      { numRuns: BOARD_RUNS },
    );
    expect(figures.boardPostings).toBeGreaterThan(0);
    const parsed = parseXmlDocuments(xml.map((document) => document.text));
    expect(parsed.flatMap((result, i) => (result.ok ? [] : [`${xml[i]!.label}: ${result.error}`]))).toEqual([]);
  }, 240_000);
});

function walk(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDirectory() ? walk(root, child) : [child];
  });
}
