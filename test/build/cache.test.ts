// The posting cache never changes what a build makes: a cached rebuild, a
// parallel build and a cold single-threaded build write byte-identical sites,
// also after edits, deletions, renames and a build date that closes postings.
// An entry that is corrupt, truncated or from another format is reported,
// ignored and rewritten; results that git history decided are never stored.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFile } from 'vfile';
import { loadBoard, type LoadBoardOptions, type LoadedBoard } from '../../src/build/load-board.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import type { BoardConfig } from '../../src/board.ts';
import { makeBoard, makeTempDir, hashTree, removeDir } from './board-corpus.ts';
import { computeFingerprint } from '../../src/build/cache/pipeline-fingerprint.ts';
import { FileDigests } from '../../src/build/incremental/file-digests.ts';

const config: BoardConfig = { ...DEFAULT_CONFIG, siteUrl: 'https://jobs.example.com/' };
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
}

function snapshot(board: LoadedBoard) {
  const messages = (file: VFile) => file.messages.map(({ reason, ruleId, source, place, fatal }) => ({ reason, ruleId, source, place, fatal }));
  return { entries: board.entries, files: board.files.map((file) => ({ path: file.path, messages: messages(file) })) };
}

function postingFiles(content: string): string[] {
  return readdirSync(path.join(content, 'postings')).filter((name) => name.endsWith('.md')).sort();
}

function cacheEntries(cacheDir: string): string[] {
  return readdirSync(cacheDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(cacheDir, name))
    .sort();
}

