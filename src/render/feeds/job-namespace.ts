// Our XML namespace for the structured posting fields in RSS and Atom, so
// aggregators need not scrape them out of the HTML description. Documented
// for consumers in docs/feed-namespace.md; change both together.
import type { FeedItem } from './feed-model.ts';

export const JOB_NAMESPACE = 'https://jobsite.dev/ns/job/1.0';
export const JOB_PREFIX = 'job';

/** Namespaces the XML feeds declare on their root element. */
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const DUBLIN_CORE_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/**
 * The `job:` elements of one item as [local name, text] pairs, in document
 * order; absent values are left out and repeatable ones (`country`) repeat.
 */
export function jobElements(item: FeedItem): Array<[localName: string, text: string]> {
  const elements: Array<[string, string]> = [
    ['id', item.id],
    ['company', item.company.name],
  ];
  if (item.company.url !== null) elements.push(['companyUrl', item.company.url]);
  if (item.salary) {
    elements.push(
      ['salaryMin', decimalText(item.salary.min)],
      ['salaryMax', decimalText(item.salary.max)],
      ['salaryCurrency', item.salary.currency],
      ['salaryPeriod', item.salary.period],
      ['salaryText', item.salary.text],
    );
  }
  for (const country of item.location.countries) elements.push(['country', country]);
  elements.push(['worldwide', String(item.location.worldwide)]);
  if (item.location.remote !== null) elements.push(['remote', item.location.remote]);
  if (item.location.text !== null) elements.push(['locationText', item.location.text]);
  if (item.employmentType !== null) elements.push(['employmentType', item.employmentType]);
  elements.push(['datePosted', item.datePosted], ['validThrough', item.validThrough], ['applyUrl', item.applyUrl]);
  return elements;
}

/** Plain decimal notation (`95000`, `45.5`), never exponent form or grouping. */
function decimalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // String() is already plain for the figures salaries have; only tiny or huge ones need the formatter (slow to make).
  const text = String(value);
  return /e/i.test(text) || (text.split('.')[1]?.length ?? 0) > 20 ? PLAIN_DECIMAL.format(value) : text;
}

const PLAIN_DECIMAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });
