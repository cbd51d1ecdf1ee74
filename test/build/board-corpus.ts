// A board folder for the cache and parallel tests: the generated benchmark
// corpus when ../shared is beside the repository (messy, realistic postings),
// otherwise the example board's postings copied under several names.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MAKE_CORPUS = path.join(REPO, '..', 'shared', 'bench', 'make-corpus.mjs');

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A content folder with about `count` postings under `postings/`. */
export function makeBoard(dir: string, count: number): string {
  const content = path.join(dir, 'content');
  if (existsSync(MAKE_CORPUS)) {
    execFileSync(process.execPath, [MAKE_CORPUS, String(count), content], { stdio: 'ignore' });
    return content;
  }
  const source = path.join(REPO, 'content', 'postings');
  const postings = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(md|markdown)$/.test(name)).sort();
  mkdirSync(path.join(content, 'postings'), { recursive: true });
  for (let copy = 0; copy * postings.length < count; copy++) {
    // A suffix keeps the copies' ids (taken from the file name) apart.
    for (const name of postings) cpSync(path.join(source, name), path.join(content, 'postings', name.replace(/\.(md|markdown)$/, `-copy${copy}$&`)));
  }
  return content;
}

/** sha256 of every file's path and bytes under `dir`, in path order. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(dir, file))).update('\0');
  return `${files.length}:${hash.digest('hex')}`;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
