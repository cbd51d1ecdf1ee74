import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPostingFiles } from '../../src/load/find-posting-files.ts';

let dir: string;
let outside: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobsite-find-'));
  outside = mkdtempSync(path.join(tmpdir(), 'jobsite-outside-'));
  const postings = path.join(dir, 'content', 'postings');
  for (const sub of ['b', 'a/deep', '.hidden', 'node_modules']) mkdirSync(path.join(postings, sub), { recursive: true });
  for (const file of ['z.md', 'B.md', 'a.markdown', 'notes.txt', 'b/2.md', 'b/10.md', 'a/deep/x.MD', '.hidden/h.md', 'node_modules/n.md', 'ä.md']) {
    writeFileSync(path.join(postings, file), 'x');
  }
  writeFileSync(path.join(outside, 'secret.md'), 'x');
  mkdirSync(path.join(outside, 'folder'));
  writeFileSync(path.join(outside, 'folder', 'more.md'), 'x');
  symlinkSync(path.join(outside, 'secret.md'), path.join(postings, 'link-out.md'));
  symlinkSync(path.join(outside, 'folder'), path.join(postings, 'dir-out'));
  symlinkSync(path.join(postings, 'z.md'), path.join(postings, 'link-in.md'));
  symlinkSync(postings, path.join(postings, 'b', 'loop'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('findPostingFiles', () => {
  it('lists Markdown files recursively in code point order, skipping hidden folders and tooling', async () => {
    const files = await findPostingFiles(path.join(dir, 'content'));
    expect(files).toEqual([
      'postings/B.md',
      'postings/a.markdown',
      'postings/a/deep/x.MD',
      'postings/b/10.md',
      'postings/b/2.md',
      'postings/link-in.md',
      'postings/z.md',
      'postings/ä.md',
    ]);
  });

  it('returns nothing for a content folder without postings/', async () => {
    expect(await findPostingFiles(path.join(dir))).toEqual([]);
  });
});
