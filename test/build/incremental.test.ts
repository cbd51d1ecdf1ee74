// Keeping files from the last build never changes what a build makes: a board
// rebuilt again and again into one folder with the cache gives, after every
// change (edits, deletions, renames, a template change, a build date that
// closes postings, a published file touched by hand, an unreadable record),
// exactly the site a cold build without any cache gives; and a rebuild with
// nothing changed makes almost nothing again.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFiles } from '../../src/write/write-files.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBoard } from '../../src/build/load-board.ts';
import { buildSite, type BuildSiteResult } from '../../src/build/build-site.ts';
import { BodyStore } from '../../src/build/memory/body-store.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import type { BoardConfig } from '../../src/board.ts';
import { makeBoard, makeTempDir, hashTree, removeDir } from './board-corpus.ts';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const config: BoardConfig = { ...DEFAULT_CONFIG, siteUrl: 'https://jobs.example.com/' };

let dir: string;
let content: string;
let templates: string;
let cacheDir: string;
let out: string;
let step = 0;
const warnings: string[] = [];

beforeAll(() => {
  dir = makeTempDir('jobsite-incremental-');
  content = makeBoard(dir, 30);
  templates = path.join(dir, 'templates');
  cpSync(TEMPLATES, templates, { recursive: true });
  cacheDir = path.join(dir, 'cache');
  out = path.join(dir, 'dist');
});
afterAll(() => removeDir(dir));

/** A cold build (no cache, fresh folder) and a kept-files build into `out`; both trees. */
async function buildBoth(buildDate: string): Promise<{ cold: string; kept: string; result: BuildSiteResult }> {
  const board = await loadBoard(content, config, { threads: 1 });
  const coldOut = path.join(dir, `cold-${step++}`);
  await buildSite({ entries: board.entries, config, buildDate, outDir: coldOut, templatesDir: templates });
  // The kept build reads its postings' bodies from a file, as the command does; the cold one holds them.
  const bodies = BodyStore.open(cacheDir);
  const stored = await loadBoard(content, config, { threads: 1, bodies });
  const result = await buildSite({ entries: stored.entries, config, buildDate, outDir: out, templatesDir: templates, cacheDir, warn: (message) => warnings.push(message) }).finally(() => bodies.close());
  const cold = hashTree(coldOut);
  rmSync(coldOut, { recursive: true });
  return { cold, kept: hashTree(out), result };
}

const postings = () => readdirSync(path.join(content, 'postings')).filter((name) => name.endsWith('.md')).sort();
const jobPages = () => readdirSync(path.join(out, 'jobs')).sort();

