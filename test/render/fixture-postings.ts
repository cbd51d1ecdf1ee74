// Hand-built postings for site tests: a builder with sensible defaults, so a
// test states only what it is about, and the board they belong to.
import type { BoardConfig, PostingEntry } from '../../src/board.ts';
import type { Posting } from '../../src/posting.ts';

export const FIXTURE_CONFIG: BoardConfig = {
  title: 'Fixture Jobs',
  description: 'Test postings for the site renderer.',
  siteUrl: 'https://jobs.example.org/',
  language: 'en',
  validityDays: 60,
};

export const FIXTURE_BUILD_DATE = '2026-11-27';

export type PostingOverrides = Partial<Omit<Posting, 'company' | 'location'>> & {
  company?: Partial<Posting['company']>;
  location?: Partial<Posting['location']>;
};

/** A complete, open (on FIXTURE_BUILD_DATE) posting; `id` decides the URL and the defaults. */
export function makePosting(id: string, overrides: PostingOverrides = {}): Posting {
  const { company, location, ...rest } = overrides;
  return {
    id,
    url: `${FIXTURE_CONFIG.siteUrl}jobs/${id}/`,
    title: `Title of ${id}`,
    company: { name: `Company of ${id}`, url: null, ...company },
    salary: null,
    location: { countries: [], worldwide: false, remote: null, text: null, ...location },
    applyUrl: `https://apply.example.com/${id}`,
    datePosted: '2026-11-20',
    validThrough: '2027-01-19',
    employmentType: null,
    tags: [],
    summary: `Summary of ${id}.`,
    contentHtml: `<p>Body of ${id}.</p>`,
    ...rest,
  };
}

export function makeEntry(posting: Posting, options: { draft?: boolean; file?: string } = {}): PostingEntry {
  return { posting, file: options.file ?? `postings/${posting.datePosted}-${posting.id}.md`, draft: options.draft ?? false };
}
