// The posting jobsite started from, exactly as it was scraped: Mac Roman
// mojibake, a scraped header, and a header salary that is the sum of the
// body's range. It must come out right.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBoard } from '../../src/build/load-board.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { toDiagnosticRows } from '../../src/cli/format/diagnostic-rows.ts';

const seedCopy = path.join(import.meta.dirname, '..', 'fixtures', 'pipeline', 'seed-scraped-mojibake', '2026-11-27-monzo-senior-backend-engineer.md');
const sharedSeed = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_1012f5d2726aa665.txt');
let content: string;

beforeAll(() => {
  content = mkdtempSync(path.join(tmpdir(), 'jobsite-seed-'));
  mkdirSync(path.join(content, 'postings'));
  copyFileSync(seedCopy, path.join(content, 'postings', '2026-11-27-monzo-senior-backend-engineer.md'));
});
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('the seed posting', () => {
  it.runIf(existsSync(sharedSeed))('is kept byte for byte', () => {
    expect(readFileSync(seedCopy).equals(readFileSync(sharedSeed))).toBe(true);
  });

  it('normalises to the posting it really is', async () => {
    const board = await loadBoard(content, DEFAULT_CONFIG);
    expect(board.entries).toHaveLength(1);
    const posting = board.entries[0]!.posting;
    expect(posting).toMatchObject({
      id: 'monzo-senior-backend-engineer',
      title: 'Senior Backend Engineer',
      company: { name: 'Monzo', url: null },
      applyUrl: 'https://www.remotewlb.com/apply/senior-backend-engineer-80530',
      salary: { min: 95000, max: 150000, currency: 'GBP', period: 'year' },
      location: { countries: ['GB'], remote: 'remote', text: 'London / UK Remote' },
      datePosted: '2026-11-27',
      validThrough: '2027-01-26',
    });
    expect(posting.contentHtml).toContain('We’re here to make money work for everyone');
    expect(posting.contentHtml).toContain('💰');
    expect(posting.contentHtml).toContain('£95,000');
    for (const broken of ['‚Ä', '¬£', 'üí', 'Ô∏']) expect(JSON.stringify(posting)).not.toContain(broken);
    expect(posting.contentHtml).not.toContain('<h1');
    expect(posting.summary.length).toBeGreaterThan(20);
    expect(posting.summary.length).toBeLessThanOrEqual(280);
  });

  it('warns that the header figure is the sum of the range, and reports the repairs', async () => {
    const board = await loadBoard(content, DEFAULT_CONFIG);
    const rows = toDiagnosticRows(board.files);
    expect(rows.filter((row) => row.severity === 'error')).toEqual([]);
    const mismatch = rows.find((row) => row.rule === 'salary-header-mismatch');
    expect(mismatch).toMatchObject({ line: 3, severity: 'warning' });
    expect(mismatch?.message).toMatch(/245,?000.*sum.*95,?000.*150,?000/);
    expect(rows.filter((row) => row.rule === 'text-mojibake-repaired').length).toBeGreaterThanOrEqual(3);
  });
});
