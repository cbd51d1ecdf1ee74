// The README's `npx jobsite …` commands, run as written (in a copy of the
// example board, so nothing in the repository changes), must succeed:
// a newcomer copies them verbatim.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdtempSync, cpSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
let work: string;

// Commands in ```sh blocks; `serve` runs until stopped and is tested elsewhere.
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((match) => match[1]!.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.startsWith('npx jobsite ') && !line.startsWith('npx jobsite serve') && !line.includes('['));

function split(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'jobsite-readme-'));
  cpSync(path.join(root, 'content'), path.join(work, 'content'), { recursive: true });
  // The import examples name a file and folders that a reader would have.
  mkdirSync(path.join(work, 'scraped'));
  copyFileSync(path.join(root, 'test', 'fixtures', 'import', 'scraped', '2026-11-07-quarry-data-analyst.txt'), path.join(work, 'scraped', 'ad.txt'));
  cpSync(path.join(root, 'test', 'fixtures', 'import', 'scraped'), path.join(work, 'jobs'), { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'import', 'scraped'), path.join(work, 'old-board'), { recursive: true });
  cpSync(path.join(root, 'content'), path.join(work, 'my-board'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README commands', () => {
  it('lists the commands it shows', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  it.each(commands)('%s', (command) => {
    const args = split(command).slice(2);
    const run = () =>
      execFileSync(process.execPath, [path.join(root, 'bin', 'jobsite.js'), ...args], {
        cwd: work,
        env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 29) / 1000) },
        stdio: 'pipe',
        timeout: 120_000,
      });
    expect(run).not.toThrow();
  }, 150_000);
});
