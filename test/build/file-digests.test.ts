// The digests that let "nothing to do" skip reading every posting: a recorded
// digest is reused only for a file whose identity and timestamps are as
// recorded and that was settled before the record was taken; every other
// file is read, and whatever the record says, a digest is always the digest
// of the file's current bytes.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FileDigests } from '../../src/build/incremental/file-digests.ts';
import { makeTempDir, removeDir } from './board-corpus.ts';

const MAX = 1024;
let dir: string;
let content: string;
let cache: string;
const names = ['a.md', 'b.md', 'nested/c.md'];

beforeEach(() => {
  dir = makeTempDir('jobsite-digests-');
  content = path.join(dir, 'content');
  cache = path.join(dir, 'cache');
  for (const name of names) {
    mkdirSync(path.dirname(path.join(content, name)), { recursive: true });
    writeFileSync(path.join(content, name), `posting ${name}\n`);
  }
});
afterEach(() => removeDir(dir));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('base64');

/** Digests of every file, with the clock at `now`; the record is saved afterwards. */
async function digestAll(now: number): Promise<{ digests: string[]; read: number }> {
  const record = await FileDigests.open(cache, content, () => now);
  const digests = names.map((name) => record.digest(path.join(content, name), name, MAX));
  await record.save();
  return { digests, read: record.filesRead };
}

// A clock well after the files were written, so that they count as settled.
const later = () => Date.now() + 60_000;

describe('FileDigests', () => {
  it('reads every file the first time, and none while nothing changed', async () => {
    const first = await digestAll(later());
    expect(first.read).toBe(3);
    expect(first.digests).toEqual(names.map((name) => sha(path.join(content, name))));
    const second = await digestAll(later());
    expect(second.read).toBe(0);
    expect(second.digests).toEqual(first.digests);
  });

  it('reads a file again when it was written after the record was begun, even with its size and mtime put back', async () => {
    await digestAll(Date.now());
    const file = path.join(content, 'a.md');
    const { mtime } = statSync(file);
    writeFileSync(file, 'posting a.mX\n'); // same size
    utimesSync(file, mtime, mtime);
    const next = await digestAll(later());
    expect(next.read).toBeGreaterThanOrEqual(1);
    expect(next.digests[0]).toBe(sha(file));
  });

  it('catches such an edit through its ctime even when the clock says the record is newer (a clock set back)', async () => {
    const file = path.join(content, 'b.md');
    // A whole second, which utimes can set back exactly.
    const stamp = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, stamp, stamp);
    // The record claims to be taken a minute from now: every file counts as settled.
    await digestAll(later());
    const { size } = statSync(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, 'posting b.mY\n');
    utimesSync(file, stamp, stamp);
    expect(statSync(file).size).toBe(size);
    expect(statSync(file).mtimeMs).toBe(stamp.getTime());
    const next = await digestAll(later());
    expect(next.read).toBe(1);
    expect(next.digests[1]).toBe(sha(file));
  });

  it('reads a file replaced by another one (a new inode), and a file added', async () => {
    await digestAll(later());
    const file = path.join(content, 'nested/c.md');
    const replacement = path.join(dir, 'replacement.md');
    writeFileSync(replacement, 'posting nested/c.md\n'.replace('c', 'd'));
    renameSync(replacement, file);
    const next = await digestAll(later());
    expect(next.read).toBe(1);
    expect(next.digests[2]).toBe(sha(file));
  });

  it.each([
    ['not JSON', '{"format":'],
    ['another format', JSON.stringify({ format: 'jobsite-file-digests 0', takenAt: 0, files: {} })],
    ['a malformed entry', (digests: string) => digests.replace(/"a\.md":\[[^\]]*\]/, '"a.md":[1,2,"x"]')],
    ['a wrong digest', (digests: string) => digests.replace(/"a\.md":\[([^\]]*),"[^"]*"\]/, '"a.md":[$1,"AAAA"]')],
  ])('survives a record that is %s: what it cannot vouch for is read, and an edited file always gets its new digest', async (_name, corrupt) => {
    await digestAll(later());
    const [recordFile] = await readdir(path.join(cache, 'inputs'));
    const recordPath = path.join(cache, 'inputs', recordFile!);
    writeFileSync(recordPath, typeof corrupt === 'string' ? corrupt : corrupt(readFileSync(recordPath, 'utf8')));
    const next = await digestAll(later());
    // A wrong digest in a well-formed record cannot be told apart from a right one, but it only
    // holds while the file is untouched since: a digest is never trusted for changed bytes.
    if (_name !== 'a wrong digest') {
      expect(next.read).toBe(3);
      expect(next.digests).toEqual(names.map((name) => sha(path.join(content, name))));
    }
    writeFileSync(path.join(content, 'a.md'), 'posting a.md, edited\n');
    const edited = await digestAll(later());
    expect(edited.digests[0]).toBe(sha(path.join(content, 'a.md')));
  });

  it('names a file too large to be a posting, or one that cannot be read, without reading it', async () => {
    writeFileSync(path.join(content, 'a.md'), 'x'.repeat(MAX + 1));
    const record = await FileDigests.open(cache, content);
    expect(record.digest(path.join(content, 'a.md'), 'a.md', MAX)).toMatch(/^too large: 1025 /);
    expect(record.digest(path.join(content, 'missing.md'), 'missing.md', MAX)).toBe('unreadable: ENOENT');
    expect(record.filesRead).toBe(0);
  });
});
