// The checks behind `jobsite new`: each flag value is judged by the normaliser
// `check` uses, accepted values become canonical front-matter, and whatever is
// accepted reads back through the pipeline as it was given.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { readNewPosting } from '../../src/new/read-new-posting.ts';
import { prepareNewPosting } from '../../src/new/prepare-new-posting.ts';
import { cleanLine } from '../../src/normalise/fields/clean-text.ts';
import { normaliseCountryField } from '../../src/normalise/location/index.ts';
import type { NewPostingInput } from '../../src/new/new-posting-input.ts';

const TODAY = '2026-11-27';
const REQUIRED: NewPostingInput = { title: 'Engineer', company: 'Acme', applyUrl: 'https://acme.example/1', country: 'DE' };

describe('readNewPosting', () => {
  it.each<[string, NewPostingInput, Record<string, unknown>]>([
    ['country alias to its English name', { country: 'uk' }, { country: 'United Kingdom' }],
    ['several countries to a list', { country: 'US, Canada' }, { country: ['United States', 'Canada'] }],
    ['worldwide', { country: 'anywhere' }, { country: 'Worldwide' }],
    ['remote spelling to its mode', { remote: 'on-site' }, { remote: 'onsite' }],
    ['employment type to schema.org', { employmentType: 'contract' }, { employment_type: 'CONTRACTOR' }],
    ['tags to unique slugs, across repeated flags', { tags: ['Go, Node.js', 'go,, '] }, { tags: ['go', 'node-js'] }],
    ['apply URL to its parsed form', { applyUrl: ' HTTPS://Acme.Example/jobs?id=1 ' }, { apply_url: 'https://acme.example/jobs?id=1' }],
    ['title without control characters', { title: 'Lead\u202e Engineer\t ' }, { title: 'Lead Engineer' }],
    ['date defaults to today', {}, { date: TODAY }],
    ['draft only when set', { draft: false }, { draft: undefined }],
  ])('writes %s', (_name, given, expected) => {
    const reading = readNewPosting({ ...REQUIRED, ...given }, TODAY);
    expect(reading.refused).toEqual([]);
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect(reading.values).not.toHaveProperty(key);
      else expect(reading.values).toHaveProperty(key, value);
    }
  });

  it.each<[string, NewPostingInput, string, string | null]>([
    ['javascript: apply URL', { applyUrl: 'javascript:alert(1)' }, '--apply-url', 'apply-url-unsafe-protocol'],
    ['apply URL with credentials', { applyUrl: 'https://user:pw@acme.example/' }, '--apply-url', 'apply-url-invalid'],
    ['unknown country', { country: 'Atlantis' }, '--country', 'country-unknown'],
    ['a state as country', { country: 'California' }, '--country', 'country-unknown'],
    ['zero salary', { salary: '€0' }, '--salary', 'salary-absurd'],
    ['two currencies in one salary', { salary: '€50,000 - $60,000' }, '--salary', 'salary-unreadable'],
    ['currency without salary', { currency: 'EUR' }, '--currency', null],
    ['30 February', { date: '2026-02-30' }, '--date', 'date-invalid'],
    ['expires before date', { date: '2026-12-01', expires: '2026-11-01' }, '--expires', 'expires-before-date'],
    ['unknown employment type', { employmentType: 'gig' }, '--employment-type', 'employment-type-unknown'],
    ['a tag with no Latin letters', { tags: ['go', '🚀'] }, '--tags', 'tags-invalid'],
    ['a remote mode that is none', { remote: 'sometimes' }, '--remote', 'remote-invalid'],
    ['a company URL that is not one', { companyUrl: 'acme' }, '--company-url', 'company-url-invalid'],
  ])('refuses %s', (_name, given, flag, rule) => {
    const reading = readNewPosting({ ...REQUIRED, ...given }, TODAY);
    expect(reading.refused.map((problem) => [problem.flag, problem.rule])).toEqual([[flag, rule]]);
  });

  it('accepts, with notes, what check only mentions: plain http and an inferred period', () => {
    const reading = readNewPosting({ ...REQUIRED, applyUrl: 'http://acme.example/1', salary: '€60,000' }, TODAY);
    expect(reading.refused).toEqual([]);
    expect(reading.notes.map((note) => [note.flag, note.rule])).toEqual([['--salary', 'salary-period-inferred'], ['--apply-url', 'apply-url-insecure']]);
    expect(reading.values).toMatchObject({ apply_url: 'http://acme.example/1', salary: '€60,000' });
  });

  it('reads `$` with the country given, as check does', () => {
    expect(readNewPosting({ ...REQUIRED, country: 'Canada', salary: '$90,000' }, TODAY).refused).toEqual([]);
  });

  it('lists blank and absent required values as missing, in flag order', () => {
    expect(readNewPosting({ title: ' \u200b ', country: 'DE' }, TODAY).missing).toEqual(['title', 'company', 'apply_url']);
    expect(readNewPosting({ ...REQUIRED, company: '' }, TODAY).missing).toEqual(['company']);
  });

  it('says when no country can be read, and not when the location names one', () => {
    expect(readNewPosting({ ...REQUIRED, country: undefined }, TODAY).countryMissing).toBe(true);
    expect(readNewPosting({ ...REQUIRED, country: undefined, location: 'Remote (EMEA)' }, TODAY)).toMatchObject({ countryMissing: true, notes: [{ flag: '--country', rule: 'country-missing' }] });
    expect(readNewPosting({ ...REQUIRED, country: undefined, location: 'Toronto, Ontario' }, TODAY).countryMissing).toBe(false);
  });

  it('writes every country so that it reads back as the same country', () => {
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      const { values, refused } = readNewPosting({ ...REQUIRED, country: code }, TODAY);
      expect(refused, code).toEqual([]);
      expect(normaliseCountryField(values.country).value?.countries, code).toEqual([code]);
    }
  });
});

