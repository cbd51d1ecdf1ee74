// The HTML a feed reader shows for a posting: the summary and the facts
// people scan for (salary, where, what kind of job, until when), followed in
// the full form by the posting body.
import type { EmploymentType, Location, RemoteMode } from '../../posting.ts';
import { formatSalary } from '../format-salary.ts';
import type { CountryNamer } from './country-display-name.ts';
import type { FeedItem } from './feed-model.ts';

const REMOTE_LABELS: Readonly<Record<RemoteMode, string>> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

export interface ItemHtmlOptions {
  countryName: CountryNamer;
  /** Locale of the salary figures (the board language). */
  locale: string;
}

/** Summary and key facts: RSS `description`, Atom `summary`. */
export function itemSummaryHtml(item: FeedItem, options: ItemHtmlOptions): string {
  const facts: Array<[label: string, value: string]> = [];
  if (item.salary) facts.push(['Salary', formatSalary(item.salary, options.locale)]);
  const where = locationLine(item.location, options.countryName);
  if (where !== '') facts.push(['Location', where]);
  if (item.employmentType) facts.push(['Type', employmentTypeLabel(item.employmentType)]);
  facts.push(['Open until', item.validThrough]);

  const summary = item.summary.trim() === '' ? '' : `<p>${escapeHtml(item.summary)}</p>`;
  const list = facts.map(([label, value]) => `<li><strong>${label}:</strong> ${escapeHtml(value)}</li>`).join('');
  return `${summary}<ul>${list}</ul>`;
}

/** Summary, facts and the posting body: Atom `content`, JSON Feed `content_html`. */
export function itemContentHtml(item: FeedItem, options: ItemHtmlOptions): string {
  return `${itemSummaryHtml(item, options)}${item.contentHtml}`;
}

/** `Remote · United Kingdom, Germany`; the free text only when no country is known. */
export function locationLine(location: Location, countryName: CountryNamer): string {
  const places = location.countries.map((code) => countryName(code)).join(', ');
  const parts = [
    location.remote ? REMOTE_LABELS[location.remote] : '',
    location.worldwide ? 'Worldwide' : '',
    places !== '' ? places : !location.worldwide ? (location.text ?? '').trim() : '',
  ];
  return parts.filter((part) => part !== '').join(' · ');
}

/** `FULL_TIME` → `Full time`. */
export function employmentTypeLabel(type: EmploymentType): string {
  const words = type.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML character data or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
