import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkApplyUrl } from '../../src/normalise/fields/check-apply-url.ts';
import { checkCompanyUrl } from '../../src/normalise/fields/check-company-url.ts';
import { parseDate, dateFromFileName, addDays } from '../../src/normalise/fields/parse-date.ts';
import { parseEmploymentType } from '../../src/normalise/fields/parse-employment-type.ts';
import { parseTags } from '../../src/normalise/fields/parse-tags.ts';
import { toSlug, idFromFileName } from '../../src/normalise/fields/slugify-id.ts';
import { cleanLine } from '../../src/normalise/fields/clean-text.ts';

const rulesOf = (result: { findings: { rule: string }[] }) => result.findings.map((finding) => finding.rule);

describe('checkApplyUrl', () => {
  it.each([
    ['https://jobs.example.com/apply/1', 'https://jobs.example.com/apply/1', []],
    ['  https://jobs.example.com/a?b=c#d  ', 'https://jobs.example.com/a?b=c#d', []],
    ['HTTPS://Jobs.Example.com/x', 'https://jobs.example.com/x', []],
    ['http://jobs.example.com/apply', 'http://jobs.example.com/apply', ['apply-url-insecure']],
    ['mailto:jobs@example.com', 'mailto:jobs@example.com', []],
    ['mailto:jobs@example.com?subject=Backend%20role', 'mailto:jobs@example.com?subject=Backend%20role', []],
    ['https://例え.jp/求人', 'https://xn--r8jz45g.jp/%E6%B1%82%E4%BA%BA', []],
  ])('accepts %j', (input, expected, rules) => {
    const result = checkApplyUrl(input);
    expect(result.value).toBe(expected);
    expect(rulesOf(result)).toEqual(rules);
  });

  it.each([
    ['javascript:alert(1)', 'apply-url-unsafe-protocol'],
    ['JavaScript:alert(1)', 'apply-url-unsafe-protocol'],
    [' javascript:alert(1)', 'apply-url-unsafe-protocol'],
    ['java\tscript:alert(1)', 'apply-url-unsafe-protocol'],
    ['java\nscript:alert(1)', 'apply-url-unsafe-protocol'],
    ['\u0001javascript:alert(1)', 'apply-url-unsafe-protocol'],
    ['jav\u200bascript:alert(1)', 'apply-url-unsafe-protocol'],
    ['vbscript:msgbox(1)', 'apply-url-unsafe-protocol'],
    ['data:text/html,<script>alert(1)</script>', 'apply-url-unsafe-protocol'],
    ['file:///etc/passwd', 'apply-url-unsafe-protocol'],
    ['ftp://example.com/x', 'apply-url-unsafe-protocol'],
    ['/apply/here', 'apply-url-invalid'],
    ['apply/here', 'apply-url-invalid'],
    ['//evil.example.com/x', 'apply-url-invalid'],
    ['www.example.com/jobs', 'apply-url-invalid'],
    ['https://', 'apply-url-invalid'],
    ['https://exa mple.com/', 'apply-url-invalid'],
    ['https://localhost:99999/', 'apply-url-invalid'],
    ['https://user:secret@example.com/', 'apply-url-invalid'],
    ['https://intranet/', 'apply-url-invalid'],
    ['mailto:', 'apply-url-invalid'],
    ['mailto:not-an-address', 'apply-url-invalid'],
    ['', 'apply-url-missing'],
    [undefined, 'apply-url-missing'],
    [42, 'value-type'],
    [['https://example.com'], 'value-type'],
  ])('refuses %j with %s', (input, rule) => {
    const result = checkApplyUrl(input);
    expect(result.value).toBeNull();
    expect(rulesOf(result)).toEqual([rule]);
  });

  it('never throws and only ever returns http(s) or mailto links', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.anything()), (input) => {
        const { value } = checkApplyUrl(input);
        if (value !== null) expect(value).toMatch(/^(https?:\/\/|mailto:)/);
      }),
    );
  });
});

