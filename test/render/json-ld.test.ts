import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Element, Root, Text } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import type { Posting } from '../../src/posting.ts';
import { serializeJsonLdForScript, toJobPostingJsonLd } from '../../src/render/json-ld/index.ts';
import { BOARD, HOSTILE, HOSTILE_COMPANY, HOSTILE_TITLE, HYBRID, makePosting, ONSITE, REMOTE } from './sample-postings.ts';

// JSON-LD is checked as plain data: what a consumer sees after JSON.parse.
type Json = Record<string, any>;
const jsonLd = (posting: Posting, options?: Parameters<typeof toJobPostingJsonLd>[2]): Json =>
  JSON.parse(JSON.stringify(toJobPostingJsonLd(posting, BOARD, options)));

/** Google's required JobPosting properties (developers.google.com/search/docs/appearance/structured-data/job-posting). */
function expectGoogleRequired(data: Json): void {
  expect(data['@context']).toBe('https://schema.org');
  expect(data['@type']).toBe('JobPosting');
  expect(typeof data.title).toBe('string');
  expect(data.title).not.toBe('');
  expect(typeof data.description).toBe('string');
  expect(data.description).not.toBe('');
  expect(data.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(data.hiringOrganization).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  const remote = data.jobLocationType === 'TELECOMMUTE';
  expect(remote || (Array.isArray(data.jobLocation) && data.jobLocation.length > 0)).toBe(true);
}

describe('toJobPostingJsonLd', () => {
  it('describes a fully remote posting as TELECOMMUTE with applicant countries', () => {
    const data = jsonLd(REMOTE);
    expectGoogleRequired(data);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Senior Backend Engineer',
      description: REMOTE.contentHtml,
      datePosted: '2026-11-27',
      validThrough: '2026-12-27',
      employmentType: 'FULL_TIME',
      hiringOrganization: { '@type': 'Organization', name: 'Monzo', sameAs: 'https://monzo.com/' },
      identifier: { '@type': 'PropertyValue', name: 'Example Jobs', value: 'senior-backend-engineer' },
      url: 'https://jobs.example.com/jobs/senior-backend-engineer/',
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [
        { '@type': 'Country', name: 'United Kingdom' },
        { '@type': 'Country', name: 'Ireland' },
      ],
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'GBP',
        value: { '@type': 'QuantitativeValue', minValue: 95000, maxValue: 150000, unitText: 'YEAR' },
      },
    });
  });

  it('places a hybrid posting in its countries, with a single-figure hourly salary', () => {
    const data = jsonLd(HYBRID);
    expectGoogleRequired(data);
    expect(data.jobLocationType).toBeUndefined();
    expect(data.applicantLocationRequirements).toBeUndefined();
    expect(data.jobLocation).toEqual([
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'US' } },
    ]);
    expect(data.employmentType).toBe('CONTRACTOR');
    expect(data.hiringOrganization).toEqual({ '@type': 'Organization', name: 'Brightpath' });
    expect(data.baseSalary).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', value: 45.5, unitText: 'HOUR' },
    });
  });

  it('places an on-site posting and leaves out what the posting does not say', () => {
    const data = jsonLd(ONSITE);
    expectGoogleRequired(data);
    expect(data.jobLocation).toEqual([
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'DE' } },
    ]);
    expect(data).not.toHaveProperty('baseSalary');
    expect(data).not.toHaveProperty('employmentType');
    expect(data).not.toHaveProperty('jobLocationType');
    expect(data.validThrough).toBe('2026-12-14');
  });

  it('has one Place per country', () => {
    const data = jsonLd(makePosting({ location: { countries: ['FR', 'BE'], worldwide: false, remote: null, text: null } }));
    expect(data.jobLocation.map((place: Json) => place.address.addressCountry)).toEqual(['FR', 'BE']);
  });

  it('sets no applicant countries for a worldwide remote posting', () => {
    const data = jsonLd(makePosting({ location: { countries: ['GB'], worldwide: true, remote: 'remote', text: 'Anywhere' } }));
    expect(data.jobLocationType).toBe('TELECOMMUTE');
    expect(data).not.toHaveProperty('applicantLocationRequirements');
    expect(data).not.toHaveProperty('jobLocation');
  });

  it.each(['hour', 'day', 'week', 'month', 'year'] as const)('writes a %s salary unit in capitals', (period) => {
    const data = jsonLd(makePosting({ salary: { min: 1, max: 2, currency: 'EUR', period, text: '' } }));
    expect(data.baseSalary.value.unitText).toBe(period.toUpperCase());
  });

  it('names applicant countries with the callback when given', () => {
    expect(jsonLd(REMOTE, { countryName: (code) => `Land ${code}` }).applicantLocationRequirements[0].name).toBe('Land GB');
  });

  it('falls back to the summary, then the title, when the posting has no body', () => {
    expect(jsonLd(makePosting({ contentHtml: '  ', summary: 'Tea & cake' })).description).toBe('<p>Tea &amp; cake</p>');
    expect(jsonLd(makePosting({ contentHtml: '', summary: '', title: 'Chef <3' })).description).toBe('<p>Chef &lt;3</p>');
  });

  it('makes a site-relative posting URL absolute', () => {
    expect(jsonLd(makePosting({ url: '/jobs/x/' })).url).toBe('https://jobs.example.com/jobs/x/');
  });
});

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/;

