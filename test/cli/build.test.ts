// `jobsite build` end to end, in process: the example board's shape, a failed
// build that must not touch the published site, --keep-going, and
// reproducibility through SOURCE_DATE_EPOCH.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, cpSync, rmSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { main } from '../../src/cli/main.ts';

let work: string;
const exampleContent = path.join(import.meta.dirname, '..', '..', 'content');

async function run(args: string[]) {
  let stderr = '';
  const code = await main(args, { stdout: () => {}, stderr: (text) => (stderr += text), color: false });
  return { code, stderr };
}

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}\0`).update(readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'jobsite-build-'));
  cpSync(exampleContent, path.join(work, 'content'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('jobsite build', () => {
  it('builds the example board with a one-line summary', async () => {
    const { code, stderr } = await run(['build', '--content', path.join(work, 'content'), '--out', path.join(work, 'dist'), '--now', '2026-11-29']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Built \d+ open postings \(\d+ closed, 1 draft, 0 rejected\) into .*dist\/ in [\d.]+ s\.$/m);
    for (const file of ['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'jobs.json', 'sitemap.xml', 'robots.txt', '404.html', 'jobs/monzo-senior-backend-engineer/index.html']) {
      expect(existsSync(path.join(work, 'dist', file)), file).toBe(true);
    }
    const jobs = JSON.parse(readFileSync(path.join(work, 'dist', 'jobs.json'), 'utf8'));
    expect(jobs.version).toBe(1);
    expect(jobs.generated).toBe('2026-11-29');
    const monzo = jobs.jobs.find((job: { id: string }) => job.id === 'monzo-senior-backend-engineer');
    expect(monzo.salary).toMatchObject({ min: 95000, max: 150000, currency: 'GBP', period: 'year' });
  });

  it('leaves the published site byte-identical when a posting has errors, and --keep-going builds the rest', async () => {
    const out = path.join(work, 'dist');
    const before = treeHash(out);
    const broken = path.join(work, 'content', 'postings', '2026-11-28-broken-posting.md');
    writeFileSync(broken, '---\ntitle: Broken\ncompany: Acme\ncountry: DE\napply_url: javascript:alert(1)\n---\n\nBody.\n');
    const failed = await run(['build', '--content', path.join(work, 'content'), '--out', out, '--now', '2026-11-29']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/2026-11-28-broken-posting\.md:5:12 +error .*apply-url-unsafe-protocol/);
    expect(failed.stderr).toMatch(/Build stopped/);
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(work).filter((name) => name.includes('.tmp-'))).toEqual([]);

    const kept = await run(['build', '--content', path.join(work, 'content'), '--out', out, '--now', '2026-11-29', '--keep-going']);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/1 rejected/);
    expect(existsSync(path.join(out, 'jobs', 'broken-posting'))).toBe(false);
    rmSync(broken);
  });

  it('is reproducible: SOURCE_DATE_EPOCH builds into two folders are byte-identical', async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 29) / 1000);
    try {
      for (const name of ['a', 'b']) {
        const { code } = await run(['build', '--content', path.join(work, 'content'), '--out', path.join(work, name), '--site-url', 'https://jobs.example.net/board/']);
        expect(code).toBe(0);
      }
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
    expect(treeHash(path.join(work, 'a'))).toBe(treeHash(path.join(work, 'b')));
    expect(readFileSync(path.join(work, 'a', 'feed.xml'), 'utf8')).toContain('https://jobs.example.net/board/jobs/');
  });

  it('refuses a bad build date with exit 2', async () => {
    const { code, stderr } = await run(['build', '--content', path.join(work, 'content'), '--out', path.join(work, 'x'), '--now', '2026-02-30']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--now must be a real date/);
  });

  it('does nothing when nothing changed since the last build into the folder, and builds again when anything did', async () => {
    const content = path.join(work, 'content-unchanged');
    cpSync(exampleContent, content, { recursive: true });
    const out = path.join(work, 'dist-unchanged');
    const cache = path.join(work, 'cache-unchanged');
    const build = (...extra: string[]) => run(['build', '--content', content, '--out', out, '--now', '2026-11-29', '--cache-dir', cache, ...extra]);
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Built /m);
    const built = treeHash(out);

    const again = await build();
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^Nothing to do: .*dist-unchanged\/ already holds the build of these inputs, \d+ open postings \(\d+ closed, 1 draft, 0 rejected\); checked in [\d.]+ s\.$/m);
    // The warnings the build reported are reported again.
    expect(again.stderr.replace(/^(Built|Nothing to do).*$/m, '')).toBe(first.stderr.replace(/^(Built|Nothing to do).*$/m, ''));
    expect(treeHash(out)).toBe(built);

    // Each of these makes the next build a real one.
    const changes: [string, () => void][] = [
      ['a published file was edited', () => writeFileSync(path.join(out, 'index.html'), 'defaced')],
      ['a published file was removed', () => rmSync(path.join(out, 'feed.xml'))],
      ['a file was added to the output', () => writeFileSync(path.join(out, 'stray.html'), 'stray')],
      ['a posting was edited', () => writeFileSync(path.join(content, 'postings', 'extra.md'), '---\ntitle: Extra Role\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/x\ndate: 2026-11-20\n---\n\nBody text.\n')],
    ];
    for (const [change, apply] of changes) {
      apply();
      const rebuilt = await build();
      expect(rebuilt.code, change).toBe(0);
      expect(rebuilt.stderr, change).toMatch(/^Built /m);
      expect(existsSync(path.join(out, 'stray.html')), change).toBe(false);
      expect((await build()).stderr, `${change}, then nothing`).toMatch(/^Nothing to do: /m);
    }
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Extra Role');
    expect((await build('--now', '2026-11-30')).stderr).toMatch(/^Built /m);

    // A posting with errors: a plain build stops with the report, even though --keep-going built these inputs before.
    writeFileSync(path.join(content, 'postings', 'broken.md'), '---\ntitle: Broken\ncompany: Acme\ncountry: DE\ndate: 2026-11-20\napply_url: javascript:alert(1)\n---\n\nBody.\n');
    expect((await build('--keep-going')).code).toBe(0);
    const kept = treeHash(out);
    const stopped = await build();
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/apply-url-unsafe-protocol/);
    expect(stopped.stderr).toMatch(/^Build stopped: 1 error in 1 posting/m);
    expect(treeHash(out)).toBe(kept);
    expect((await build('--keep-going')).stderr).toMatch(/^Nothing to do: .*1 rejected/m);
  });

  it('builds again, never "nothing to do", when git history dates postings or another build holds the folder', async () => {
    const content = path.join(work, 'content-git');
    cpSync(exampleContent, content, { recursive: true });
    // No date anywhere and no git history: `date-missing`, which a commit would change.
    writeFileSync(path.join(content, 'postings', 'undated.md'), '---\ntitle: Undated\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/u\n---\n\nBody.\n');
    const out = path.join(work, 'dist-git');
    const build = () => run(['build', '--content', content, '--out', out, '--now', '2026-11-29', '--cache-dir', path.join(work, 'cache-git'), '--keep-going']);
    expect((await build()).stderr).toMatch(/date-missing/);
    expect((await build()).stderr).toMatch(/^Built /m);

    rmSync(path.join(content, 'postings', 'undated.md'));
    expect((await build()).stderr).toMatch(/^Built /m);
    expect((await build()).stderr).toMatch(/^Nothing to do: /m);
    // A live process holds the output lock: this build must not claim the folder is up to date.
    const lock = path.join(work, '.dist-git.lock');
    // Another process stands in for a running build: it holds the lock and lives on.
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    writeFileSync(lock, `${holder.pid}\n`);
    try {
      const locked = await build();
      expect(locked.code).toBe(1);
      expect(locked.stderr).not.toMatch(/Nothing to do/);
      expect(locked.stderr).toMatch(/Another jobsite build \(process \d+\) is writing/);
    } finally {
      holder.kill('SIGKILL');
      rmSync(lock, { force: true });
    }
  });

  it('says clearly that a templates folder is missing, with the cache on', async () => {
    const result = await run(['build', '--content', path.join(work, 'content'), '--out', path.join(work, 'dist-typo'), '--now', '2026-11-29', '--templates', path.join(work, 'no-such-templates'), '--cache-dir', path.join(work, 'cache-typo')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The templates folder .*no-such-templates does not exist/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
