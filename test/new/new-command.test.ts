// `jobsite new` end to end, in process: the file it writes goes through the
// board pipeline (`loadBoard`, as `check` runs it); it refuses to overwrite,
// refuses bad values, and asks on a terminal, re-asking when an answer is wrong.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { newCommand, type PromptTerminal } from '../../src/cli/commands/new.ts';
import { loadBoard } from '../../src/build/load-board.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { toDiagnosticRows } from '../../src/cli/format/diagnostic-rows.ts';

let content: string;
beforeEach(() => {
  content = mkdtempSync(path.join(tmpdir(), 'jobsite-new-'));
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

const TODAY = '2026-11-27';

/** A prompt terminal over streams; `shown` is everything drawn on it, without ANSI codes. */
function fakeTerminal(isTTY: boolean) {
  const input = new PassThrough();
  if (isTTY) Object.assign(input, { isTTY: true });
  const output = new PassThrough();
  let drawn = '';
  output.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
  return {
    terminal: { input, output } as PromptTerminal,
    input,
    shown: () => drawn.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''),
  };
}

/** Runs `jobsite new <args>` as main.ts wires it: a program with the command added. */
function start(args: string[], terminal: PromptTerminal = fakeTerminal(false).terminal) {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const context = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), color: false, quiet: false, verbose: false };
  const program = new Command('jobsite').exitOverride();
  program.addCommand(newCommand(context, (exitCode) => (code = exitCode), { terminal, today: () => TODAY }));
  const done = program.parseAsync(['new', ...args], { from: 'user' }).then(
    () => ({ code, stdout, stderr }),
    (error: unknown) => {
      if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, stdout, stderr };
      throw error;
    },
  );
  return done;
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const postingFiles = () => (existsSync(path.join(content, 'postings')) ? readdirSync(path.join(content, 'postings')) : []);

const ALL_FLAGS = [
  '--title', 'Senior Backend Engineer',
  '--company', 'Monzo',
  '--company-url', 'https://monzo.com',
  '--salary', '£95,000 - £150,000 a year',
  '--country', 'UK',
  '--location', 'London / UK Remote',
  '--remote', 'hybrid',
  '--apply-url', 'https://monzo.com/careers/123',
  '--employment-type', 'full-time',
  '--tags', 'Go, backend',
  '--tags', 'fintech',
  '--date', '2026-11-20',
  '--expires', '2027-01-31',
];

