// Test helper: a board and postings covering the three ways of working
// (remote, hybrid, on-site), plus one full of characters markup must escape.
import type { BoardConfig } from '../../src/board.ts';
import type { Posting } from '../../src/posting.ts';

export const BOARD: BoardConfig = {
  title: 'Example Jobs',
  description: 'Hand-picked roles.',
  siteUrl: 'https://jobs.example.com/',
  language: 'en',
  validityDays: 30,
};

export const BUILD_DATE = '2026-12-01';

export function makePosting(overrides: Partial<Posting> = {}): Posting {
  const id = overrides.id ?? 'senior-backend-engineer';
  return {
    id,
    url: `https://jobs.example.com/jobs/${id}/`,
    title: 'Senior Backend Engineer',
    company: { name: 'Monzo', url: 'https://monzo.com/' },
    salary: { min: 95000, max: 150000, currency: 'GBP', period: 'year', text: '£95,000 - £150,000' },
    location: { countries: ['GB', 'IE'], worldwide: false, remote: 'remote', text: 'UK or Ireland, remote' },
    applyUrl: 'https://monzo.com/careers/apply?id=42&src=board',
    datePosted: '2026-11-27',
    validThrough: '2026-12-27',
    employmentType: 'FULL_TIME',
    tags: ['go', 'backend'],
    summary: 'Build the systems that move money for millions of people.',
    contentHtml: '<p>Build the systems that move money.</p><ul><li>Go</li><li>Kafka</li></ul>',
    ...overrides,
  };
}

export const REMOTE = makePosting();

export const HYBRID = makePosting({
  id: 'data-analyst',
  url: 'https://jobs.example.com/jobs/data-analyst/',
  title: 'Data Analyst',
  company: { name: 'Brightpath', url: null },
  salary: { min: 45.5, max: 45.5, currency: 'USD', period: 'hour', text: '$45.50/hr' },
  location: { countries: ['US'], worldwide: false, remote: 'hybrid', text: 'New York, 3 days in office' },
  datePosted: '2026-11-20',
  validThrough: '2026-12-20',
  employmentType: 'CONTRACTOR',
  tags: ['sql'],
});

export const ONSITE = makePosting({
  id: 'baecker',
  url: 'https://jobs.example.com/jobs/baecker/',
  title: 'Bäcker (m/w/d)',
  company: { name: 'Bäckerei Müller', url: 'https://baeckerei.example.de/' },
  salary: null,
  location: { countries: ['DE'], worldwide: false, remote: 'onsite', text: 'München' },
  datePosted: '2026-11-14',
  validThrough: '2026-12-14',
  employmentType: null,
  tags: [],
});

export const HOSTILE_TITLE = '<b>Bold</b> & "quoted" ]]> </script>';
export const HOSTILE_COMPANY = 'Smith & <Sons> "Ltd" ]]> </script><!--';

export const HOSTILE = makePosting({
  id: 'hostile',
  url: 'https://jobs.example.com/jobs/hostile/',
  title: HOSTILE_TITLE,
  company: { name: HOSTILE_COMPANY, url: 'https://example.com/?a=1&b=<2>' },
  tags: ['c++', '<script>', 'a&b', ']]>', "it's"],
  summary: 'Summary with </script> and <!-- and & in it.',
  location: { countries: ['GB'], worldwide: false, remote: 'onsite', text: '<London> & "Paris"' },
  datePosted: '2026-11-25',
});
