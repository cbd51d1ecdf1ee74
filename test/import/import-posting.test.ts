// importPosting: scraped and foreign postings in, canonical text out, read by
// the pipeline's own normaliser; every output passes check and is a fixed
// point (importing it again gives the same bytes).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import fc from 'fast-check';
import { importPosting, checkText, type ImportResult } from '../../src/import/import-posting.ts';
import { hasErrors } from '../../src/diagnostics/report-finding.ts';

const root = path.join(import.meta.dirname, '..', '..');
const SEED = 'test/fixtures/pipeline/seed-scraped-mojibake/2026-11-27-monzo-senior-backend-engineer.md';

async function importFile(file: string, options: { to?: string; fallback?: string } = {}): Promise<ImportResult> {
  return importPosting(
    { path: file, bytes: readFileSync(path.join(root, file)) },
    { to: options.to ?? 'out', fallbackDate: () => (options.fallback ? { date: options.fallback, origin: '--date' } : null) },
  );
}

async function importText(file: string, text: string, to = 'out'): Promise<ImportResult> {
  return importPosting({ path: file, bytes: new TextEncoder().encode(text) }, { to, fallbackDate: () => null });
}

function succeeded(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) {
    const messages = [...result.source.messages, ...(result.check?.messages ?? [])].map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`);
    throw new Error(`import failed:\n${messages.join('\n')}`);
  }
  return result;
}

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)---\n/.exec(text);
  if (!match) throw new Error(`no front-matter in:\n${text}`);
  return parse(match[1]!) as Record<string, unknown>;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => `${dir}/${name.split(path.sep).join('/')}`)
    .filter((file) => pattern.test(file) && statSync(path.join(root, file)).isFile())
    .sort();
}

describe('importPosting on the seed (scraped layout with Mac Roman mojibake)', () => {
  it('writes canonical front-matter with the body salary, the country code and the apply URL, and a repaired body', async () => {
    const result = succeeded(await importFile(SEED, { to: 'content/postings' }));
    expect(result.fileName).toBe('2026-11-27-monzo-senior-backend-engineer.md');
    expect(result.outputPath).toBe(path.join('content/postings', '2026-11-27-monzo-senior-backend-engineer.md'));
    expect(frontMatterOf(result.text)).toEqual({
      title: 'Senior Backend Engineer',
      company: 'Monzo',
      salary: { min: 95000, max: 150000, currency: 'GBP', period: 'year' },
      country: 'GB',
      location: 'London / UK Remote',
      remote: 'remote',
      apply_url: 'https://www.remotewlb.com/apply/senior-backend-engineer-80530',
      date: '2026-11-27',
    });
    const body = result.text.slice(result.text.indexOf('\n---\n') + 5);
    expect(body).toContain('We’re here to make money work for everyone');
    expect(body).not.toMatch(/‚Ä|üí|¬£/);
    // The header lines are gone; the body's own lines are kept as written (trailing spaces too).
    expect(body).not.toContain('# [Senior Backend Engineer]');
    expect(body).not.toContain('### Monzo');
    expect(body.startsWith('\n📍London / UK Remote | 💰 £95,000 - £150,000 + Benefits')).toBe(true);
    expect(body).toContain('  * Kubernetes and Docker to schedule and run our services \n');
    expect(result.changes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^mojibake repaired \(\d+\)$/),
      'salary read from the body (header 245000 was the sum of the range)',
    ]));
    expect(result.todos).toEqual([]);
    expect(hasErrors(result.check)).toBe(false);
  });

  it('passes check on its own and is unchanged when imported again', async () => {
    const first = succeeded(await importFile(SEED, { to: 'content/postings' }));
    const check = await checkText(first.text, first.outputPath);
    expect(check.messages.filter((message) => message.fatal === true)).toEqual([]);
    const again = succeeded(await importText(first.outputPath, first.text, 'content/postings'));
    expect(again.text).toBe(first.text);
    expect(again.outputPath).toBe(first.outputPath);
    expect(again.changes).toEqual([]);
  });
});

describe('importPosting on the scraped and foreign fixtures', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'test/fixtures/import/scraped/jobs/go/2026-11/acme-backend/README.md',
      '2026-11-01-acme-backend.md',
      {
        title: 'Backend Engineer (Go)',
        company: 'Acme Robotics',
        salary: { min: 80000, max: 100000, currency: 'USD', period: 'year' },
        country: ['US', 'CA'],
        apply_url: 'https://jobs.acme.example/apply/backend-go',
        date: '2026-11-01',
      },
    ],
    [
      'test/fixtures/import/scraped/2026-11-03-nordlicht-devops-consultant.md',
      '2026-11-03-nordlicht-devops-consultant.md',
      {
        title: 'DevOps Consultant',
        company: 'Nordlicht Systems',
        salary: { min: 500, max: 500, currency: 'EUR', period: 'day' },
        country: null,
        location: 'Berlin',
        apply_url: 'https://nordlicht.example/jobs/devops-consultant',
        date: '2026-11-03',
      },
    ],
    [
      'test/fixtures/import/scraped/2026-11-05-helio-support-lead.md',
      '2026-11-05-helio-support-lead.md',
      {
        title: 'Customer Support Lead',
        company: 'Helio Analytics',
        salary: 'Competitive',
        country: 'Worldwide',
        remote: 'remote',
        apply_url: 'https://helio.example/careers/support-lead',
        date: '2026-11-05',
      },
    ],
    [
      'test/fixtures/import/scraped/2026-11-07-quarry-data-analyst.txt',
      '2026-11-07-quarry-data-analyst.md',
      {
        title: 'Data Analyst',
        company: 'Quarry Maps',
        salary: { min: 50000, max: 60000, currency: 'GBP', period: 'year' },
        country: 'GB',
        location: 'Manchester / UK Remote',
        remote: 'remote',
        apply_url: 'https://quarry.example/jobs/data-analyst',
        date: '2026-11-07',
        employment_type: 'PART_TIME',
      },
    ],
    [
      'test/fixtures/import/scraped/2026-11-11-baeckerei-verkaeufer.md',
      '2026-11-11-baeckerei-verkaeufer.md',
      {
        title: 'Verkäufer (m/w/d)',
        company: 'Bäckerei Müller',
        salary: { min: 2400, max: 2400, currency: 'EUR', period: 'month' },
        country: 'DE',
        location: 'München',
        apply_url: 'https://jobs.example.com/baeckerei-mueller/verkaeufer',
        date: '2026-11-11',
      },
    ],
    [
      'test/fixtures/import/scraped/foreign/2026-11-09-tidewater-platform-engineer.md',
      '2026-11-09-tidewater-platform-engineer.md',
      {
        title: 'Platform Engineer',
        company: 'Tidewater Freight',
        company_url: 'https://tidewater.example/',
        salary: { min: 60000, max: 75000, currency: 'EUR', period: 'year' },
        country: 'PT',
        location: 'Lisbon, Portugal',
        apply_url: 'https://tidewater.example/jobs/platform',
        date: '2026-11-09',
        employment_type: 'FULL_TIME',
        tags: ['go', 'kubernetes', 'aws'],
      },
    ],
    [
      'test/fixtures/import/scraped/foreign/emea-sales-engineer.markdown',
      '2026-11-15-emea-sales-engineer.md',
      {
        title: 'Sales Engineer',
        company: 'Brightline',
        country: null,
        location: 'EMEA',
        apply_url: 'mailto:jobs@brightline.example',
        date: '2026-11-15',
        expires: '2026-12-31',
        tags: ['sales', 'pre-sales'],
      },
    ],
  ];

  it.each(cases)('%s → %s', async (file, fileName, expected) => {
    const result = succeeded(await importFile(file));
    expect(result.fileName).toBe(fileName);
    expect(frontMatterOf(result.text)).toEqual(expected);
    expect(Object.keys(frontMatterOf(result.text))).toEqual(Object.keys(expected));
    expect(hasErrors(result.check)).toBe(false);
  });

  it('leaves what could not be decided as a TODO comment on its key, and reports it', async () => {
    const helio = succeeded(await importFile('test/fixtures/import/scraped/2026-11-05-helio-support-lead.md'));
    expect(helio.text).toMatch(/^salary: Competitive # TODO: .*publishes no figure.*$/m);
    expect(helio.todos).toEqual([{ key: 'salary', rule: 'salary-not-stated', message: expect.stringContaining('Competitive') }]);

    const emea = succeeded(await importFile('test/fixtures/import/scraped/foreign/emea-sales-engineer.markdown'));
    expect(emea.text).toMatch(/^country: # TODO: .*region \(`EMEA`\).*$/m);
    expect(emea.todos.map((todo) => [todo.key, todo.rule])).toEqual([['country', 'country-missing']]);

    const nordlicht = succeeded(await importFile('test/fixtures/import/scraped/2026-11-03-nordlicht-devops-consultant.md'));
    expect(nordlicht.text).toMatch(/^country: # TODO: No country could be read from `location` \(`Berlin`\).*$/m);
  });

  it('says what it changed', async () => {
    const acme = succeeded(await importFile('test/fixtures/import/scraped/jobs/go/2026-11/acme-backend/README.md'));
    expect(acme.changes).toEqual([
      'mojibake repaired (7)',
      'front-matter made from the scraped header',
      'salary period inferred (per year)',
      'date from folder 2026-11 (1st of the month)',
      'id from the folder name',
    ]);
    expect(acme.text).toContain('We’re a small team building warehouse robots – and the software');
    expect(acme.text).not.toMatch(/â€|ðŸ/);

    const tidewater = succeeded(await importFile('test/fixtures/import/scraped/foreign/2026-11-09-tidewater-platform-engineer.md'));
    expect(tidewater.changes).toContain('keys renamed (job_title → title, company_name → company, website → company_url, applyUrl → apply_url, salary_min/salary_max/salary_currency → salary, type → employment_type, keywords → tags, posted → date)');
    expect(tidewater.changes).toContain('unknown keys dropped (colour)');
    expect(tidewater.text).not.toContain('colour');

    const baeckerei = succeeded(await importFile('test/fixtures/import/scraped/2026-11-11-baeckerei-verkaeufer.md'));
    expect(baeckerei.changes[0]).toBe('read as Windows-1252 (not valid UTF-8) and saved as UTF-8');
    expect(baeckerei.text).toContain('Wir sind eine Bäckerei in München – seit 1923.');
  });
});

describe('importing an import changes no byte', () => {
  // Every fixture that imports at all, and the example board.
  const files = [
    ...filesUnder('test/fixtures/import', /\.(md|markdown|txt)$/),
    ...filesUnder('test/fixtures/pipeline', /\.(md|markdown)$/),
    ...filesUnder('content/postings', /\.(md|markdown)$/),
  ];

  it.each(files)('%s', async (file) => {
    const first = await importFile(file);
    if (!first.ok) {
      // Only postings with errors may fail, and they say where.
      expect(first.source.messages.some((message) => message.fatal === true && message.line !== undefined && message.ruleId)).toBe(true);
      return;
    }
    expect(hasErrors(first.check)).toBe(false);
    const second = succeeded(await importText(first.outputPath, first.text));
    expect(second.text).toBe(first.text);
    expect(second.outputPath).toBe(first.outputPath);
    expect(second.changes).toEqual([]);
    expect(second.todos).toEqual(first.todos);
  });

  // Awkward text: YAML and Markdown syntax, mojibake, controls, astral characters.
  const awkward = fc
    .oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('a: b', '# x', '"q"', "it's", '[x](y)', '`code`', 'NO', '---', '<b>x</b>', 'Ã©tÃ©', 'ðŸ’°', '\u0001', ' '),
    )
    .map((text) => text.replace(/[\r\n]/g, ' '));

  it('holds for generated scraped postings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: awkward,
          company: awkward,
          salary: fc.oneof(fc.constantFrom('$80k - $100k', 'Competitive', '€500/day', '£95,000 - £150,000', '245000.0', 'DOE', '12 EUR'), awkward),
          country: fc.oneof(fc.constantFrom('Remote', 'United States, Canada', 'Germany', 'EMEA', 'Worldwide', 'UK'), awkward),
          location: awkward,
          body: fc.string({ maxLength: 200 }),
        }),
        async ({ title, company, salary, country, location, body }) => {
          const text = `# [${title}](https://jobs.example.com/apply/1)\n### ${company}\n#### \`💰 ${salary}\` \`🌎 ${country}\` \`📍 ${location}\`\n\n${body}\n`;
          const first = await importText('2026-11-20-generated.md', text);
          if (!first.ok) return;
          expect(hasErrors(first.check)).toBe(false);
          const second = succeeded(await importText(first.outputPath, first.text));
          expect(second.text).toBe(first.text);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('holds for generated foreign front-matter', async () => {
    const value = fc.oneof(
      awkward,
      fc.integer(),
      fc.constantFrom('€500/day', '$80k', 'Competitive', 'Remote', 'US, CA', 'https://a.example/x', 'www.acme.example', '2026-12-01', 'full-time', 'hybrid', 'EMEA', 'London'),
      fc.array(fc.constantFrom('US', 'go', 'Worldwide', 'NO', ''), { maxLength: 3 }),
      fc.record({ min: fc.integer({ min: 1, max: 200_000 }), max: fc.integer({ min: 1, max: 300_000 }) }),
    );
    const key = fc.constantFrom('title', 'company', 'company_url', 'salary', 'currency', 'country', 'location', 'remote', 'employment_type', 'tags', 'expires', 'applyUrl', 'salary_min', 'salary_max', 'colour', 'draft', 'date');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 8 }), fc.string({ maxLength: 100 }), async (data, body) => {
        const text = `---\n${stringify({ title: 'T', company: 'C', apply_url: 'https://x.example/', ...data })}---\n${body}`;
        const first = await importText('2026-11-20-generated.md', text);
        if (!first.ok) return;
        expect(hasErrors(first.check)).toBe(false);
        const second = succeeded(await importText(first.outputPath, first.text));
        expect(second.text).toBe(first.text);
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('importPosting refuses what cannot become a posting that passes check', () => {
  it('reports the source errors at their place with their rule id', async () => {
    const result = await importText('in/2026-11-01-acme.md', '---\ntitle: Engineer\ncompany: Acme\ncountry: Germnay\napply_url: javascript:alert(1)\n---\n\nBody.\n');
    expect(result.ok).toBe(false);
    const errors = result.source.messages.filter((message) => message.fatal === true).map((m) => [m.line, m.column, m.ruleId]);
    expect(errors).toEqual(expect.arrayContaining([[4, 10, 'country-unknown'], [5, 12, 'apply-url-unsafe-protocol']]));
  });

  it('says a file with neither front-matter nor the scraped header is not a posting', async () => {
    const result = await importText('notes.txt', 'Just some notes about jobs.\n');
    expect(result).toMatchObject({ ok: false, notAPosting: true });
  });

  it('uses the fallback date only when nothing dates the posting, and fails without one', async () => {
    const text = '# [Writer](https://jobs.example.com/w)\n### Quill\n#### `🌎 Ireland`\n\nWe write.\n';
    const undated = await importText('writer.md', text);
    expect(undated.ok).toBe(false);
    expect(undated.source.messages.map((message) => message.ruleId)).toContain('date-missing');

    const dated = succeeded(await importPosting({ path: 'writer.md', bytes: new TextEncoder().encode(text) }, { to: 'out', fallbackDate: () => ({ date: '2026-11-02', origin: '--date' }) }));
    expect(dated.fileName).toBe('2026-11-02-writer.md');
    expect(dated.changes).toContain('date from --date');
    expect(dated.source.messages.map((message) => message.ruleId)).not.toContain('date-from-git');
  });

  it('refuses unreadable bytes', async () => {
    const result = await importPosting({ path: 'x.md', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 0]) }, { to: 'out' });
    expect(result.ok).toBe(false);
    expect(result.source.messages.map((message) => message.ruleId)).toEqual(['file-unreadable']);
  });
});

