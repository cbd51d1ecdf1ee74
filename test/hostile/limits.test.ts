// Limits: files too large, binary, in no encoding jobsite reads, YAML bombs
// and deep YAML, Markdown nested ten thousand levels, ten thousand tags or
// front-matter keys, a 900 KB line, and cmark's pathological inputs. Each
// gets a clear diagnostic (or is built) within a bounded time, one posting
// at a time in process; then the real CLI builds a board holding the worst of
// them beside good postings, with --keep-going, a heap cap and a timeout.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { readPostingFile } from '../../src/load/read-posting-file.ts';
import { normalisePosting } from '../../src/normalise/normalise-posting.ts';
import { hasErrors, severityOf } from '../../src/diagnostics/report-finding.ts';
import { MAX_BODY_CHARS } from '../../src/parse/markdown-limits.ts';
import { MAX_TAGS } from '../../src/normalise/fields/parse-tags.ts';
import type { RuleId } from '../../src/diagnostics/rules.ts';
import { PATHOLOGICAL_MARKDOWN } from './pathological-markdown.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
/** Per posting, on a slow shared CI machine; a posting takes well under a second normally. */
const PER_POSTING_MS = 15_000;

const front = (extra: Record<string, unknown> = {}) =>
  `---\n${stringify({ title: 'Engineer', company: 'Acme', country: 'DE', apply_url: 'https://jobs.example.com/1', date: '2026-11-20', ...extra })}---\n\n`;
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

interface LimitCase {
  name: string;
  content: string | Buffer;
  /** The rule that must be reported. */
  rule: RuleId;
  /** Whether the posting is still built (a warning) or refused (an error). */
  built: boolean;
}

