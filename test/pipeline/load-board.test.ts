// What only the board as a whole can show: ids that clash, dates from git,
// and that one broken posting never hides the others' messages.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBoard } from '../../src/build/load-board.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { toDiagnosticRows } from '../../src/cli/format/diagnostic-rows.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function board(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jobsite-board-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'postings', name)), { recursive: true });
    writeFileSync(path.join(dir, 'postings', name), text);
  }
  return dir;
}

const posting = (extra = '') => `---\ntitle: Engineer\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/1\n${extra}---\n\nWe build things.\n`;

describe('loadBoard', () => {
  it('rejects ids that clash case-folded, naming both files', async () => {
    const dir = board({
      '2026-11-01-Acme-Dev.md': posting(),
      'team/2026-11-02-acme-dev.markdown': posting(),
      '2026-11-03-acme-other.md': posting(),
    });
    const result = await loadBoard(dir, DEFAULT_CONFIG);
    expect(result.entries.map((entry) => entry.posting.id)).toEqual(['acme-other']);
    const rows = toDiagnosticRows(result.files).filter((row) => row.rule === 'id-duplicate');
    expect(rows.map((row) => row.file)).toEqual(['postings/2026-11-01-Acme-Dev.md', 'postings/team/2026-11-02-acme-dev.markdown']);
    expect(rows[0]!.message).toContain('postings/team/2026-11-02-acme-dev.markdown');
    expect(rows[1]!.message).toContain('postings/2026-11-01-Acme-Dev.md');
  });

  it('dates a posting from its file name, else from its last git commit, else refuses it', async () => {
    const dir = board({ 'undated.md': posting(), '2026-10-05-named.md': posting() });
    const first = await loadBoard(dir, DEFAULT_CONFIG);
    expect(first.entries.map((entry) => [entry.posting.id, entry.posting.datePosted])).toEqual([['named', '2026-10-05']]);
    expect(toDiagnosticRows(first.files).find((row) => row.file === 'postings/undated.md')).toMatchObject({ rule: 'date-missing', severity: 'error' });

    const env = { ...process.env, GIT_AUTHOR_DATE: '2026-09-15T12:00:00Z', GIT_COMMITTER_DATE: '2026-09-15T12:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    execFileSync('git', ['init', '-q'], { cwd: dir, env });
    execFileSync('git', ['add', '.'], { cwd: dir, env });
    execFileSync('git', ['commit', '-qm', 'postings'], { cwd: dir, env });
    const second = await loadBoard(dir, DEFAULT_CONFIG);
    expect(second.entries.map((entry) => [entry.posting.id, entry.posting.datePosted, entry.posting.validThrough])).toEqual([
      ['named', '2026-10-05', '2026-12-04'],
      ['undated', '2026-09-15', '2026-11-14'],
    ]);
    expect(toDiagnosticRows(second.files).find((row) => row.file === 'postings/undated.md')).toMatchObject({ rule: 'date-from-git', severity: 'info' });
  });

  it('reports every broken posting and still loads the good ones', async () => {
    const dir = board({
      '2026-11-01-a.md': posting('date: 2026-02-30\n'),
      '2026-11-02-b.md': '---\ntitle: [\n---\n',
      '2026-11-03-c.md': posting(),
      '2026-11-04-d.md': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]).toString('latin1'),
    });
    const result = await loadBoard(dir, DEFAULT_CONFIG);
    expect(result.entries.map((entry) => entry.posting.id)).toEqual(['c']);
    const errors = toDiagnosticRows(result.files).filter((row) => row.severity === 'error');
    expect(new Set(errors.map((row) => row.file))).toEqual(new Set(['postings/2026-11-01-a.md', 'postings/2026-11-02-b.md', 'postings/2026-11-04-d.md']));
  });
});
