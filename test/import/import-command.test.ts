// `jobsite import` end to end, in process, in temporary folders: what it
// writes, that `check` accepts it, and --force, --dry-run, refusals and exit codes.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { Command, CommanderError } from 'commander';
import { importCommand } from '../../src/cli/commands/import.ts';
import { runImport, type ImportCommandOptions } from '../../src/cli/commands/run-import.ts';
import { main } from '../../src/cli/main.ts';
import type { CliContext } from '../../src/cli/cli-context.ts';

const root = path.join(import.meta.dirname, '..', '..');
const SEED = path.join(root, 'test/fixtures/pipeline/seed-scraped-mojibake/2026-11-27-monzo-senior-backend-engineer.md');
const SCRAPED = path.join(root, 'test/fixtures/import/scraped');

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'jobsite-import-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function context(quiet = false): CliContext & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    color: false,
    quiet,
    verbose: false,
    out: () => out,
    err: () => err,
  };
}

async function runIn(options: Partial<ImportCommandOptions> & { paths: string[] }, quiet = false) {
  const io = context(quiet);
  const code = await runImport({ to: 'content/postings', cwd: work, ...options }, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

async function check(contentDir: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', '--content', contentDir], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  return { code, stdout, stderr };
}

function frontMatterOf(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return parse(/^---\n([\s\S]*?)---\n/.exec(text)![1]!) as Record<string, unknown>;
}

describe('jobsite import of the seed', () => {
  it('writes one canonical posting that check accepts, and importing it again changes no byte', async () => {
    const { code, stdout } = await runIn({ paths: [SEED] });
    expect(code).toBe(0);
    const postings = path.join(work, 'content/postings');
    expect(readdirSync(postings)).toEqual(['2026-11-27-monzo-senior-backend-engineer.md']);
    const output = path.join(postings, '2026-11-27-monzo-senior-backend-engineer.md');
    expect(stdout).toMatch(/^imported .*2026-11-27-monzo-senior-backend-engineer\.md → content\/postings\/2026-11-27-monzo-senior-backend-engineer\.md: mojibake repaired \(\d+\), .*salary read from the body \(header 245000 was the sum of the range\)/m);

    const frontMatter = frontMatterOf(output);
    expect(frontMatter.salary).toEqual({ min: 95000, max: 150000, currency: 'GBP', period: 'year' });
    expect(frontMatter.country).toBe('GB');
    expect(frontMatter.apply_url).toBe('https://www.remotewlb.com/apply/senior-backend-engineer-80530');
    const text = readFileSync(output, 'utf8');
    expect(text).toContain('We’re');
    expect(text).not.toContain('‚Ä');

    const checked = await check(path.join(work, 'content'));
    expect(checked.code).toBe(0);
    expect(checked.stdout).not.toMatch(/\berror\b/);

    const bytes = readFileSync(output);
    const again = await runIn({ paths: ['content/postings'] });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('unchanged content/postings/2026-11-27-monzo-senior-backend-engineer.md → content/postings/2026-11-27-monzo-senior-backend-engineer.md: already imported\n');
    const forced = await runIn({ paths: [output], force: true });
    expect(forced.code).toBe(0);
    expect(readFileSync(output).equals(bytes)).toBe(true);
  });
});

describe('jobsite import of a folder of scraped and foreign postings', () => {
  it('imports every posting, with the expected front-matter, into postings that check accepts', async () => {
    const { code, stdout, stderr } = await runIn({ paths: [SCRAPED], to: 'board/postings/imported' });
    expect(code).toBe(0);
    const out = path.join(work, 'board/postings/imported');
    expect(readdirSync(out).sort()).toEqual([
      '2026-11-01-acme-backend.md',
      '2026-11-03-nordlicht-devops-consultant.md',
      '2026-11-05-helio-support-lead.md',
      '2026-11-07-quarry-data-analyst.md',
      '2026-11-09-tidewater-platform-engineer.md',
      '2026-11-11-baeckerei-verkaeufer.md',
      '2026-11-15-emea-sales-engineer.md',
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(7);
    expect(stdout).toMatch(/^imported .*jobs\/go\/2026-11\/acme-backend\/README\.md → board\/postings\/imported\/2026-11-01-acme-backend\.md: mojibake repaired \(7\), .*date from folder 2026-11 \(1st of the month\), id from the folder name$/m);
    expect(stdout).toMatch(/^imported .*emea-sales-engineer\.markdown → .*: keys renamed \(apply → apply_url, date_posted → date, deadline → expires\), normalised tags$/m);
    // The TODOs are reported where they are in the written file.
    expect(stderr).toMatch(/^board\/postings\/imported\/2026-11-15-emea-sales-engineer\.md:5:11 +warning +.*EMEA.* +country-missing$/m);
    expect(stderr).toMatch(/^board\/postings\/imported\/2026-11-05-helio-support-lead\.md:4:9 +info +.*Competitive.* +salary-not-stated$/m);
    expect(stderr).toMatch(/Imported 7 postings \(3 with TODOs\)\./);

    expect(frontMatterOf(path.join(out, '2026-11-01-acme-backend.md'))).toEqual({
      title: 'Backend Engineer (Go)',
      company: 'Acme Robotics',
      salary: { min: 80000, max: 100000, currency: 'USD', period: 'year' },
      country: ['US', 'CA'],
      apply_url: 'https://jobs.acme.example/apply/backend-go',
      date: '2026-11-01',
    });
    expect(frontMatterOf(path.join(out, '2026-11-05-helio-support-lead.md'))).toMatchObject({ salary: 'Competitive', country: 'Worldwide', remote: 'remote' });
    expect(frontMatterOf(path.join(out, '2026-11-03-nordlicht-devops-consultant.md'))).toMatchObject({ salary: { min: 500, max: 500, currency: 'EUR', period: 'day' }, country: null, location: 'Berlin' });
    expect(frontMatterOf(path.join(out, '2026-11-07-quarry-data-analyst.md'))).toMatchObject({ salary: { min: 50000, max: 60000, currency: 'GBP', period: 'year' }, country: 'GB', employment_type: 'PART_TIME' });
    expect(frontMatterOf(path.join(out, '2026-11-09-tidewater-platform-engineer.md'))).toMatchObject({ company_url: 'https://tidewater.example/', country: 'PT', tags: ['go', 'kubernetes', 'aws'] });

    const checked = await check(path.join(work, 'board'));
    expect(checked.code).toBe(0);
    expect(checked.stderr).toMatch(/Checked 7 postings in [\d.]+ s: 0 errors/);

    // Importing the imports changes nothing.
    const again = await runIn({ paths: ['board/postings/imported'], to: 'board/postings/imported' });
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n').every((line) => line.startsWith('unchanged '))).toBe(true);
  });

  it('skips files in a folder that are not postings, but fails on such a file named on the command line', async () => {
    mkdirSync(path.join(work, 'in'));
    cpSync(SEED, path.join(work, 'in/2026-11-27-monzo.md'));
    writeFileSync(path.join(work, 'in/NOTES.txt'), 'Remember to ask about the salary.\n');
    const walked = await runIn({ paths: ['in'] });
    expect(walked.code).toBe(0);
    expect(walked.stderr).toContain('skipped in/NOTES.txt: not a posting');
    const named = await runIn({ paths: ['in/NOTES.txt'] });
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/^in\/NOTES\.txt:1:1 +error +.* +front-matter-missing$/m);
  });
});

describe('jobsite import --dry-run, --force and refusals', () => {
  it('--dry-run writes nothing and prints what it would write', async () => {
    const { code, stdout, stderr } = await runIn({ paths: [SEED], dryRun: true });
    expect(code).toBe(0);
    expect(existsSync(path.join(work, 'content'))).toBe(false);
    expect(stdout).toMatch(/^would import .* → content\/postings\/2026-11-27-monzo-senior-backend-engineer\.md: mojibake repaired/m);
    expect(stdout).toContain('---\ntitle: Senior Backend Engineer\ncompany: Monzo\nsalary: {min: 95000, max: 150000, currency: GBP, period: year}\n');
    expect(stdout).toContain('We’re here to make money work for everyone');
    expect(stderr).toContain('nothing was written');
  });

  it('never overwrites without --force, keeps going with the other files, and replaces with --force', async () => {
    await runIn({ paths: [SEED] });
    const output = path.join(work, 'content/postings/2026-11-27-monzo-senior-backend-engineer.md');
    writeFileSync(output, 'edited by hand\n');
    const other = path.join(SCRAPED, '2026-11-05-helio-support-lead.md');

    const refused = await runIn({ paths: [SEED, other] });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/could not import .*monzo-senior-backend-engineer\.md: content\/postings\/2026-11-27-monzo-senior-backend-engineer\.md already exists and was not overwritten; use --force to replace it\./);
    expect(readFileSync(output, 'utf8')).toBe('edited by hand\n');
    expect(existsSync(path.join(work, 'content/postings/2026-11-05-helio-support-lead.md'))).toBe(true);

    const dryForced = await runIn({ paths: [SEED], force: true, dryRun: true });
    expect(dryForced.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('edited by hand\n');

    const forced = await runIn({ paths: [SEED], force: true });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^imported .* \(replaced the existing file\): /m);
    expect(readFileSync(output, 'utf8')).toMatch(/^---\ntitle: Senior Backend Engineer\n/);
  });

  it('refuses an id that the board already has under another date, even with --force', async () => {
    mkdirSync(path.join(work, 'content/postings/older'), { recursive: true });
    writeFileSync(path.join(work, 'content/postings/older/2026-10-01-monzo-senior-backend-engineer.md'), 'old\n');
    const { code, stderr } = await runIn({ paths: [SEED], force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/the id `monzo-senior-backend-engineer` is already the id of content\/postings\/older\/2026-10-01-monzo-senior-backend-engineer\.md/);
    expect(readdirSync(path.join(work, 'content/postings'))).toEqual(['older']);
  });

  it('refuses the second of two sources that make the same id', async () => {
    mkdirSync(path.join(work, 'a'));
    mkdirSync(path.join(work, 'b'));
    cpSync(SEED, path.join(work, 'a/2026-11-27-monzo.md'));
    cpSync(SEED, path.join(work, 'b/2026-11-28-monzo.md'));
    const { code, stderr } = await runIn({ paths: ['a', 'b'] });
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not import b\/2026-11-28-monzo\.md: it would make content\/postings\/2026-11-28-monzo\.md, but a\/2026-11-27-monzo\.md already makes a posting with the id `monzo`/);
    expect(readdirSync(path.join(work, 'content/postings'))).toEqual(['2026-11-27-monzo.md']);
  });

  it('says exactly why a posting cannot be imported (file:line:col and rule id) and exits 1', async () => {
    writeFileSync(path.join(work, '2026-11-01-acme.md'), '---\ntitle: Engineer\ncompany: Acme\ncountry: Germnay\napply_url: javascript:alert(1)\n---\n\nBody.\n');
    const { code, stdout, stderr } = await runIn({ paths: ['2026-11-01-acme.md'] });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^2026-11-01-acme\.md:4:10 +error +.*Germany.* +country-unknown$/m);
    expect(stderr).toMatch(/^2026-11-01-acme\.md:5:12 +error +.* +apply-url-unsafe-protocol$/m);
    expect(existsSync(path.join(work, 'content'))).toBe(false);
  });

  it('dates an undated posting with --date, else with the import date', async () => {
    writeFileSync(path.join(work, 'writer.md'), '# [Writer](https://jobs.example.com/w)\n### Quill\n#### `🌎 Ireland`\n\nWe write.\n');
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 29) / 1000);
    try {
      const undated = await runIn({ paths: ['writer.md'], dryRun: true });
      expect(undated.code).toBe(0);
      expect(undated.stdout).toMatch(/^would import writer\.md → content\/postings\/2026-11-29-writer\.md: .*date from the import date/m);
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
    const dated = await runIn({ paths: ['writer.md'], date: '2026-11-02' });
    expect(dated.code).toBe(0);
    expect(dated.stdout).toMatch(/^imported writer\.md → content\/postings\/2026-11-02-writer\.md: front-matter made from the scraped header, date from --date$/m);
  });

  it.each([
    [{ paths: ['missing.md'] }, /missing\.md: no such file or folder/],
    [{ paths: ['.'], date: '2026-02-30' }, /--date must be a real date/],
    [{ paths: ['empty'] }, /found no \.md, \.markdown or \.txt files in empty/],
  ])('exits 2 on a usage error: %j', async (options, message) => {
    mkdirSync(path.join(work, 'empty'));
    const { code, stderr } = await runIn(options);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('importCommand', () => {
  function program(io: CliContext, exit: { code: number }) {
    return new Command('jobsite').exitOverride().addCommand(importCommand(io, (code) => (exit.code = code)));
  }

  it('parses paths and options and reports the exit code', async () => {
    const io = context();
    const exit = { code: -1 };
    await program(io, exit).parseAsync(['import', SEED, '--to', path.join(work, 'out'), '--dry-run'], { from: 'user' });
    expect(exit.code).toBe(0);
    expect(io.out()).toMatch(/^would import /);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });

  it('throws a CommanderError (exit 2 in main) instead of exiting the process on a usage error', async () => {
    const io = context();
    await expect(program(io, { code: -1 }).parseAsync(['import'], { from: 'user' })).rejects.toBeInstanceOf(CommanderError);
    expect(io.err()).toMatch(/missing required argument 'paths'/);
  });
});
