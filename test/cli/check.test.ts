// `jobsite check` end to end, in process: a board with good and broken
// postings, every format, and the exit codes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

let content: string;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'pipeline');

beforeAll(() => {
  content = mkdtempSync(path.join(tmpdir(), 'jobsite-check-'));
  mkdirSync(path.join(content, 'postings', 'broken'), { recursive: true });
  copyFileSync(path.join(fixtures, 'full-front-matter', '2026-10-15-northwind-staff-engineer.md'), path.join(content, 'postings', '2026-10-15-northwind-staff-engineer.md'));
  // One posting with every kind of mistake the issue names, each on its own line.
  writeFileSync(
    path.join(content, 'postings', 'broken', '2026-11-01-acme-broken.md'),
    [
      '---',
      'title: Platform Engineer',
      'company: Acme Robotics',
      'country: Germnay',
      'salary: {min: 90000, max: 60000, currency: EUR, period: year}',
      'apply_url: javascript:alert(1)',
      'expires: 2026-02-30',
      '---',
      '',
      'We build robots.',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(content, 'postings', 'broken', '2026-11-02-acme-bad-yaml.md'), '---\ntitle: A\n\tcompany: B\n---\nBody\n');
});

afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('jobsite check', () => {
  it('reports every problem of every posting with file:line:col and rule id, and exits 1', async () => {
    const { code, stdout, stderr } = await run(['check', '--content', content]);
    expect(code).toBe(1);
    const file = 'postings/broken/2026-11-01-acme-broken.md';
    expect(stdout).toMatch(new RegExp(`^${file}:4:10 +error +.*Germany.* +country-unknown$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^${file}:5:9 +error +.* +salary-range-inverted$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^${file}:6:12 +error +.* +apply-url-unsafe-protocol$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^${file}:7:10 +error +.* +date-invalid$`, 'm'));
    expect(stdout).toMatch(/^postings\/broken\/2026-11-02-acme-bad-yaml\.md:3:1 +error +.* +yaml-syntax$/m);
    expect(stdout).not.toMatch(/northwind.*error/);
    expect(stderr).toMatch(/Checked 3 postings in [\d.]+ s: \d+ errors/);
    expect(stdout + stderr).not.toMatch(/\n\s+at .*\(/); // no stack trace
  });

  it('prints JSON rows', async () => {
    const { code, stdout } = await run(['check', '--content', content, '--format', 'json']);
    expect(code).toBe(1);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toContainEqual({
      file: 'postings/broken/2026-11-01-acme-broken.md',
      line: 6,
      column: 12,
      severity: 'error',
      rule: 'apply-url-unsafe-protocol',
      message: expect.stringContaining('javascript:'),
    });
    for (const row of rows) expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
  });

  it('prints GitHub Actions annotations', async () => {
    const { stdout } = await run(['check', '--content', content, '--format', 'github']);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[a-z0-9-]+::[^\n]+$/);
    expect(stdout).toContain('::error file=postings/broken/2026-11-01-acme-broken.md,line=6,col=12,title=apply-url-unsafe-protocol::');
  });

  it('exits 0 when there are only warnings, and 2 for usage errors', async () => {
    const good = mkdtempSync(path.join(tmpdir(), 'jobsite-good-'));
    mkdirSync(path.join(good, 'postings'));
    copyFileSync(path.join(fixtures, 'full-front-matter', '2026-10-15-northwind-staff-engineer.md'), path.join(good, 'postings', 'a.md'));
    expect((await run(['check', '--content', good])).code).toBe(0);
    expect((await run(['check', '--content', good, '--format', 'xml'])).code).toBe(2);
    expect((await run(['chek'])).code).toBe(2);
    writeFileSync(path.join(good, 'board.yml'), 'site_url: not a url\n');
    const bad = await run(['check', '--content', good]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/board\.yml: the site URL/);
    rmSync(good, { recursive: true, force: true });
  });

  it('shows help and version', async () => {
    const help = await run(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format');
    expect(help.stdout).toContain('Examples:');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
