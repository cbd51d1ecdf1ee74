// serve's preview build updates the published folder in place: it replaces
// the pages a change touches and removes those of deleted postings, leaves
// every other file as it is (same inode: not even linked again), keeps the
// last search index and feeds for the full build that follows, and that full
// build writes exactly what a cold build writes. A preview that fails before
// moving anything leaves the folder untouched.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBoard } from '../../src/build/load-board.ts';
import { BuildError, buildSite } from '../../src/build/build-site.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import type { BoardConfig } from '../../src/board.ts';
import { hashTree, makeBoard, makeTempDir, removeDir } from './board-corpus.ts';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const config: BoardConfig = { ...DEFAULT_CONFIG, siteUrl: 'https://jobs.example.com/' };
const BUILD_DATE = '2026-11-29';

let dir: string;
let content: string;
let templates: string;
let cacheDir: string;
let out: string;

beforeAll(() => {
  dir = makeTempDir('jobsite-preview-');
  content = makeBoard(dir, 24);
  templates = path.join(dir, 'templates');
  cpSync(TEMPLATES, templates, { recursive: true });
  cacheDir = path.join(dir, 'cache');
  out = path.join(dir, 'dist');
});
afterAll(() => removeDir(dir));

/** Inode of every file below `root`, by relative path. */
function inodes(root: string): Map<string, number> {
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(root, file).split(path.sep).join('/'), statSync(file).ino] as const;
      }),
  );
}

const entries = async () => (await loadBoard(content, config, { threads: 1 })).entries;
// Shards of a few postings, as a board of thousands has: a change touches one of them.
const searchShardSizes = { boundaryOdds: 3, min: 2, max: 5 };
const build = async (preview: boolean) => buildSite({ entries: await entries(), config, buildDate: BUILD_DATE, outDir: out, templatesDir: templates, cacheDir, preview, searchShardSizes });
/** The shards of the search index that the published home page names. */
const indexFolders = () => /data-indexes="([^"]*)"/.exec(readFileSync(path.join(out, 'index.html'), 'utf8'))![1]!.split(' ');

describe('a preview build', () => {
  it('replaces only the pages a change touches, then the full build matches a cold one', async () => {
    await build(false);
    const before = inodes(out);
    const shardsBefore = indexFolders();
    expect(shardsBefore.length).toBeGreaterThan(2);
    const open = (await entries()).filter((entry) => before.has(`jobs/${entry.posting.id}/index.html`) && entry.posting.validThrough >= BUILD_DATE);
    const [edited, removed] = open;
    expect(edited).toBeDefined();
    expect(removed).toBeDefined();
    const editedFile = path.join(content, edited!.file);
    writeFileSync(editedFile, readFileSync(editedFile, 'utf8').replace(/^title: .*$/m, 'title: Previewed Title'));
    rmSync(path.join(content, removed!.file));

    const folderInode = (folder: string) => statSync(path.join(out, folder)).ino;
    const unchangedFolder = `jobs/${open[3]!.posting.id}`;
    const foldersBefore = [folderInode('.'), folderInode('jobs'), folderInode(unchangedFolder)];
    const preview = await build(true);
    // In place: the very folders stay (a new tree would have hard-linked the same files into new folders).
    expect([folderInode('.'), folderInode('jobs'), folderInode(unchangedFolder)]).toEqual(foldersBefore);
    expect(preview.stale).toBe(true);
    const after = inodes(out);
    expect(readFileSync(path.join(out, 'jobs', edited!.posting.id, 'index.html'), 'utf8')).toContain('Previewed Title');
    expect(existsSync(path.join(out, 'jobs', removed!.posting.id, 'index.html'))).toBe(false);
    // Untouched files are the very same files; the search index and site feeds are the last build's.
    const same = [...after].filter(([file, inode]) => before.get(file) === inode).map(([file]) => file);
    expect(same.length).toBeGreaterThan(0.6 * before.size);
    for (const kept of ['feed.xml', 'atom.xml', 'jobs.json']) expect(same).toContain(kept);
    // The shards the change did not touch are kept as they were; the one that lost a posting waits for the full build.
    const keptShards = indexFolders().filter((folder) => shardsBefore.includes(folder));
    expect(keptShards.length).toBeGreaterThan(0);
    expect(keptShards.length).toBeLessThan(shardsBefore.length);
    for (const folder of keptShards) expect(same).toContain(`${folder}/pagefind-entry.json`);
    for (const [file] of open.slice(2, 6).map((entry) => [`jobs/${entry.posting.id}/index.html`])) expect(same).toContain(file);
    expect(same).not.toContain(`jobs/${edited!.posting.id}/index.html`);

    const full = await build(false);
    expect(full.stale).toBe(false);
    const cold = path.join(dir, 'cold');
    await buildSite({ entries: await entries(), config, buildDate: BUILD_DATE, outDir: cold, templatesDir: templates, searchShardSizes });
    expect(hashTree(out)).toBe(hashTree(cold));
  }, 120_000);

  it('leaves the folder exactly as it was when the templates fail', async () => {
    await build(false);
    const before = hashTree(out);
    const beforeInodes = inodes(out);
    const editedFile = path.join(content, 'postings', readdirSync(path.join(content, 'postings')).filter((name) => name.endsWith('.md')).sort()[0]!);
    writeFileSync(editedFile, readFileSync(editedFile, 'utf8').replace(/^title: .*$/m, 'title: Never Shown'));
    const page = path.join(templates, '_includes/pages/job.njk');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, `${original}{% if %}`);
    try {
      await expect(build(true)).rejects.toBeInstanceOf(BuildError);
    } finally {
      writeFileSync(page, original);
    }
    expect(hashTree(out)).toBe(before);
    expect(inodes(out)).toEqual(beforeInodes);
  }, 120_000);
});
