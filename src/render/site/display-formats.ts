// Words people read on the pages for values the posting record keeps as
// codes: dates, employment types, remote modes. Everything is computed in
// UTC with fixed English text, so a page never depends on where it was built.
import type { EmploymentType, RemoteMode } from '../../posting.ts';

const EMPLOYMENT_TYPE_WORDS: Readonly<Record<EmploymentType, string>> = {
  FULL_TIME: 'Full-time',
  PART_TIME: 'Part-time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
  VOLUNTEER: 'Volunteer',
  PER_DIEM: 'Per diem',
  OTHER: 'Other',
};

const REMOTE_WORDS: Readonly<Record<RemoteMode, string>> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

export function employmentTypeWords(type: EmploymentType | null): string | null {
  return type === null ? null : (EMPLOYMENT_TYPE_WORDS[type] ?? null);
}

export function remoteWords(mode: RemoteMode | null): string | null {
  return mode === null ? null : (REMOTE_WORDS[mode] ?? null);
}

// en-US parts give the three-letter month (`Sep`, where en-GB now says `Sept`);
// the order `27 Nov 2026` is put together here.
const DATE_PARTS = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** `2026-11-27` → `27 Nov 2026`; anything that is not a real `YYYY-MM-DD` date is returned as given. */
export function readableDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) return isoDate;
  const parts = Object.fromEntries(DATE_PARTS.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year}`;
}

/** `1 open position`, `3 open positions`. */
export function countOpenPositions(count: number): string {
  return `${count} open position${count === 1 ? '' : 's'}`;
}

/** The heading of a company, country or tag page: `Jobs at Acme`, `Jobs in Germany`, `Jobs tagged “rust”`. */
export function listingHeading(kind: 'company' | 'country' | 'tag', name: string): string {
  return `Jobs ${listingPhrase(kind, name)}`;
}

/** `at Acme`, `in Germany`, `tagged “rust”`. */
export function listingPhrase(kind: 'company' | 'country' | 'tag', name: string): string {
  return kind === 'company' ? `at ${name}` : kind === 'country' ? `in ${name}` : `tagged “${name}”`;
}