describe('jobsite new with flags', () => {
  it('writes a posting the pipeline accepts with every field as given, and prints its path', async () => {
    const result = await start(['--content', content, ...ALL_FLAGS]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const written = path.join(content, 'postings', '2026-11-20-monzo-senior-backend-engineer.md');
    expect(result.stdout).toBe(`${written}\n`);

    const board = await loadBoard(content, DEFAULT_CONFIG);
    const problems = toDiagnosticRows(board.files).filter((row) => row.severity !== 'info');
    expect(problems).toEqual([]);
    expect(board.entries).toHaveLength(1);
    const entry = board.entries[0]!;
    expect(entry.draft).toBe(false);
    expect(entry.posting).toMatchObject({
      id: 'monzo-senior-backend-engineer',
      title: 'Senior Backend Engineer',
      company: { name: 'Monzo', url: 'https://monzo.com/' },
      salary: { min: 95000, max: 150000, currency: 'GBP', period: 'year', text: '£95,000 - £150,000 a year' },
      location: { countries: ['GB'], worldwide: false, remote: 'hybrid', text: 'London / UK Remote' },
      applyUrl: 'https://monzo.com/careers/123',
      datePosted: '2026-11-20',
      validThrough: '2027-01-31',
      employmentType: 'FULL_TIME',
      tags: ['go', 'backend', 'fintech'],
    });
    expect(entry.posting.contentHtml).toContain('<h2>How to apply</h2>');
    expect(entry.posting.summary).not.toBe('');
  });

  it('dates the file today (UTC) without --date, and marks drafts', async () => {
    const result = await start(['--content', content, '--title', 'Data Engineer', '--company', 'Acme GmbH', '--country', 'DE', '--apply-url', 'mailto:jobs@acme.example', '--draft']);
    expect(result.code).toBe(0);
    expect(postingFiles()).toEqual([`${TODAY}-acme-gmbh-data-engineer.md`]);
    const board = await loadBoard(content, DEFAULT_CONFIG);
    expect(board.entries[0]).toMatchObject({ draft: true, posting: { datePosted: TODAY, applyUrl: 'mailto:jobs@acme.example', location: { countries: ['DE'] } } });
  });

  it('quotes values YAML would otherwise read as something else', async () => {
    const result = await start(['--content', content, '--title', 'Yes', '--company', '- Acme: "Robots" #1', '--country', 'NO', '--apply-url', 'https://acme.example/1', '--tags', '2026, true']);
    expect(result.code).toBe(0);
    const board = await loadBoard(content, DEFAULT_CONFIG);
    expect(toDiagnosticRows(board.files).filter((row) => row.severity !== 'info')).toEqual([]);
    expect(board.entries[0]?.posting).toMatchObject({ title: 'Yes', company: { name: '- Acme: "Robots" #1' }, location: { countries: ['NO'] }, tags: ['2026', 'true'] });
  });

  it('refuses to overwrite an existing posting, leaving it as it was (exit 1)', async () => {
    const args = ['--content', content, '--title', 'Engineer', '--company', 'Acme', '--country', 'DE', '--apply-url', 'https://acme.example/1', '--date', '2026-11-20'];
    const target = path.join(content, 'postings', '2026-11-20-acme-engineer.md');
    mkdirSync(path.dirname(target));
    writeFileSync(target, 'edited by hand\n');
    const result = await start(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${target} already exists`);
    expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');
  });

  it('refuses a posting whose id another file already has, whatever its date and case (exit 1)', async () => {
    mkdirSync(path.join(content, 'postings', 'old'), { recursive: true });
    writeFileSync(path.join(content, 'postings', 'old', '2025-01-02-ACME-Engineer.md'), 'old\n');
    const result = await start(['--content', content, '--title', 'Engineer', '--company', 'Acme', '--country', 'DE', '--apply-url', 'https://acme.example/1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/postings\/old\/2025-01-02-ACME-Engineer\.md already has the id `acme-engineer`/);
    expect(result.stderr).toContain('--id');
    expect(postingFiles()).toEqual(['old']);

    const renamed = await start(['--content', content, '--title', 'Engineer', '--company', 'Acme', '--country', 'DE', '--apply-url', 'https://acme.example/1', '--id', 'acme-engineer-berlin']);
    expect(renamed.code).toBe(0);
    expect(postingFiles()).toContain(`${TODAY}-acme-engineer-berlin.md`);
  });

  it('refuses invalid values with one message per problem and writes nothing (exit 2)', async () => {
    const result = await start([
      '--content', content, '--title', 'Engineer', '--company', 'Acme',
      '--apply-url', 'javascript:alert(document.cookie)',
      '--country', 'Germnay',
      '--salary', '€90,000 - €60,000',
      '--expires', '2026-02-30',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^jobsite new: --apply-url: .*`javascript:` protocol/m);
    expect(result.stderr).toMatch(/^jobsite new: --country: `Germnay` .*did you mean `Germany`\?/m);
    expect(result.stderr).toMatch(/^jobsite new: --salary: .*minimum 90,000 is greater than the maximum 60,000/m);
    expect(result.stderr).toMatch(/^jobsite new: --expires: .*not a real date/m);
    expect(postingFiles()).toEqual([]);
  });

  it.each([
    [['--company-url', 'not a url'], /--company-url: .*not an absolute http\(s\) URL/],
    [['--remote', 'sometimes'], /--remote: .*must be true, false/],
    [['--employment-type', 'gig'], /--employment-type: .*`gig` is not known/],
    [['--tags', '日本語'], /--tags: .*nothing that can be written as a-z/],
    [['--currency', 'EUR'], /--currency: .*give `--salary` as well/],
    [['--salary', '120,000'], /--salary: .*has no currency/],
    [['--salary', '€60,000 - €80,000', '--currency', 'USD'], /--currency: .*the salary's own currency is used/],
    [['--salary', '€60,000', '--currency', 'ZZZ'], /--currency: .*`currency: ZZZ` is not an ISO 4217 code/],
    [['--date', '27/11/2026'], /--date: .*YYYY-MM-DD/],
    [['--date', '2026-12-01', '--expires', '2026-11-30'], /--expires: .*before `date`/],
    [['--apply-url', 'jobs/123'], /--apply-url: .*not an absolute URL/],
    [['--apply-url', 'java\tscript:alert(1)'], /--apply-url: .*protocol/],
    [['--apply-url', 'data:text/html,<script>alert(1)</script>'], /--apply-url: .*`data:` protocol/],
  ])('refuses %j (exit 2)', async (flags, message) => {
    const base: Record<string, string> = { '--title': 'Engineer', '--company': 'Acme', '--country': 'DE', '--apply-url': 'https://acme.example/1' };
    for (let at = 0; at < flags.length; at += 2) base[flags[at]!] = flags[at + 1]!;
    const result = await start(['--content', content, ...Object.entries(base).flat()]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(postingFiles()).toEqual([]);
  });

  it('without a terminal, names the missing required flags and exits 2', async () => {
    const { terminal, shown } = fakeTerminal(false);
    const result = await start(['--content', content, '--company', 'Acme', '--country', 'DE'], terminal);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing --title and --apply-url/);
    expect(shown()).toBe('');
    expect(postingFiles()).toEqual([]);
  });

  it('without a terminal, writes a posting without a country but warns as check will', async () => {
    const result = await start(['--content', content, '--title', 'Engineer', '--company', 'Acme', '--location', 'Remote (EMEA)', '--apply-url', 'https://acme.example/1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: --country: .*region/);
    const board = await loadBoard(content, DEFAULT_CONFIG);
    expect(toDiagnosticRows(board.files).map((row) => row.rule)).toEqual(['country-missing']);
  });

  it('refuses a content folder that does not exist (exit 2)', async () => {
    const result = await start(['--content', path.join(content, 'missing'), '--title', 'A', '--company', 'B', '--apply-url', 'https://b.example/']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does not exist');
    expect(existsSync(path.join(content, 'missing'))).toBe(false);
  });

  it('shows help with examples and exit codes', async () => {
    const result = await start(['--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--title', '--company', '--company-url', '--salary', '--currency', '--country', '--location', '--remote', '--apply-url', '--employment-type', '--tags', '--date', '--expires', '--draft', '--content']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/Examples:\n {2}\$ jobsite new/);
    expect(result.stdout).not.toContain('--force');
  });
});

describe('jobsite new on a terminal', () => {
  it('asks for a missing title and re-asks an invalid apply URL until it is valid', async () => {
    const { terminal, input, shown } = fakeTerminal(true);
    const running = start(['--content', content, '--company', 'Acme', '--country', 'DE'], terminal);

    await waitUntil(() => shown().includes('Job title'), 'the title prompt');
    input.write('Platform Engineer\r');
    await waitUntil(() => shown().includes('Apply URL'), 'the apply URL prompt');
    const before = shown().length;
    input.write('javascript:alert(1)\r');
    await waitUntil(() => shown().slice(before).includes('`javascript:` protocol'), 'the validation message');
    input.write('https://acme.example/jobs/1\r');

    const result = await running;
    expect(result.code).toBe(0);
    // The apply URL was asked again after the refusal, and nothing else was asked.
    expect(shown().slice(shown().indexOf('`javascript:` protocol'))).toContain('Apply URL');
    expect(shown()).not.toContain('Country');
    const file = path.join(content, 'postings', `${TODAY}-acme-platform-engineer.md`);
    expect(result.stdout).toBe(`${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('apply_url: https://acme.example/jobs/1\n');
    expect(text).not.toContain('javascript');
    const board = await loadBoard(content, DEFAULT_CONFIG);
    expect(board.entries[0]?.posting).toMatchObject({ title: 'Platform Engineer', applyUrl: 'https://acme.example/jobs/1', location: { countries: ['DE'] } });
  });

  it('asks for the country when none can be read, re-asking an unknown one with a suggestion', async () => {
    const { terminal, input, shown } = fakeTerminal(true);
    const running = start(['--content', content, '--title', 'Engineer', '--company', 'Acme', '--apply-url', 'https://acme.example/1'], terminal);
    await waitUntil(() => shown().includes('Country'), 'the country prompt');
    input.write('Germnay\r');
    await waitUntil(() => shown().includes('did you mean `Germany`?'), 'the suggestion');
    input.write('Germany\r');
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const board = await loadBoard(content, DEFAULT_CONFIG);
    expect(toDiagnosticRows(board.files)).toEqual([]);
    expect(board.entries[0]?.posting.location.countries).toEqual(['DE']);
  });

  it('re-asks a blank answer', async () => {
    const { terminal, input, shown } = fakeTerminal(true);
    const running = start(['--content', content, '--company', 'Acme', '--country', 'DE', '--apply-url', 'https://acme.example/1'], terminal);
    await waitUntil(() => shown().includes('Job title'), 'the title prompt');
    input.write('   \r');
    await waitUntil(() => shown().includes('Every posting needs a title'), 'the blank message');
    input.write('Engineer\r');
    expect((await running).code).toBe(0);
    expect(postingFiles()).toEqual([`${TODAY}-acme-engineer.md`]);
  });

  it('refuses invalid flags before asking anything', async () => {
    const { terminal, shown } = fakeTerminal(true);
    const result = await start(['--content', content, '--company', 'Acme', '--country', 'Germnay'], terminal);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean `Germany`?');
    expect(shown()).toBe('');
  });

  it.each([
    ['Ctrl+C', (input: PassThrough) => input.write('\u0003')],
    ['Ctrl+D', (input: PassThrough) => input.write('\u0004')],
    ['the end of input', (input: PassThrough) => input.end()],
  ])('stops without writing on %s (exit 130)', async (_name, stop) => {
    const { terminal, input, shown } = fakeTerminal(true);
    const running = start(['--content', content, '--company', 'Acme', '--country', 'DE', '--apply-url', 'https://acme.example/1'], terminal);
    await waitUntil(() => shown().includes('Job title'), 'the title prompt');
    input.write('Half a tit');
    stop(input);
    const result = await running;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('cancelled; nothing was written');
    expect(postingFiles()).toEqual([]);
  });
});
