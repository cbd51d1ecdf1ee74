// schema.org `JobPosting` for a posting page, shaped after Google's job
// posting structured-data guidelines (required: title, description,
// datePosted, hiringOrganization, jobLocation or TELECOMMUTE with
// applicantLocationRequirements; recommended: validThrough, employmentType,
// identifier, baseSalary). Only facts from the posting record go in.
//
// Dates stay `YYYY-MM-DD`, as on the page and in jobs.json. A schema.org Date
// names the whole day, which is what the record means: `validThrough` is the
// last day the posting is open, inclusive (see `isOpen`). A timestamp would
// have to invent a time zone.
import type { JobPosting, Place, WithContext } from 'schema-dts';
import type { BoardConfig } from '../../board.ts';
import type { Posting, Salary } from '../../posting.ts';
import { safeCountryNamer, type CountryNamer } from '../feeds/country-display-name.ts';
import { absoluteUrl } from '../feeds/feed-model.ts';
import { escapeHtml } from '../feeds/item-html.ts';

export interface JobPostingJsonLdOptions {
  /** Names countries in `applicantLocationRequirements`; `Intl.DisplayNames` (English) when absent. */
  countryName?: CountryNamer;
}

export function toJobPostingJsonLd(
  posting: Posting,
  config: BoardConfig,
  options: JobPostingJsonLdOptions = {},
): WithContext<JobPosting> {
  const countryName = safeCountryNamer(options.countryName);
  const { company, location } = posting;
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: posting.title,
    description: descriptionHtml(posting),
    datePosted: posting.datePosted,
    validThrough: posting.validThrough,
    ...(posting.employmentType !== null ? { employmentType: posting.employmentType } : {}),
    hiringOrganization: {
      '@type': 'Organization',
      name: company.name,
      ...(company.url !== null ? { sameAs: company.url } : {}),
    },
    identifier: { '@type': 'PropertyValue', name: config.title, value: posting.id },
    url: absoluteUrl(posting.url, config.siteUrl),
    ...(location.remote === 'remote'
      ? {
          jobLocationType: 'TELECOMMUTE',
          // Worldwide means no requirement; Google reads an absent list as "anywhere".
          ...(!location.worldwide && location.countries.length > 0
            ? {
                applicantLocationRequirements: location.countries.map((code) => ({
                  '@type': 'Country' as const,
                  name: countryName(code),
                })),
              }
            : {}),
        }
      : location.countries.length > 0
        ? { jobLocation: location.countries.map(countryPlace) }
        : {}),
    ...(posting.salary ? { baseSalary: monetaryAmount(posting.salary) } : {}),
  };
}

/** Google requires a description; a posting without a body falls back to its summary, then its title. */
function descriptionHtml(posting: Posting): string {
  if (posting.contentHtml.trim() !== '') return posting.contentHtml;
  const text = posting.summary.trim() !== '' ? posting.summary : posting.title;
  return `<p>${escapeHtml(text)}</p>`;
}

function countryPlace(code: string): Place {
  // The ISO alpha-2 code is the form schema.org and Google document for addressCountry.
  return { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: code } };
}

function monetaryAmount(salary: Salary) {
  const unitText = salary.period.toUpperCase();
  return {
    '@type': 'MonetaryAmount' as const,
    currency: salary.currency,
    value:
      salary.min === salary.max
        ? { '@type': 'QuantitativeValue' as const, value: salary.min, unitText }
        : { '@type': 'QuantitativeValue' as const, minValue: salary.min, maxValue: salary.max, unitText },
  };
}