describe('a cached, a parallel and a cold single-threaded build', () => {
  let dir: string;
  let content: string;
  let cacheDir: string;
  let step = 0;

  beforeAll(() => {
    dir = tempDir('jobsite-cache-site-');
    content = makeBoard(dir, 24);
    cacheDir = path.join(dir, 'cache');
  });

  async function build(options: LoadBoardOptions, buildDate: string) {
    const board = await loadBoard(content, config, { warn: (message) => expect.fail(message), ...options });
    const outDir = path.join(dir, `out-${step++}`);
    const result = await buildSite({ entries: board.entries, config, buildDate, outDir });
    return { board, result, tree: hashTree(outDir) };
  }

  it('write the same site, also after edits, deletions, renames and a later build date', async () => {
    const cold = await build({ threads: 1 }, '2026-11-29');
    const parallel = await build({ threads: 2, parallelThreshold: 1, cacheDir }, '2026-11-29');
    const cached = await build({ threads: 1, cacheDir }, '2026-11-29');
    expect(parallel.board.stats).toMatchObject({ fromCache: 0, threads: 2 });
    expect(cached.board.stats).toMatchObject({ fromCache: cold.board.files.length, processed: 0 });
    expect(cold.result.open).toBeGreaterThan(0);
    expect(parallel.tree).toBe(cold.tree);
    expect(cached.tree).toBe(cold.tree);
    expect(snapshot(cached.board)).toEqual(snapshot(cold.board));

    const files = postingFiles(content);
    for (const name of files.slice(0, 3)) {
      const file = path.join(content, 'postings', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited Title Of This Role'));
    }
    for (const name of files.slice(3, 5)) rmSync(path.join(content, 'postings', name));
    for (const name of files.slice(5, 7)) renameSync(path.join(content, 'postings', name), path.join(content, 'postings', name.replace(/\.md$/, '-renamed.md')));

    // Months later: postings that were open are now closed.
    const later = '2027-02-15';
    const coldAfter = await build({ threads: 1 }, later);
    const cachedAfter = await build({ threads: 2, parallelThreshold: 1, cacheDir }, later);
    expect(cachedAfter.board.stats).toMatchObject({ processed: 5, fromCache: coldAfter.board.files.length - 5, threads: 2 });
    expect(coldAfter.result.closed).toBeGreaterThan(cold.result.closed);
    expect(coldAfter.tree).not.toBe(cold.tree);
    expect(cachedAfter.tree).toBe(coldAfter.tree);
    expect(coldAfter.board.entries.map((entry) => entry.posting.title)).toContain('Edited Title Of This Role');
  }, 240_000);
});

describe('a rebuild that knows from the digests which files changed', () => {
  it('parses them on workers (started before the reads, timed in scripts/bench.ts), with the same result as one thread', async () => {
    const dir = tempDir('jobsite-cache-early-pool-');
    const content = makeBoard(dir, 12);
    const cacheDir = path.join(dir, 'cache');
    // A clock a minute ahead: every file counts as settled when its digest is taken.
    const digests = () => FileDigests.open(cacheDir, content, () => Date.now() + 60_000);
    const first = await digests();
    await loadBoard(content, config, { threads: 1, cacheDir, digests: first });
    await first.save();

    for (const name of postingFiles(content).slice(0, 3)) {
      const file = path.join(content, 'postings', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited Before The Early Pool'));
    }
    const second = await digests();
    expect(second.hasRecord).toBe(true);
    const rebuilt = await loadBoard(content, config, { threads: 2, parallelThreshold: 2, cacheDir, digests: second });
    expect(rebuilt.stats).toMatchObject({ processed: 3, threads: 2 });
    expect(second.filesRead).toBe(3);
    expect(snapshot(rebuilt)).toEqual(snapshot(await loadBoard(content, config, { threads: 1 })));
    expect(rebuilt.entries.filter((entry) => entry.posting.title === 'Edited Before The Early Pool')).toHaveLength(3);
  }, 60_000);
});

describe('the posting cache', () => {
  it('detects corrupt, truncated and foreign entries, warns once, and rebuilds them', async () => {
    const dir = tempDir('jobsite-cache-corrupt-');
    const content = makeBoard(dir, 6);
    const cacheDir = path.join(dir, 'cache');
    const cold = await loadBoard(content, config, { threads: 1 });
    await loadBoard(content, config, { threads: 1, cacheDir });
    const entries = cacheEntries(cacheDir);
    expect(entries.length).toBe(cold.files.length);

    const corruptions: ((text: string) => string)[] = [
      (text) => text.slice(0, -40) + (text.at(-40) === 'a' ? 'b' : 'a') + text.slice(-39), // one flipped character
      (text) => text.slice(0, Math.floor(text.length / 2)), // truncated
      (text) => text.replace(/^jobsite-posting-cache \d+ /, 'jobsite-posting-cache 999 '), // another format version
      () => '', // empty
      (text) => {
        // A well-formed entry with the right checksum whose content is nonsense.
        const [magic, version, key] = text.slice(0, text.indexOf('\n')).split(' ');
        const payload = '{"entry":42,"messages":"no"}';
        return `${magic} ${version} ${key} ${createHash('sha256').update(payload).digest('hex')}\n${payload}`;
      },
    ];
    corruptions.forEach((corrupt, i) => writeFileSync(entries[i]!, corrupt(readFileSync(entries[i]!, 'utf8'))));

    const warnings: string[] = [];
    const recovered = await loadBoard(content, config, { threads: 1, cacheDir, warn: (message) => warnings.push(message) });
    expect(recovered.stats).toMatchObject({ fromCache: cold.files.length - corruptions.length, processed: corruptions.length });
    expect(snapshot(recovered)).toEqual(snapshot(cold));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ignored 5 unusable cache entries/);

    const again: string[] = [];
    const rebuilt = await loadBoard(content, config, { threads: 1, cacheDir, warn: (message) => again.push(message) });
    expect(again).toEqual([]);
    expect(rebuilt.stats.fromCache).toBe(cold.files.length);
    expect(snapshot(rebuilt)).toEqual(snapshot(cold));
  });

  it('keys on the settings the normalisers read', async () => {
    const dir = tempDir('jobsite-cache-config-');
    const content = makeBoard(dir, 3);
    const cacheDir = path.join(dir, 'cache');
    await loadBoard(content, config, { threads: 1, cacheDir });
    const moved = await loadBoard(content, { ...config, siteUrl: 'https://elsewhere.example/' }, { threads: 1, cacheDir });
    expect(moved.stats.fromCache).toBe(0);
    expect(moved.entries[0]!.posting.url).toMatch(/^https:\/\/elsewhere\.example\/jobs\//);
    const longer = await loadBoard(content, { ...config, validityDays: 90 }, { threads: 1, cacheDir });
    expect(longer.stats.fromCache).toBe(0);
    expect((await loadBoard(content, config, { threads: 1, cacheDir })).stats.fromCache).toBe(3);
  });

  it('never stores a posting dated from git history', async () => {
    const dir = tempDir('jobsite-cache-git-');
    const content = path.join(dir, 'content');
    const cacheDir = path.join(dir, 'cache');
    const posting = '---\ntitle: Engineer\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/1\n---\n\nWe build things.\n';
    execFileSync('mkdir', ['-p', path.join(content, 'postings')]);
    writeFileSync(path.join(content, 'postings', 'undated.md'), posting);
    writeFileSync(path.join(content, 'postings', '2026-10-05-dated.md'), posting);
    const env = { ...process.env, GIT_AUTHOR_DATE: '2026-09-15T12:00:00Z', GIT_COMMITTER_DATE: '2026-09-15T12:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    execFileSync('git', ['init', '-q'], { cwd: content, env });
    execFileSync('git', ['add', '.'], { cwd: content, env });
    execFileSync('git', ['commit', '-qm', 'postings'], { cwd: content, env });

    const first = await loadBoard(content, config, { threads: 1, cacheDir });
    expect(first.entries.map((entry) => entry.posting.datePosted)).toEqual(['2026-10-05', '2026-09-15']);
    // Same bytes, newer commit: a stored result would still say 2026-09-15.
    execFileSync('git', ['commit', '-q', '--amend', '--no-edit'], { cwd: content, env: { ...env, GIT_COMMITTER_DATE: '2026-10-20T12:00:00Z' } });
    const second = await loadBoard(content, config, { threads: 1, cacheDir });
    expect(second.stats).toMatchObject({ fromCache: 1, processed: 1 });
    expect(second.entries.map((entry) => entry.posting.datePosted)).toEqual(['2026-10-05', '2026-10-20']);
    expect(cacheEntries(cacheDir)).toHaveLength(1);
  });

  it('builds without it, with one warning, when the cache folder cannot be written', async () => {
    const dir = tempDir('jobsite-cache-readonly-');
    const content = makeBoard(dir, 2);
    const blocked = path.join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const warnings: string[] = [];
    const board = await loadBoard(content, config, { threads: 1, cacheDir: blocked, warn: (message) => warnings.push(message) });
    expect(board.entries.length + board.files.filter((file) => file.messages.some((message) => message.fatal)).length).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be written/);
  });
});

describe('the pipeline fingerprint', () => {
  it('changes with any source the pipeline imports, the lock file or package.json, and with nothing else', async () => {
    const root = tempDir('jobsite-fingerprint-');
    const write = (name: string, text: string) => {
      execFileSync('mkdir', ['-p', path.dirname(path.join(root, name))]);
      writeFileSync(path.join(root, name), text);
    };
    write('package.json', '{"version":"1.0.0"}');
    write('package-lock.json', '{}');
    write('src/entry.ts', "import { a } from './deep/a.ts';\nexport { b } from '../src/b.ts';\n");
    write('src/deep/a.ts', "import type { C } from '../c.ts';\nexport const a = 1;\n");
    write('src/b.ts', 'export const b = 2;\n');
    write('src/c.ts', 'export type C = 3;\n');
    write('src/render.ts', 'export const unrelated = 4;\n');
    const entry = path.join(root, 'src/entry.ts');
    const fingerprints = new Set<string>();
    const expectNew = async () => {
      const fingerprint = await computeFingerprint(root, entry);
      expect(fingerprints.has(fingerprint)).toBe(false);
      fingerprints.add(fingerprint);
    };
    await expectNew();
    write('src/render.ts', 'export const unrelated = 5;\n');
    expect(fingerprints.has(await computeFingerprint(root, entry))).toBe(true);
    for (const [name, text] of [['src/c.ts', 'export type C = 4;\n'], ['src/b.ts', 'export const b = 3;\n'], ['src/deep/a.ts', 'export const a = 2;\n'], ['package-lock.json', '{"x":1}'], ['package.json', '{"version":"1.0.1"}']] as const) {
      write(name, text);
      await expectNew();
    }
  });
});

describe('looking postings up by their recorded digests', () => {
  it('finds unchanged postings in the cache without reading them, reads an edited one, and loads what a cold load loads', async () => {
    const dir = tempDir('jobsite-cache-digests-');
    const content = makeBoard(dir, 12);
    const cacheDir = path.join(dir, 'cache');
    // The files must be settled before the record is taken for their digests to be trusted.
    const later = () => Date.now() + 60_000;
    const load = async () => {
      const digests = await FileDigests.open(cacheDir, content, later);
      const board = await loadBoard(content, config, { cacheDir, digests, threads: 1 });
      await digests.save();
      return { board, read: digests.filesRead };
    };
    const first = await load();
    expect(first.read).toBe(postingFiles(content).length);

    const second = await load();
    expect(second.read).toBe(0);
    expect(second.board.parsed).toEqual([]);
    expect(snapshot(second.board)).toEqual(snapshot(first.board));

    const [edited] = postingFiles(content);
    const file = path.join(content, 'postings', edited!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Looked Up Again'));
    const third = await load();
    expect(third.read).toBe(1);
    expect(third.board.parsed).toEqual([`postings/${edited}`]);
    expect(snapshot(third.board)).toEqual(snapshot(await loadBoard(content, config, { threads: 1 })));
  });
});
