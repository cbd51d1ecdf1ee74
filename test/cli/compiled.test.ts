// The CLI runs the compiled copy in lib/ only while it was compiled from the
// sources as they are, and that copy builds the same site as the sources run
// through tsx, worker pool included. Works on a copy of the package, so the
// checkout's own lib/ is never touched.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashTree, makeBoard, makeTempDir, removeDir } from '../build/board-corpus.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let pkg: string;
let content: string;

function jobsite(args: string[]): string {
  return execFileSync(process.execPath, [path.join(pkg, 'bin', 'jobsite.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  dir = makeTempDir('jobsite-compiled-');
  pkg = path.join(dir, 'package');
  mkdirSync(path.join(pkg, 'scripts'), { recursive: true });
  for (const entry of ['src', 'bin', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/compile.js']) {
    cpSync(path.join(REPO, entry), path.join(pkg, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(pkg, 'scripts', 'compile.js')], { stdio: 'ignore' });
  // Enough postings for the worker pool (64 or more to parse).
  content = makeBoard(dir, 70);
}, 120_000);
afterAll(() => removeDir(dir));

describe('the compiled CLI', () => {
  it('mirrors src/ in lib/ with the data files, and records what it was compiled from', () => {
    expect(existsSync(path.join(pkg, 'lib', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(path.join(pkg, 'lib', 'build', 'parallel', 'posting-worker.js'))).toBe(true);
    expect(readFileSync(path.join(pkg, 'lib', 'render', 'search', 'currency-rates.json'))).toEqual(readFileSync(path.join(pkg, 'src', 'render', 'search', 'currency-rates.json')));
    expect(readFileSync(path.join(pkg, 'lib', '.source-digest'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('runs lib/ while it matches src/, and the sources as soon as one is edited', () => {
    // A mark only the compiled copy carries shows which one ran.
    const compiledMain = path.join(pkg, 'lib', 'cli', 'main.js');
    const original = readFileSync(compiledMain, 'utf8');
    const marked = original.replace('A static site generator for job boards', 'COMPILED-COPY A static site generator for job boards');
    expect(marked).not.toBe(original);
    writeFileSync(compiledMain, marked);
    try {
      expect(jobsite(['--help'])).toContain('COMPILED-COPY');
      appendFileSync(path.join(pkg, 'src', 'cli', 'build-date.ts'), '\n// an edit not yet compiled\n');
      expect(jobsite(['--help'])).not.toContain('COMPILED-COPY');
      expect(jobsite(['--help'])).toContain('A static site generator for job boards');
    } finally {
      writeFileSync(compiledMain, original);
    }
  });

  it('builds byte for byte the site the sources build, parsing in the worker pool', () => {
    execFileSync(process.execPath, [path.join(pkg, 'scripts', 'compile.js')], { stdio: 'ignore' });
    const build = (out: string) => jobsite(['-v', 'build', '--content', content, '--out', out, '--now', '2026-11-29', '--keep-going', '--no-cache']);
    build(path.join(dir, 'from-lib'));
    rmSync(path.join(pkg, 'lib'), { recursive: true });
    build(path.join(dir, 'from-src'));
    expect(hashTree(path.join(dir, 'from-lib'))).toBe(hashTree(path.join(dir, 'from-src')));
  }, 300_000);
});