describe('a build that keeps unchanged files from the last one', () => {
  it('writes the site a cold build writes, after every kind of change', async () => {
    const first = await buildBoth('2026-11-29');
    expect(first.kept).toBe(first.cold);
    expect(first.result.reused).toBe(0);

    // Nothing changed: every posting, listing and directory page, listing feed and the search index are kept.
    const again = await buildBoth('2026-11-29');
    expect(again.kept).toBe(first.cold);
    const alwaysMade = again.result.files - again.result.reused;
    expect(again.result.reused).toBeGreaterThan(0.8 * again.result.files);
    expect(alwaysMade).toBeLessThan(20);

    // Edits, deletions, renames.
    const names = postings();
    for (const name of names.slice(0, 3)) {
      const file = path.join(content, 'postings', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited Title Of This Role'));
    }
    for (const name of names.slice(3, 5)) rmSync(path.join(content, 'postings', name));
    for (const name of names.slice(5, 7)) renameSync(path.join(content, 'postings', name), path.join(content, 'postings', name.replace(/\.md$/, '-renamed.md')));
    const edited = await buildBoth('2026-11-29');
    expect(edited.kept).toBe(edited.cold);
    expect(edited.kept).not.toBe(first.cold);
    expect(edited.result.reused).toBeGreaterThan(0);
    expect(edited.result.reused).toBeLessThan(again.result.reused);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Edited Title Of This Role');

    // A template change reaches every page that uses it.
    const layout = path.join(templates, '_includes', 'layouts', 'base.njk');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('<meta name="color-scheme"', '<meta name="generator" content="jobsite test">\n<meta name="color-scheme"'));
    const restyled = await buildBoth('2026-11-29');
    expect(restyled.kept).toBe(restyled.cold);
    for (const id of jobPages()) expect(readFileSync(path.join(out, 'jobs', id, 'index.html'), 'utf8')).toContain('content="jobsite test"');

    // Months later: open postings have closed.
    const later = await buildBoth('2027-03-01');
    expect(later.kept).toBe(later.cold);
    expect(later.kept).not.toBe(restyled.kept);

    // A published page edited by hand is made again, not kept.
    const page = path.join(out, 'jobs', jobPages()[0]!, 'index.html');
    writeFileSync(page, '<p>defaced</p>');
    const repaired = await buildBoth('2027-03-01');
    expect(repaired.kept).toBe(later.cold);

    // A published file removed by hand is made again.
    rmSync(path.join(out, 'jobs', jobPages()[1]!, 'index.html'));
    expect((await buildBoth('2027-03-01')).kept).toBe(later.cold);
    expect(warnings).toEqual([]);
  }, 300_000);

  it('makes every file again, with a warning, when the record of the last build is unreadable', async () => {
    const records = path.join(cacheDir, 'outputs');
    for (const name of readdirSync(records)) writeFileSync(path.join(records, name), '{"version":1,"outDir":');
    const rebuilt = await buildBoth('2027-03-01');
    expect(rebuilt.kept).toBe(rebuilt.cold);
    expect(rebuilt.result.reused).toBe(0);
    expect(warnings.splice(0)).toEqual([expect.stringMatching(/ignored the unusable record of the last build .*every file is made again/)]);
    // The next build has a good record again.
    expect((await buildBoth('2027-03-01')).result.reused).toBeGreaterThan(0);
  }, 120_000);

  it('serialises the feed items of unchanged postings once, and ignores unusable kept items with a warning', async () => {
    const memo = path.join(cacheDir, 'feed-items.jsonl');
    const editTitle = (name: string, title: string) => {
      const file = path.join(content, 'postings', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    };
    // A kept item is used as it was kept: a marker put into one (with a valid checksum) reaches the feed.
    const first = postings()[0]!;
    editTitle(first, 'Memo Probe One');
    await buildBoth('2026-11-29');
    // The file: a header line, item lines, a closing line with their count and checksum.
    const lines = readFileSync(memo, 'utf8').split('\n').slice(0, -1);
    const [header, items, closing] = [lines[0]!, lines.slice(1, -1), JSON.parse(lines.at(-1)!) as { sha256: string }];
    const marked = items.map((line) => (line.includes('<entry>') && !line.includes('Memo Probe') ? line.replace('<entry>', '<entry><!--kept-->') : line));
    expect(marked.filter((line) => line.includes('<!--kept-->')).length).toBeGreaterThan(0);
    const body = [header, ...marked].map((line) => `${line}\n`).join('');
    closing.sha256 = createHash('sha256').update(body).digest('hex');
    writeFileSync(memo, `${body}${JSON.stringify(closing)}\n`);
    editTitle(first, 'Memo Probe Two');
    const reused = await buildBoth('2026-11-29');
    expect(reused.kept).not.toBe(reused.cold);
    expect(readFileSync(path.join(out, 'atom.xml'), 'utf8')).toContain('<!--kept-->');
    expect(readFileSync(path.join(out, 'atom.xml'), 'utf8')).toContain('Memo Probe Two');
    expect(warnings.splice(0)).toEqual([]);

    // Damaged (a byte changed, the checksum not): reported once, not used, and replaced.
    writeFileSync(memo, readFileSync(memo, 'utf8').replace('<!--kept-->', '<!--kepT-->'));
    editTitle(first, 'Memo Probe Three');
    const rebuilt = await buildBoth('2026-11-29');
    expect(rebuilt.kept).toBe(rebuilt.cold);
    expect(warnings.splice(0)).toEqual([expect.stringMatching(/ignored the unusable feed items in the cache .*checksum/)]);
    editTitle(first, 'Memo Probe Four');
    const next = await buildBoth('2026-11-29');
    expect(next.kept).toBe(next.cold);
    expect(warnings).toEqual([]);
  }, 120_000);

  it('follows templates that are links to folders elsewhere, and sees their edits', async () => {
    // The layouts live outside the templates folder, linked in.
    const elsewhere = path.join(dir, 'shared-includes');
    renameSync(path.join(templates, '_includes'), elsewhere);
    symlinkSync(elsewhere, path.join(templates, '_includes'), 'dir');
    const linked = await buildBoth('2027-03-01');
    expect(linked.kept).toBe(linked.cold);
    const layout = path.join(elsewhere, 'layouts', 'base.njk');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('content="jobsite test"', 'content="jobsite linked"'));
    const edited = await buildBoth('2027-03-01');
    expect(edited.kept).toBe(edited.cold);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('content="jobsite linked"');
  }, 120_000);
});

describe('writing generated files', () => {
  it('never writes into a file that is already there (it could be a link to a published file)', async () => {
    const folder = makeTempDir('jobsite-wx-');
    try {
      const published = path.join(folder, 'published.xml');
      writeFileSync(published, 'published');
      const building = path.join(folder, 'building');
      mkdirSync(building);
      linkSync(published, path.join(building, 'published.xml'));
      await expect(writeFiles(building, new Map([['published.xml', 'new']]))).rejects.toThrow(/EEXIST/);
      expect(readFileSync(published, 'utf8')).toBe('published');
    } finally {
      removeDir(folder);
    }
  });
});
