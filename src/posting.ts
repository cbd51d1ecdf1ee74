// The one record every layer shares: what a posting file becomes after the
// pipeline (load → parse → normalise), and exactly the public shape of each
// entry in `jobs.json`. Renderers and feeds read nothing else.

/** schema.org `employmentType` values. */
export const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** The unit a salary figure is paid per (lower-case; JSON-LD upper-cases it). */
export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

export const REMOTE_MODES = ['remote', 'hybrid', 'onsite'] as const;
export type RemoteMode = (typeof REMOTE_MODES)[number];

export interface Salary {
  /** Lower end of the range; equals `max` for a single figure. */
  min: number;
  max: number;
  /** ISO 4217 code, upper-case (`GBP`). */
  currency: string;
  period: SalaryPeriod;
  /** The salary as the editor (or the scraped source) wrote it. */
  text: string;
}

export interface Location {
  /** ISO 3166-1 alpha-2 codes, upper-case, unique, in the order given. */
  countries: string[];
  /** Open to applicants anywhere (`Worldwide`, `Anywhere`). */
  worldwide: boolean;
  remote: RemoteMode | null;
  /** Free-text location as written (`London / UK Remote`), or null. */
  text: string | null;
}

export interface Company {
  name: string;
  url: string | null;
}

export interface Posting {
  /** Slug of the file name without date prefix and extension; stable across edits. */
  id: string;
  /** Absolute URL of the posting page when a site URL is known, else site-relative (`/jobs/<id>/`). */
  url: string;
  title: string;
  company: Company;
  salary: Salary | null;
  location: Location;
  /** Absolute `https:`/`http:` or `mailto:` URL. */
  applyUrl: string;
  /** `YYYY-MM-DD`. */
  datePosted: string;
  /** `YYYY-MM-DD`; the last day the posting is open. */
  validThrough: string;
  employmentType: EmploymentType | null;
  /** Lower-case slugs, unique. */
  tags: string[];
  /** Plain text of the first paragraph, at most 280 characters. */
  summary: string;
  /** Sanitised HTML of the body (no `<h1>`). */
  contentHtml: string;
}