describe('checkCompanyUrl', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['ftp://example.com', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%j → %j', (input, expected) => {
    expect(checkCompanyUrl(input).value).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-11-27', '2026-11-27'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2026-02-28', '2026-02-28'],
  ])('accepts %j', (input, expected) => {
    expect(parseDate(input, 'date')).toEqual({ value: expected, findings: [] });
  });

  it.each([['2026-02-30'], ['2025-02-29'], ['2026-13-01'], ['2026-00-10'], ['2026-04-31'], ['27/11/2026'], ['2026-1-5'], ['yesterday'], [20261127], [null], [['2026-11-27']], ['1969-12-31']])(
    'refuses %j',
    (input) => {
      const result = parseDate(input, 'date');
      expect(result.value).toBeNull();
      expect(rulesOf(result)).toEqual(['date-invalid']);
      expect(result.findings[0]?.reason).toMatch(/date/);
    },
  );

  it('reads a file name prefix only when it is a real date', () => {
    expect(dateFromFileName('2026-11-27-monzo-backend.md')).toBe('2026-11-27');
    expect(dateFromFileName('2026-02-30-x.md')).toBeNull();
    expect(dateFromFileName('monzo-backend.md')).toBeNull();
    expect(dateFromFileName('20261127-x.md')).toBeNull();
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2026-11-27', 60)).toBe('2027-01-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('parseEmploymentType', () => {
  it.each([
    ['FULL_TIME', 'FULL_TIME'], ['full-time', 'FULL_TIME'], ['Full Time', 'FULL_TIME'], ['fulltime', 'FULL_TIME'], ['Permanent', 'FULL_TIME'],
    ['part time', 'PART_TIME'], ['Part-Time', 'PART_TIME'], ['Contract', 'CONTRACTOR'], ['contractor', 'CONTRACTOR'], ['Freelance', 'CONTRACTOR'],
    ['B2B', 'CONTRACTOR'], ['temporary', 'TEMPORARY'], ['Fixed-term', 'TEMPORARY'], ['Internship', 'INTERN'], ['intern', 'INTERN'],
    ['volunteer', 'VOLUNTEER'], ['per diem', 'PER_DIEM'], ['PER_DIEM', 'PER_DIEM'], ['other', 'OTHER'],
    ['full-time, permanent', 'FULL_TIME'], ['Fixed-term (12 months)', 'TEMPORARY'], ['B2B contract', 'CONTRACTOR'], ['Part-time / contract', 'PART_TIME'],
  ])('%j → %s', (input, expected) => {
    expect(parseEmploymentType(input)).toEqual({ value: expected, findings: [] });
  });

  it.each([['gig'], ['sometimes'], ['the best job'], [3], [true], [{ a: 1 }]])('refuses %j', (input) => {
    const result = parseEmploymentType(input);
    expect(result.value).toBeNull();
    expect(rulesOf(result)).toEqual(['employment-type-unknown']);
  });
});

describe('parseTags', () => {
  it('slugs, lower-cases and deduplicates lists and comma strings', () => {
    expect(parseTags(['Go', 'Kubernetes', 'go', 'Site Reliability', 'C++', 'Node.js']).value).toEqual(['go', 'kubernetes', 'site-reliability', 'c', 'node-js']);
    expect(parseTags('TypeScript, React ,  typescript').value).toEqual(['typescript', 'react']);
    expect(parseTags(['Zürich', 'Ελληνικά', 'Réseau']).value).toEqual(['zuerich', 'ellinika', 'reseau']);
  });

  it('drops empty tags with a warning and refuses non-lists', () => {
    const result = parseTags(['ok', '!!!', '']);
    expect(result.value).toEqual(['ok']);
    expect(rulesOf(result)).toEqual(['tags-invalid', 'tags-invalid']);
    expect(rulesOf(parseTags({ a: 1 }))).toEqual(['value-type']);
  });

  it('caps the number of tags', () => {
    const result = parseTags(Array.from({ length: 10_000 }, (_, index) => `tag${index}`));
    expect(result.value.length).toBe(30);
    expect(rulesOf(result)).toEqual(['tags-invalid']);
  });
});

describe('slugs and ids', () => {
  it.each([
    ['2026-11-27-monzo-senior-backend-engineer.md', 'monzo-senior-backend-engineer'],
    ['postings/2026/2026-11-27-Acme Corp — Staff Engineer.markdown', 'acme-corp-staff-engineer'],
    ['Zürich-Data-Engineer.md', 'zuerich-data-engineer'],
    ['..md', 'posting-cdb4ee2aea'],
    ['2026-11-27.md', '2026-11-27'],
  ])('idFromFileName(%j) = %j', (input, expected) => {
    expect(idFromFileName(input)).toBe(expected);
  });

  it('slugs contain only [a-z0-9-] and are idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const slug = toSlug(text);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
        expect(toSlug(slug)).toBe(slug);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cleanLine', () => {
  it('removes controls and bidi overrides and collapses whitespace', () => {
    expect(cleanLine('  Senior\u202e Engineer\u0000 \n\t(Go) ')).toBe('Senior Engineer (Go)');
    expect(cleanLine('a'.repeat(500)).length).toBe(200);
  });
});

describe('messages quoting a value written as a YAML block', () => {
  // Found by the fuzz test: a message must stay on one line however the value was written.
  const block = '```html\n<script>alert(1)</script>\n```';
  it.each([
    ['employment_type', () => parseEmploymentType(block).findings],
    ['a date', () => parseDate(block, 'date').findings],
    ['a tag', () => parseTags(['\n\n!!\n']).findings],
  ])('keeps the message on one line for %s', (_name, findings) => {
    const reasons = findings().map((finding) => finding.reason);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).not.toMatch(/[\r\n\u2028\u2029]/);
  });
});