const CASES: LimitCase[] = [
  { name: 'a posting over 1 MiB', content: front() + 'x'.repeat(1024 * 1024 + 1), rule: 'file-unreadable', built: false },
  { name: 'a PNG image named .md', content: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), rule: 'file-unreadable', built: false },
  { name: 'control characters', content: bytes(Array.from({ length: 4000 }, (_, i) => 1 + (i % 8))), rule: 'file-unreadable', built: false },
  { name: 'UTF-32 text', content: bytes([0xff, 0xfe, 0, 0], Array.from(Buffer.from(front(), 'utf16le')).flatMap((byte, i) => (i % 2 === 1 ? [byte, 0, 0] : [byte]))), rule: 'file-unreadable', built: false },
  { name: 'UTF-16 without a byte-order mark', content: Buffer.from(front() + 'Body.\n', 'utf16le'), rule: 'file-unreadable', built: false },
  { name: 'bytes that are not UTF-8 (read as Windows-1252)', content: bytes(front(), [0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0x81, 0x8d], '\n'), rule: 'file-encoding-fallback', built: true },
  { name: 'a YAML alias bomb', content: `---\n${ALIAS_BOMB}\ntitle: Engineer\n---\n\nBody.\n`, rule: 'yaml-too-complex', built: false },
  { name: 'YAML flow collections nested 10,000 deep', content: `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n\nBody.\n`, rule: 'yaml-too-complex', built: false },
  { name: 'YAML mappings nested 1,000 deep', content: `---\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} x\n---\n\nBody.\n`, rule: 'yaml-too-complex', built: false },
  { name: '90,000 unknown front-matter keys', content: front(Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 'v']))) + 'Body.\n', rule: 'key-unknown', built: true },
  { name: '10,000 tags', content: front({ tags: Array.from({ length: 10_000 }, (_, i) => `tag${i}`) }) + 'Body.\n', rule: 'tags-invalid', built: true },
  { name: 'lists nested 10,000 deep', content: front() + '- '.repeat(10_000) + 'x\n', rule: 'body-too-deep', built: false },
  { name: 'block quotes nested 10,000 deep', content: front() + '>'.repeat(10_000) + ' x\n', rule: 'body-too-deep', built: false },
  { name: 'lists nested 250 deep by indentation', content: front() + Array.from({ length: 250 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') + '\n', rule: 'body-too-deep', built: false },
  { name: 'HTML elements nested 10,000 deep', content: front() + '<div>\n\n'.repeat(10_000), rule: 'body-too-long', built: false },
  { name: 'HTML elements nested 5,000 deep', content: front() + '<div>\n\n'.repeat(5_000), rule: 'body-too-deep', built: false },
  { name: 'emphasis nested 450 deep', content: front() + '*'.repeat(450) + 'x' + '*'.repeat(450) + '\n', rule: 'body-too-deep', built: false },
  { name: 'a 900 KB line', content: front() + 'a'.repeat(900_000) + '\n', rule: 'body-too-long', built: false },
  { name: 'a 900 KB title', content: front({ title: 'T'.repeat(900_000) }) + 'Body.\n', rule: 'title-missing', built: true },
  { name: 'a body just over the limit', content: front() + 'word '.repeat(MAX_BODY_CHARS / 5 + 1), rule: 'body-too-long', built: false },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobsite-limits-'));
  mkdirSync(path.join(dir, 'postings'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runOne(name: string, content: string | Buffer) {
  const relative = `postings/${name}.md`;
  writeFileSync(path.join(dir, relative), content);
  const started = performance.now();
  const file = await readPostingFile(dir, relative);
  const entry = hasErrors(file) ? null : await normalisePosting(file, { siteUrl: '', validityDays: 60, gitDate: () => null });
  const ms = performance.now() - started;
  rmSync(path.join(dir, relative));
  return { file, entry, ms };
}

describe('one posting at the limits', () => {
  it.each(CASES.map((limitCase, i) => [limitCase.name, i] as const))('%s: a clear diagnostic in bounded time', async (_name, index) => {
    const limitCase = CASES[index]!;
    const { file, entry, ms } = await runOne(`2026-11-20-case-${index}`, limitCase.content);
    expect(ms).toBeLessThan(PER_POSTING_MS);
    expect(entry !== null, file.messages.map((message) => `${message.ruleId}: ${message.reason}`).join('\n')).toBe(limitCase.built);
    expect(entry === null).toBe(hasErrors(file));
    if (limitCase.rule === 'title-missing') {
      // Not an error at all: the title is shown cut short.
      expect(entry!.posting.title.length).toBeLessThanOrEqual(200);
      return;
    }
    const messages = file.messages.filter((message) => message.ruleId === limitCase.rule);
    expect(messages.length, file.messages.map((message) => message.ruleId).join(', ')).toBeGreaterThan(0);
    // One sentence that says what to do, not a stack trace; and never thousands of them.
    for (const message of messages) expect(message.reason).toMatch(/^[^\n]{20,400}$/);
    expect(file.messages.length).toBeLessThanOrEqual(25);
    if (!limitCase.built) expect(messages.some((message) => severityOf(message) === 'error')).toBe(true);
    if (limitCase.rule === 'tags-invalid') expect(entry!.posting.tags).toHaveLength(MAX_TAGS);
  });
});

describe("cmark's pathological Markdown, filling a posting body", () => {
  const size = MAX_BODY_CHARS - 2048;
  it.each(Object.keys(PATHOLOGICAL_MARKDOWN))('%s: refused or rendered in bounded time', async (name) => {
    const body = PATHOLOGICAL_MARKDOWN[name]!(size);
    const { file, entry, ms } = await runOne(`2026-11-20-${name.replace(/\W+/g, '-')}`, front() + body);
    expect(ms).toBeLessThan(PER_POSTING_MS);
    if (entry === null) {
      const rules = file.messages.filter((message) => message.fatal).map((message) => message.ruleId);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.every((rule) => rule === 'body-too-deep' || rule === 'body-too-complex' || rule === 'body-too-long'), rules.join(', ')).toBe(true);
    } else {
      expect(entry.posting.contentHtml.length).toBeGreaterThan(0);
    }
  });
});

describe('a board holding the worst of them, built by the real CLI', () => {
  it('reports each one and builds the rest with --keep-going, within a heap cap and a time limit', async () => {
    const board = mkdtempSync(path.join(tmpdir(), 'jobsite-limits-board-'));
    try {
      const postings = path.join(board, 'content', 'postings');
      mkdirSync(postings, { recursive: true });
      const bad = CASES.filter((limitCase) => !limitCase.built);
      bad.forEach((limitCase, i) => writeFileSync(path.join(postings, `2026-11-20-bad-${i}.md`), limitCase.content));
      writeFileSync(path.join(postings, '2026-11-20-tags.md'), CASES.find((limitCase) => limitCase.rule === 'tags-invalid')!.content);
      for (const name of ['good-one', 'good-two']) writeFileSync(path.join(postings, `2026-11-21-${name}.md`), `${front({ date: '2026-11-21' })}We build things.\n`);

      const started = performance.now();
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          ['--max-old-space-size=512', path.join(ROOT, 'bin', 'jobsite.js'), 'build', '--content', path.join(board, 'content'), '--out', path.join(board, 'dist'), '--now', '2026-11-29', '--keep-going', '--no-cache'],
          { cwd: board, timeout: 150_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
          (_error, _stdout, stderrText) => resolve({ code: child.exitCode, stderr: stderrText }),
        );
      });
      const seconds = (performance.now() - started) / 1000;
      expect(code, stderr.slice(-2000)).toBe(0);
      expect(seconds).toBeLessThan(150);
      bad.forEach((limitCase, i) => expect(stderr, limitCase.name).toMatch(new RegExp(`2026-11-20-bad-${i}\\.md:\\d+:\\d+ +error .*${limitCase.rule}`)));
      expect(stderr).toMatch(new RegExp(`${bad.length} rejected`));
      for (const id of ['good-one', 'good-two', 'tags']) expect(existsSync(path.join(board, 'dist', 'jobs', id, 'index.html')), id).toBe(true);
      const jobs = JSON.parse(readFileSync(path.join(board, 'dist', 'jobs.json'), 'utf8')) as { jobs: { id: string }[] };
      expect(jobs.jobs.map((job) => job.id).sort()).toEqual(['good-one', 'good-two', 'tags']);
    } finally {
      rmSync(board, { recursive: true, force: true });
    }
  }, 180_000);
});
