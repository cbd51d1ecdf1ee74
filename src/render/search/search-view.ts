// What the home page's search form and cards need beyond the listing itself:
// the choices each filter offers (only values that occur among open
// postings), the currencies a minimum salary can be given in with their dated
// rates, and per card the facts the filters read from data attributes. The
// page filters these cards in the browser; nothing here needs a server.
import { EMPLOYMENT_TYPES, REMOTE_MODES, type Posting } from '../../posting.ts';
import { employmentTypeWords, readableDate, remoteWords } from '../site/display-formats.ts';
import type { DateView, JobCardView, SiteView } from '../site/page-views.ts';
import { compareCodeUnits } from '../site/company-slugs.ts';
import { countryCodes, tagSlugs, type Listing, type SitePlan } from '../site/site-plan.ts';
import type { CurrencyRates } from './currency-rates.ts';
import { yearlySalary } from './yearly-salary.ts';

/** The facts one card carries as `data-*` attributes, as the script reads them. */
export interface CardFacets {
  /** Lower-case alpha-2 codes, space-separated (the slugs of the country pages). */
  countries: string;
  worldwide: boolean;
  /** `remote`, `hybrid`, `onsite` or empty. */
  remote: string;
  /** schema.org employment type or empty. */
  type: string;
  /** Tag slugs, space-separated. */
  tags: string;
  /** Slug of the company page. */
  company: string;
  /** `<yearly min> <yearly max> <currency>` in the posting's own currency, or empty. */
  salary: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface SearchCardView extends JobCardView {
  search: CardFacets;
}

export interface FilterOption {
  value: string;
  text: string;
}

export interface CurrencyOption extends FilterOption {
  /** Units per one unit of the table's base currency; empty when the table has no rate for it. */
  rate: string;
}

export interface SearchView {
  /** False on a board without open postings: no form, no script, no index. */
  enabled: boolean;
  countries: FilterOption[];
  /** Some open posting is open to applicants anywhere. */
  worldwide: boolean;
  remoteModes: FilterOption[];
  employmentTypes: FilterOption[];
  tags: FilterOption[];
  companies: FilterOption[];
  currencies: CurrencyOption[];
  /** The currency a minimum salary is read in until the reader picks another: the board's commonest. */
  defaultCurrency: string;
  /** The day of the rates the salary filter converts with. */
  rates: { date: DateView };
  /** Site-relative folders of the search index's shards, space-separated; the script merges them. */
  indexes: string;
}

export interface SearchSiteView extends SiteView {
  home: SiteView['home'] & { jobs: JobCardView[] };
  search: SearchView;
}

/** Currencies offered even when no posting is paid in them, as the ones most readers think in. */
const ALWAYS_OFFERED = ['EUR', 'GBP', 'USD'];

/** The site view with search data added: the home page's cards get their facets, the site a `search` view. */
export function withSearchView(site: SiteView, plan: SitePlan, rates: CurrencyRates, indexFolders: readonly string[]): SearchSiteView {
  const companyOf = slugByPosting(plan.companies);
  const byId = new Map(plan.open.map((posting) => [posting.id, posting]));
  const jobs = site.home.jobs.map((card): JobCardView | SearchCardView => {
    const posting = byId.get(card.id);
    return posting ? { ...card, search: cardFacets(posting, companyOf.get(posting.id) ?? '') } : card;
  });
  return { ...site, home: { ...site.home, jobs }, search: { ...searchView(plan, rates), indexes: indexFolders.join(' ') } };
}

export function cardFacets(posting: Posting, companySlug: string): CardFacets {
  const yearly = yearlySalary(posting.salary);
  return {
    countries: countryCodes(posting).map((code) => code.toLowerCase()).join(' '),
    worldwide: posting.location.worldwide === true,
    remote: remoteWords(posting.location.remote) === null ? '' : String(posting.location.remote),
    type: employmentTypeWords(posting.employmentType) === null ? '' : String(posting.employmentType),
    tags: tagSlugs(posting).join(' '),
    company: companySlug,
    salary: yearly ? `${yearly.min} ${yearly.max} ${yearly.currency}` : '',
    date: posting.datePosted,
  };
}

function searchView(plan: SitePlan, rates: CurrencyRates): Omit<SearchView, 'indexes'> {
  const open = plan.open;
  const present = <T extends string>(values: readonly T[], valueOf: (posting: Posting) => unknown) => {
    const seen = new Set(open.map(valueOf));
    return values.filter((value) => seen.has(value));
  };
  const currencyCounts = new Map<string, number>();
  for (const posting of open) {
    const currency = yearlySalary(posting.salary)?.currency;
    if (currency) currencyCounts.set(currency, (currencyCounts.get(currency) ?? 0) + 1);
  }
  const defaultCurrency =
    [...currencyCounts.entries()].sort(([a, countA], [b, countB]) => countB - countA || compareCodeUnits(a, b))[0]?.[0] ?? rates.base;
  const codes = [...new Set([...ALWAYS_OFFERED, rates.base, ...currencyCounts.keys()])].sort(compareCodeUnits);

  return {
    enabled: open.length > 0,
    countries: listingOptions(plan.countries),
    worldwide: open.some((posting) => posting.location.worldwide === true),
    remoteModes: present(REMOTE_MODES, (posting) => posting.location.remote).map((mode) => ({ value: mode, text: remoteWords(mode) ?? mode })),
    employmentTypes: present(EMPLOYMENT_TYPES, (posting) => posting.employmentType).map((type) => ({ value: type, text: employmentTypeWords(type) ?? type })),
    tags: listingOptions(plan.tags),
    companies: listingOptions(plan.companies),
    currencies: codes.map((code) => {
      const rate = rates.rates.get(code);
      return { value: code, text: `${code} – ${currencyName(code)}`, rate: rate === undefined ? '' : String(rate) };
    }),
    defaultCurrency,
    rates: { date: { iso: rates.date, text: readableDate(rates.date) } },
  };
}

function listingOptions(listings: readonly Listing[]): FilterOption[] {
  return [...listings]
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || compareCodeUnits(a.slug, b.slug))
    .map((listing) => ({ value: listing.slug, text: listing.name }));
}

function slugByPosting(listings: readonly Listing[]): Map<string, string> {
  const slugs = new Map<string, string>();
  for (const listing of listings) for (const posting of listing.postings) slugs.set(posting.id, listing.slug);
  return slugs;
}

const CURRENCY_NAMES = new Intl.DisplayNames('en', { type: 'currency', fallback: 'code' });

function currencyName(code: string): string {
  try {
    return CURRENCY_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