describe('importPosting ids and output text', () => {
  it.each([
    ['jobs/go/2026-11/acme-backend/README.md', '2026-11-01-acme-backend.md'],
    ['jobs/go/2026-11-14-acme-backend/index.markdown', '2026-11-14-acme-backend.md'],
    ['2026-11/README.md', '2026-11-01-quill-writer.md'],
    ['scraped/80530.txt', '2026-11-02-quill-writer.md'],
    ['2026-11-03-Writer Role.md', '2026-11-03-writer-role.md'],
  ])('%s → %s', async (file, fileName) => {
    const text = '# [Writer](https://jobs.example.com/w)\n### Quill\n#### `🌎 Ireland`\n\nWe write.\n';
    const result = succeeded(await importPosting({ path: file, bytes: new TextEncoder().encode(text) }, { to: 'out', fallbackDate: () => ({ date: '2026-11-02', origin: '--date' }) }));
    expect(result.fileName).toBe(fileName);
  });

  it('quotes values other YAML readers would take for booleans, and ends with one newline', async () => {
    const result = succeeded(await importText('2026-11-04-no.md', '---\ntitle: "yes"\ncompany: Fjord\ncountry: Norway\napply_url: https://fjord.example/\n---\n\n\n\nBody.\n\n\n'));
    expect(result.text).toBe('---\ntitle: "yes"\ncompany: Fjord\ncountry: "NO"\napply_url: https://fjord.example/\ndate: 2026-11-04\n---\n\nBody.\n');
  });

  it('keeps a salary it cannot read, with its currency, and says why', async () => {
    // Figures without a currency are not guessed from the country: they stay for a person to finish.
    const parts = succeeded(await importText('2026-11-04-chef.md', '---\ntitle: Chef\ncompany: Fjord\ncountry: IE\nsalary_min: 40000\nsalary_max: 50000\napply_url: https://fjord.example/\n---\n\nBody.\n'));
    expect(frontMatterOf(parts.text).salary).toEqual({ min: 40000, max: 50000 });
    expect(parts.text).toMatch(/^salary: \{min: 40000, max: 50000\} # TODO: .*no currency.*$/m);
    expect(parts.todos.map((todo) => [todo.key, todo.rule])).toEqual([['salary', 'salary-currency-missing']]);

    const competitive = succeeded(await importText('2026-11-04-chef.md', '---\ntitle: Chef\ncompany: Fjord\ncountry: IE\nsalary: Competitive\ncurrency: EUR\napply_url: https://fjord.example/\n---\n\nBody.\n'));
    expect(frontMatterOf(competitive.text)).toMatchObject({ salary: 'Competitive', currency: 'EUR' });

    const resolved = succeeded(await importText('2026-11-04-chef.md', '---\ntitle: Chef\ncompany: Fjord\ncountry: IE\nsalary: 45000\ncurrency: EUR\napply_url: https://fjord.example/\n---\n\nBody.\n'));
    expect(frontMatterOf(resolved.text)).toMatchObject({ salary: { min: 45000, max: 45000, currency: 'EUR', period: 'year' } });
    expect(frontMatterOf(resolved.text)).not.toHaveProperty('currency');
    expect(resolved.changes).toContain('removed currency (now part of salary)');
  });
});