// One line as check shows it; a long line is cut short, never inside a character.
const asShown = (text: string) => cleanLine(text).replace(/\p{Cs}/gu, '');

describe('prepareNewPosting', () => {
  it('makes a file whose posting has exactly the text given, whatever the text', async () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', minLength: 190, maxLength: 260 }), fc.constantFrom('yes', 'NO', '~', 'null', '- a', '"x": y', '#1', '&a *b', '!tag', '---', '0x1F', '1e3', '@x', '`x`', '%x', '|', '>'));
    await fc.assert(
      fc.asyncProperty(text, text, fc.option(text, { nil: undefined }), async (title, company, location) => {
        const prepared = await prepareNewPosting({ ...REQUIRED, title, company, location }, TODAY);
        if (!prepared.ok) {
          // Only a blank title or company, or one with nothing to name the file by, is refused.
          const blank = cleanLine(title) === '' || cleanLine(company) === '';
          expect(blank || prepared.refused.some((problem) => problem.flag === '--id'), JSON.stringify(prepared)).toBe(true);
          return;
        }
        expect(prepared.entry.posting.title).toBe(asShown(title));
        expect(prepared.entry.posting.company.name).toBe(asShown(company));
        expect(prepared.entry.posting.location.text).toBe(location === undefined || asShown(location) === '' ? null : asShown(location));
        expect(prepared.entry.posting.location.countries).toEqual(['DE']);
        expect(prepared.fileName).toBe(`${TODAY}-${prepared.id}.md`);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a posting with nothing to name its file by, unless an id is given', async () => {
    const given = { ...REQUIRED, title: 'エンジニア', company: '株式会社' };
    expect(await prepareNewPosting(given, TODAY)).toMatchObject({ ok: false, refused: [{ flag: '--id' }] });
    expect(await prepareNewPosting({ ...given, id: 'Tokyo Engineer' }, TODAY)).toMatchObject({ ok: true, id: 'tokyo-engineer', entry: { posting: { title: 'エンジニア' } } });
  });
});
