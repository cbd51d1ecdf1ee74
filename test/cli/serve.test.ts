// `jobsite serve` as editors start it: the real CLI on a board where one
// posting is broken. The first build has no last good site to fall back on,
// so it previews the postings that load and says which were left out.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'jobsite-serve-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('jobsite serve', () => {
  it('previews the postings that load when the board starts with a broken one', async () => {
    const content = path.join(work, 'content');
    cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    writeFileSync(path.join(content, 'postings', '2026-11-20-broken.md'), '---\ntitle: Broken\ncompany: Acme\ncountry: DE\napply_url: javascript:alert(1)\n---\n\nBody.\n');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'jobsite.js'), 'serve', '--content', content, '--out', path.join(work, 'dist'), '--port', '0', '--now', '2026-11-29', '--cache-dir', path.join(work, 'cache')], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await expect.poll(() => stderr, { timeout: 60_000, interval: 100 }).toMatch(/\(Ctrl\+C to stop\)/);
      expect(stderr).toMatch(/apply-url-unsafe-protocol/);
      expect(stderr).toMatch(/1 error: 1 posting left out of the preview until fixed/);
      const url = /at (http:\/\/\S+?) \(Ctrl\+C/.exec(stderr)![1]!;
      const home = await (await fetch(url)).text();
      expect(home).toContain('Senior Backend Engineer');
      expect(home).not.toContain('Broken');

      // Fixed, but with a key no posting has: it shows up, with its warning and none of the board's others.
      const before = stderr.length;
      writeFileSync(path.join(content, 'postings', '2026-11-20-broken.md'), '---\ntitle: Fixed Now\ncompany: Acme\ncountry: DE\napply_url: https://acme.example/jobs/1\nfavourite_colour: blue\n---\n\nBody.\n');
      await expect.poll(async () => (await fetch(url)).text(), { timeout: 30_000, interval: 100 }).toContain('Fixed Now');
      const afterSave = stderr.slice(before);
      expect(afterSave).toMatch(/2026-11-20-broken\.md:\d+:\d+ +warning .*favourite_colour/);
      expect(afterSave).not.toMatch(/salary-header-mismatch/);
      expect(stderr.slice(0, before)).toMatch(/salary-header-mismatch/);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 90_000);
});
