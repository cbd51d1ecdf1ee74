// A small valid board for the "nothing lost" suites, in two versions (`old`
// and `new`: one posting edited, one added), plus the real CLI run as a child
// process and a byte-for-byte hash of a built site.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export const ROOT = path.join(import.meta.dirname, '..', '..');
export const BUILD_DATE = '2026-11-29';

function posting(i: number, extra = ''): string {
  const data = { title: `Engineer ${i}`, company: `Company ${i % 3}`, country: ['DE', 'GB', 'FR'][i % 3], salary: `€${50 + i},000 per year`, tags: ['go', `team-${i}`], apply_url: `https://jobs.example.com/${i}`, date: `2026-11-${String(10 + i).padStart(2, '0')}` };
  return `---\n${stringify(data)}---\n\nWe build things, posting ${i}.${extra}\n\n- one\n- two\n`;
}

/** Writes the board's content folder; `version` `new` edits posting 1 and adds posting 6. */
export function writeBoard(contentDir: string, version: 'old' | 'new'): void {
  mkdirSync(path.join(contentDir, 'postings'), { recursive: true });
  writeFileSync(path.join(contentDir, 'board.yml'), 'title: Kill Test Board\nsite_url: https://jobs.example.org/\n');
  for (let i = 0; i < 6; i++) writeFileSync(path.join(contentDir, 'postings', `2026-11-${10 + i}-role-${i}.md`), posting(i, version === 'new' && i === 1 ? ' Edited.' : ''));
  if (version === 'new') writeFileSync(path.join(contentDir, 'postings', '2026-11-16-role-6.md'), posting(6));
}

/** `jobsite build` in a child process of its own group, so that a kill takes Pagefind's helper process too. */
export function spawnBuild(contentDir: string, outDir: string, cwd: string): ChildProcess & { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'jobsite.js'), 'build', '--content', contentDir, '--out', outDir, '--now', BUILD_DATE, '--no-cache'], {
    cwd,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return Object.assign(child, { done });
}

export function killGroup(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Hash of every path and byte below `dir`, or null when it does not exist. */
export function treeHash(dir: string): string | null {
  const hash = createHash('sha256');
  try {
    const walk = (current: string) => {
      for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) {
          hash.update(`d ${path.relative(dir, full)}\0`);
          walk(full);
        } else {
          hash.update(`f ${path.relative(dir, full)}\0`).update(readFileSync(full)).update('\0');
        }
      }
    };
    walk(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return hash.digest('hex');
}