/** The text an HTML parser finds inside `<script type="application/ld+json">`, and what follows it. */
async function parseScriptInHtml(json: string): Promise<{ script: string; after: string }> {
  const html = `<script type="application/ld+json">${json}</script><p id="after">after</p>`;
  const tree = { type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root;
  const parsed = (await unified().use(rehypeRaw).run(tree)) as Root;
  const elements = parsed.children.filter((node): node is Element => node.type === 'element');
  const script = elements.find((node) => node.tagName === 'script');
  const after = elements.filter((node) => node.tagName === 'p');
  return {
    script: (script?.children ?? []).map((node) => (node as Text).value).join(''),
    after: after.map((node) => String(node.properties.id)).join(','),
  };
}

describe('serializeJsonLdForScript', () => {
  it('escapes every character that could end the script or open a comment', () => {
    const data = toJobPostingJsonLd(HOSTILE, BOARD);
    const json = serializeJsonLdForScript(data);
    expect(json).not.toMatch(SCRIPT_UNSAFE);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).not.toContain('<!--');
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u0026');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(JSON.parse(json).title).toBe(HOSTILE_TITLE);
    expect(JSON.parse(json).hiringOrganization.name).toBe(HOSTILE_COMPANY);
  });

  it('escapes the JavaScript line terminators U+2028 and U+2029', () => {
    expect(serializeJsonLdForScript({ a: 'x\u2028y\u2029z' })).toBe('{"a":"x\\u2028y\\u2029z"}');
  });

  it('writes lone surrogates as escapes', () => {
    expect(serializeJsonLdForScript({ a: 'x\uD800y\uDFFF' })).toBe('{"a":"x\\ud800y\\udfff"}');
  });

  it('indents when asked', () => {
    expect(serializeJsonLdForScript({ a: '<' }, 2)).toBe('{\n  "a": "\\u003c"\n}');
  });

  it('stays inside the script element for an HTML parser', async () => {
    const json = serializeJsonLdForScript(toJobPostingJsonLd(HOSTILE, BOARD));
    const { script, after } = await parseScriptInHtml(json);
    expect(script).toBe(json);
    expect(after).toBe('after');
  });

  it('round-trips any strings and never lets markup through', async () => {
    const nasty = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('</script>', '</SCRIPT ', '<!--', '-->', '<', '>', '&', '\u2028', '\u2029', '\uD800', '\uDC00', '"', '\\', 'a') }),
    );
    await fc.assert(
      fc.asyncProperty(nasty, nasty, fc.array(nasty, { maxLength: 3 }), async (title, company, tags) => {
        const posting = makePosting({ title, company: { name: company, url: null }, tags, contentHtml: title });
        const data = toJobPostingJsonLd(posting, BOARD);
        const json = serializeJsonLdForScript(data);
        expect(json).not.toMatch(SCRIPT_UNSAFE);
        expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
        const back = JSON.parse(json);
        expect(back.title).toBe(title);
        expect(back.hiringOrganization.name).toBe(company);
        expect(back).toEqual(JSON.parse(JSON.stringify(data)));
        const { script, after } = await parseScriptInHtml(json);
        expect(script).toBe(json);
        expect(after).toBe('after');
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
