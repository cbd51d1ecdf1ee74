// The normaliser's contract on any input: it never throws, and it yields
// either a posting or at least one error message, never neither or both.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { normalisePosting } from '../../src/normalise/normalise-posting.ts';
import { decodeBytes } from '../../src/load/decode-bytes.ts';
import { hasErrors } from '../../src/diagnostics/report-finding.ts';
import { CANONICAL_KEYS } from '../../src/normalise/front-matter/canonicalise-keys.ts';

const options = { siteUrl: 'https://jobs.example.org/', validityDays: 60, gitDate: () => null };

async function normalise(text: string, name = '2026-11-27-acme-engineer.md') {
  const file = new VFile({ path: name, value: text });
  const entry = await normalisePosting(file, options);
  expect(entry === null).toBe(hasErrors(file));
  for (const message of file.messages) {
    expect(message.ruleId).toBeTruthy();
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.column).toBeGreaterThanOrEqual(1);
  }
  return entry;
}

const valid = {
  title: 'Engineer',
  company: 'Acme',
  apply_url: 'https://jobs.example.com/1',
  country: 'DE',
};

const yamlValue = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: false }),
  fc.string(),
  fc.constantFrom('2026-02-30', 'javascript:alert(1)', 'Worldwide', '£95,000 - £150,000', '<script>alert(1)</script>', '-1', 'NaN', 'true'),
);

describe('normalisePosting never throws', () => {
  it('on arbitrary values for every front-matter key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...CANONICAL_KEYS, 'applyUrl', 'salary_min', 'salary_max', 'countries', 'xyz'), yamlValue, { maxKeys: 8 }), async (overrides) => {
        let yaml: string;
        try {
          yaml = stringify({ ...valid, ...overrides });
        } catch {
          return; // not representable as YAML
        }
        await normalise(`---\n${yaml}---\n\nBody text.\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text, with and without front-matter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), async (text, fenced) => {
        await normalise(fenced ? `---\n${text}\n---\n${text}` : text);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary bytes after decoding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        await normalise(decodeBytes(bytes).text);
      }),
      { numRuns: 200 },
    );
  });

  it('treats empty date and expires as absent (found by the property above)', async () => {
    const entry = await normalise(`---\n${stringify({ ...valid, date: null, expires: '' })}---\n\nBody text.\n`);
    expect(entry?.posting).toMatchObject({ datePosted: '2026-11-27', validThrough: '2027-01-26' });
  });

  it('keeps a valid posting valid', async () => {
    const entry = await normalise(`---\n${stringify(valid)}---\n\nBody text.\n`);
    expect(entry?.posting).toMatchObject({ title: 'Engineer', location: { countries: ['DE'] } });
  });
});
