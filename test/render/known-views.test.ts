// Page views are taken from the last build when a posting record and what it
// links to are unchanged (page-views.ts), as `serve` rebuilds the same board on
// every save. Whatever happened between two builds, the views taken must be the
// views that would be made afresh: checked over arbitrary sequences of boards
// that share posting records, against copies of those records that no earlier
// build has seen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardConfig } from '../../src/board.ts';
import type { Posting } from '../../src/posting.ts';
import { pageFingerprint } from '../../src/build/incremental/site-fingerprints.ts';
import { buildSiteView } from '../../src/render/site/page-views.ts';
import { planSite } from '../../src/render/site/site-plan.ts';
import { FIXTURE_CONFIG, makeEntry, makePosting } from './fixture-postings.ts';

// `Acme` and `ACME` are one company page, named after one of them.
const COMPANIES = ['Acme', 'ACME', 'Globex', 'Initech'];
const TAGS = ['rust', 'go', 'remote-first', 'data'];
const COUNTRIES = ['GB', 'DE', 'US', 'IN'];
const DATES = ['2026-11-01', '2026-11-10', '2026-11-20', '2026-11-28'];

const posting = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    company: fc.constantFrom(...COMPANIES),
    tags: fc.subarray(TAGS),
    countries: fc.subarray(COUNTRIES),
    posted: fc.constantFrom(...DATES),
    closes: fc.constantFrom('2026-11-25', '2026-12-31'),
    title: fc.constantFrom('Engineer', 'Writer'),
    site: fc.constantFrom('https://example.com/', null),
  })
  .map(({ id, company, tags, countries, posted, closes, title, site }) =>
    makePosting(id, { title, company: { name: company, url: site }, tags, location: { countries }, datePosted: posted, validThrough: closes }),
  );

/** One build: which postings of the pool are on the board (by index, ids kept apart), the build date and the settings. */
const step = fc.record({
  members: fc.uniqueArray(fc.nat(7), { maxLength: 6 }),
  /** Replace pool entries by new records (an edited file) before this build. */
  edits: fc.array(fc.tuple(fc.nat(7), posting), { maxLength: 2 }),
  buildDate: fc.constantFrom('2026-11-22', '2026-11-27'),
  otherConfig: fc.boolean(),
});

const OTHER_CONFIG: BoardConfig = { ...FIXTURE_CONFIG, title: 'Other Jobs', siteUrl: 'https://other.example.org/board/' };

function viewsAsJson(entries: Posting[], buildDate: string, config: BoardConfig): string {
  const site = buildSiteView(planSite(entries.map((posting) => makeEntry(posting)), buildDate), config, buildDate);
  // JSON-LD is left out of the serialised view (made when read): compare it as a page reads it.
  return JSON.stringify({ ...site, jsonLd: site.jobs.map((job) => job.jsonLd) });
}

describe('page views taken from an earlier build', () => {
  it('are the views made afresh, whatever changed between builds', () => {
    fc.assert(
      fc.property(fc.array(posting, { minLength: 8, maxLength: 8 }), fc.array(step, { minLength: 2, maxLength: 5 }), (initial, steps) => {
        const pool = [...initial];
        for (const { members, edits, buildDate, otherConfig } of steps) {
          for (const [index, edited] of edits) pool[index] = edited;
          const seen = new Set<string>();
          const board = members.map((index) => pool[index]!).filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
          const config = otherConfig ? OTHER_CONFIG : FIXTURE_CONFIG;
          // Copies of the records and the settings: nothing made for them before can be taken.
          const fresh = board.map((entry) => structuredClone(entry));
          expect(viewsAsJson(board, buildDate, config)).toBe(viewsAsJson(fresh, buildDate, structuredClone(config)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are fingerprinted as made afresh', () => {
    const a = makePosting('a', { tags: ['rust'], company: { name: 'Acme' } });
    const b = makePosting('b', { tags: ['rust'], company: { name: 'Acme' } });
    const fingerprints = (entries: Posting[]) => {
      const site = buildSiteView(planSite(entries.map((entry) => makeEntry(entry)), '2026-11-27'), FIXTURE_CONFIG, '2026-11-27');
      return [...site.jobs, ...site.listings].map((view) => `${view.outputPath} ${pageFingerprint('shared', view)}`).sort();
    };
    const first = fingerprints([a, b]);
    // The same records again: the views, and so the fingerprints, are the last build's.
    expect(fingerprints([a, b])).toEqual(first);
    // b gone: a's page is unchanged, the listings it was on lose a card.
    const without = fingerprints([a]);
    expect(without).toContain(first.find((line) => line.startsWith('jobs/a/')));
    expect(without.filter((line) => line.startsWith('tags/'))).not.toEqual(first.filter((line) => line.startsWith('tags/')));
    expect(without).toEqual(fingerprints([structuredClone(a)]));
  });
});
