// A write that fails — disk full, the swap refused, the lock file not
// creatable — leaves the published site exactly as it was, nothing beside it,
// and an error that says what happened. Failures are injected at the edge
// (node:fs/promises as our write modules see it); a real full disk is a tiny
// tmpfs, when this machine lets the tests mount one (root on Linux).
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBoard } from '../../src/build/load-board.ts';
import { buildSite, BuildError } from '../../src/build/build-site.ts';
import { loadBoardConfig } from '../../src/load/load-board-config.ts';
import type { BoardConfig, PostingEntry } from '../../src/board.ts';
import { BUILD_DATE, ROOT, treeHash, writeBoard } from './board-fixture.ts';

const fail = vi.hoisted(() => ({ writeFile: null as RegExp | null, rename: null as RegExp | null, open: null as RegExp | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const error = (code: string, call: string, file: unknown) => Object.assign(new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'operation not permitted'}, ${call} '${String(file)}'`), { code });
  return {
    ...actual,
    writeFile: (file: Parameters<typeof actual.writeFile>[0], ...rest: [never]) => (fail.writeFile?.test(String(file)) ? Promise.reject(error('ENOSPC', 'write', file)) : actual.writeFile(file, ...rest)),
    rename: (from: string, to: string) => (fail.rename?.test(`${from} -> ${to}`) ? Promise.reject(error('EPERM', 'rename', from)) : actual.rename(from, to)),
    open: (file: string, ...rest: [never]) => (fail.open?.test(String(file)) ? Promise.reject(error('EROFS', 'open', file)) : actual.open(file, ...rest)),
  };
});

let root: string;
let config: BoardConfig;
let oldEntries: PostingEntry[];
let newEntries: PostingEntry[];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'jobsite-write-error-'));
  writeBoard(path.join(root, 'content-old'), 'old');
  writeBoard(path.join(root, 'content-new'), 'new');
  config = await loadBoardConfig(path.join(root, 'content-new'));
  oldEntries = (await loadBoard(path.join(root, 'content-old'), config)).entries;
  newEntries = (await loadBoard(path.join(root, 'content-new'), config)).entries;
}, 60_000);

afterAll(() => {
  fail.writeFile = fail.rename = fail.open = null;
  rmSync(root, { recursive: true, force: true });
});

async function publishedOldSite(name: string): Promise<{ parent: string; out: string; hash: string }> {
  const parent = path.join(root, name);
  mkdirSync(parent);
  const out = path.join(parent, 'dist');
  await buildSite({ entries: oldEntries, config, buildDate: BUILD_DATE, outDir: out });
  return { parent, out, hash: treeHash(out)! };
}

describe('a write that fails', () => {
  it.each([
    ['the disk fills up while the site is written', () => (fail.writeFile = /sitemap\.xml$/), /no space left on device/],
    ['the new site cannot be moved into place', () => (fail.rename = /\.dist\.tmp-.* -> .*\/dist$/), /Cannot move the new site into .*dist: EPERM/],
    ['the old site cannot be moved aside', () => (fail.rename = /\/dist -> .*\.dist\.old-/), /Cannot move the old .*dist aside: EPERM/],
    ['the lock file cannot be created (read-only folder)', () => (fail.open = /\.dist\.lock$/), /Cannot create the lock file .*\.dist\.lock: EROFS/],
  ])('when %s, leaves the old site as it was and says why', async (name, inject, message) => {
    const { parent, out, hash } = await publishedOldSite(`case-${name.replace(/\W+/g, '-')}`);
    inject();
    try {
      const error = await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: out }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(message);
    } finally {
      fail.writeFile = fail.rename = fail.open = null;
    }
    expect(treeHash(out)).toBe(hash);
    expect(readdirSync(parent)).toEqual(['dist']);
    // And the next build, with the fault gone, goes through.
    await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: out });
    expect(treeHash(out)).not.toBe(hash);
  }, 60_000);
});

describe('a preview that fails while moving pages into place', () => {
  it('says why, and the record it can no longer trust is dropped: the next build writes what a cold build writes', async () => {
    const parent = path.join(root, 'preview-move');
    mkdirSync(parent);
    const out = path.join(parent, 'dist');
    const cacheDir = path.join(parent, 'cache');
    await buildSite({ entries: oldEntries, config, buildDate: BUILD_DATE, outDir: out, cacheDir });
    // The first page moves, the next one fails: the folder now mixes old and new files.
    let moves = 0;
    fail.rename = { test: (move: string) => /\.dist\.tmp-.* -> /.test(move) && ++moves > 1 } as RegExp;
    try {
      const error = await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: out, cacheDir, preview: true }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(/Cannot move .* into place: EPERM/);
    } finally {
      fail.rename = null;
    }
    expect(moves).toBeGreaterThan(1);
    expect(readdirSync(path.join(cacheDir, 'outputs')).filter((file) => file.endsWith('.json'))).toEqual([]);
    await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: out, cacheDir });
    const cold = path.join(parent, 'cold');
    await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: cold });
    expect(treeHash(out)).toBe(treeHash(cold));
  }, 60_000);
});

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'jobsite-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const mountable = canMountTmpfs();
if (!mountable) console.info('Cannot mount a tmpfs here (needs root on Linux): skipping the real full-disk test; the injected ENOSPC above covers the same path.');

describe.skipIf(!mountable)('a real full disk (tmpfs)', () => {
  /** Kilobytes in use on the file system holding `dir`. */
  const usedKb = (dir: string) => {
    const stats = statfsSync(dir);
    return ((stats.blocks - stats.bfree) * stats.bsize) / 1024;
  };

  /**
   * A tmpfs holding a copy of the old site as `dist`, shrunk to the old site
   * plus `room` (given what the new site's pages and search index take there).
   */
  async function fullDisk(name: string, room: (sizes: { pages: number; index: number }) => number) {
    const old = await publishedOldSite(`${name}-old`);
    const mountPoint = path.join(root, `${name}-tiny`);
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]);
    const out = path.join(mountPoint, 'dist');
    cpSync(old.out, out, { recursive: true });
    const base = usedKb(mountPoint);
    const probe = path.join(mountPoint, 'probe');
    await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: probe });
    const all = usedKb(mountPoint) - base;
    rmSync(path.join(probe, 'pagefind'), { recursive: true });
    const pages = usedKb(mountPoint) - base;
    rmSync(probe, { recursive: true });
    const size = Math.ceil((base + room({ pages, index: all - pages })) / 4) * 4;
    execFileSync('mount', ['-o', `remount,size=${size}k`, mountPoint]);
    return { mountPoint, out, hash: old.hash, unmount: () => execFileSync('umount', ['-l', mountPoint]) };
  }

  // Room for the old site and a twentieth of the new pages (the disk fills up at once, while Eleventy
  // also copies the assets), or half of them (it fills up among the listing pages).
  it.each([0.05, 0.5])('fails the build with ENOSPC when the pages find %s of the room they need, leaves the old site intact and nothing beside it', async (share) => {
    const disk = await fullDisk(`pages-${share}`, ({ pages }) => pages * share);
    try {
      const error = await buildSite({ entries: newEntries, config, buildDate: BUILD_DATE, outDir: disk.out }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(/ENOSPC|no space left/i);
      expect(treeHash(disk.out)).toBe(disk.hash);
      expect(readdirSync(disk.mountPoint)).toEqual(['dist']);
    } finally {
      disk.unmount();
    }
  }, 60_000);

  // Pagefind's own writeFiles panicked here and never settled (exit 13, no message): the index is
  // now written by src/render/search/write-search-index.ts, so the error is ours to report.
  it('fails the build with a clear error when the disk fills up while the search index is written', async () => {
    const disk = await fullDisk('index', ({ pages, index }) => pages + index / 3);
    try {
      const { code, stderr } = await spawnCli(disk.out);
      expect(treeHash(disk.out)).toBe(disk.hash);
      expect(stderr).toMatch(/the build failed and .*dist\/ was left as it was: .*(?:ENOSPC|no space left|search index)/i);
      expect(code).toBe(1);
      expect(readdirSync(disk.mountPoint)).toEqual(['dist']);
    } finally {
      disk.unmount();
    }
  }, 60_000);
});

function spawnCli(out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'jobsite.js'), 'build', '--content', path.join(root, 'content-new'), '--out', out, '--now', BUILD_DATE, '--no-cache'],
      { cwd: root, timeout: 45_000, killSignal: 'SIGKILL' },
      (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
    );
  });
}
