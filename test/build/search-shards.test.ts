// The search index in shards, across builds: an edited posting re-indexes its
// own shard and no other (the others are the very files of the last build),
// a new posting touches only the newest shard, and every cached build is
// byte-identical to a cold one.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadBoard } from '../../src/build/load-board.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import type { BoardConfig } from '../../src/board.ts';
import { hashTree, makeBoard, makeTempDir, removeDir } from './board-corpus.ts';

const config: BoardConfig = { ...DEFAULT_CONFIG, siteUrl: 'https://jobs.example.com/' };
const BUILD_DATE = '2026-11-29';
const searchShardSizes = { boundaryOdds: 3, min: 2, max: 5 };

let dir: string;
let content: string;
let cacheDir: string;
let out: string;

beforeAll(() => {
  dir = makeTempDir('jobsite-shards-');
  content = makeBoard(dir, 30);
  cacheDir = path.join(dir, 'cache');
  out = path.join(dir, 'dist');
});
afterAll(() => removeDir(dir));

const entries = async () => (await loadBoard(content, config, { threads: 1 })).entries;
const build = async (outDir = out, cache: string | undefined = cacheDir) =>
  buildSite({ entries: await entries(), config, buildDate: BUILD_DATE, outDir, cacheDir: cache, searchShardSizes });
const indexFolders = (site = out) => /data-indexes="([^"]*)"/.exec(readFileSync(path.join(site, 'index.html'), 'utf8'))![1]!.split(' ');
const entryInode = (folder: string) => statSync(path.join(out, folder, 'pagefind-entry.json')).ino;
const expectColdEqual = async (name: string) => {
  const cold = path.join(dir, `cold-${name}`);
  await build(cold, undefined);
  expect(hashTree(out)).toBe(hashTree(cold));
};

describe('the search index in shards', () => {
  it('re-indexes only the shard of an edited posting, and a new posting’s', async () => {
    await build();
    const shards = indexFolders();
    expect(shards.length).toBeGreaterThan(3);
    const inodes = new Map(shards.map((folder) => [folder, entryInode(folder)]));

    // An edit of an open posting's body: same members, so the same shard names; one shard re-indexed.
    const jobs = (JSON.parse(readFileSync(path.join(out, 'jobs.json'), 'utf8')) as { jobs: { id: string }[] }).jobs;
    const loaded = await entries();
    const target = loaded.find((entry) => entry.posting.id === jobs[Math.floor(jobs.length / 2)]!.id)!;
    const file = path.join(content, target.file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nAn added sentence about zanzibarite.\n`);
    const edited = await build();
    expect(edited.open).toBe(jobs.length);
    expect(indexFolders()).toEqual(shards);
    const changed = shards.filter((folder) => entryInode(folder) !== inodes.get(folder));
    expect(changed).toHaveLength(1);
    await expectColdEqual('edit');

    // A posting newer than all others joins the last shard or starts one: the others stay.
    const before = new Map(indexFolders().map((folder) => [folder, entryInode(folder)]));
    cpSync(file, path.join(content, 'postings', 'newest-posting.md'));
    const newest = path.join(content, 'postings', 'newest-posting.md');
    writeFileSync(newest, readFileSync(newest, 'utf8').replace(/^date: .*$/m, `date: ${BUILD_DATE}`).replace(/^expires: .*\n/m, ''));
    expect((await build()).open).toBe(jobs.length + 1);
    const after = indexFolders();
    const kept = after.filter((folder) => before.get(folder) === entryInode(folder));
    expect(kept.length).toBeGreaterThanOrEqual(after.length - 1);
    await expectColdEqual('new');
  });
});
