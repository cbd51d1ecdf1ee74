// What the templates receive: every value already in the words and links a
// page shows (formatted salary, country names, readable dates, which links
// exist). Templates only lay these out; the only markup in here is the
// sanitised posting body and the JSON-LD, both emitted raw on purpose.
import { createHash } from 'node:crypto';
import type { BoardConfig } from '../../board.ts';
import { countryName } from '../../normalise/location/index.ts';
import type { Posting } from '../../posting.ts';
import { siteUrlFor } from '../feeds/index.ts';
import { formatSalary } from '../format-salary.ts';
import { serializeJsonLdForScript, toJobPostingJsonLd } from '../json-ld/index.ts';
import { shareBody } from '../share-body.ts';
import { companyKey } from './company-slugs.ts';
import { countOpenPositions, employmentTypeWords, listingHeading, listingPhrase, readableDate, remoteWords } from './display-formats.ts';
import { countryCodes, listingPath, tagSlugs, type Listing, type ListingKind, type SitePlan } from './site-plan.ts';

export interface DateView {
  /** `YYYY-MM-DD`, for `<time datetime>`. */
  iso: string;
  /** `27 Nov 2026`. */
  text: string;
}

export interface LinkView {
  text: string;
  /** Site path (`/tags/rust/`), or null when there is no page to link to. */
  path: string | null;
}

export interface PageMeta {
  /** The document `<title>`. */
  title: string;
  description: string;
  canonicalUrl: string;
  ogType: 'website' | 'article';
  noindex: boolean;
  /** The RSS feed of exactly this page's listing, besides the site's own feeds. */
  feed: { path: string; title: string } | null;
  /** Which main navigation item this page belongs to. */
  section: 'jobs' | 'companies' | 'countries' | 'tags' | null;
}

export interface JobCardView {
  id: string;
  path: string;
  title: string;
  company: string;
  /** The company's first letter, for its badge (decoration, hidden from screen readers). */
  companyInitial: string;
  /** Which of the stylesheet's badge colours (0–5) the company gets; the same for every build. */
  companyHue: number;
  salary: string | null;
  /** Country names, or `Worldwide`. */
  places: string[];
  remote: string | null;
  employmentType: string | null;
  tags: LinkView[];
  posted: DateView;
}

export interface JobPageView extends JobCardView {
  /** File written, below the output folder (`jobs/a/index.html`). */
  outputPath: string;
  open: boolean;
  meta: PageMeta;
  companyUrl: string | null;
  /** Site path of the company's listing, when it has open postings. */
  companyPath: string | null;
  locationText: string | null;
  countries: LinkView[];
  worldwide: boolean;
  closes: DateView;
  applyUrl: string | null;
  applyByEmail: boolean;
  contentHtml: string;
  /** `serializeJsonLdForScript` output for open postings, else null; made when read, and not enumerable (see `jsonLdDigest`). */
  jsonLd: string | null;
  /**
   * A digest of `jsonLd`, which the page's fingerprint reads in its place: it
   * is kept per posting, where the JSON-LD, which holds the whole body, is not.
   */
  jsonLdDigest: string | null;
}

export interface ListingPageView {
  kind: ListingKind;
  outputPath: string;
  path: string;
  /** What the page lists (`Acme`, `United Kingdom`, `rust`). */
  name: string;
  heading: string;
  intro: string;
  /** The company's website, for company pages. */
  websiteUrl: string | null;
  meta: PageMeta;
  feedPath: string;
  jobs: JobCardView[];
}

export interface DirectoryPageView {
  kind: ListingKind;
  outputPath: string;
  path: string;
  heading: string;
  intro: string;
  meta: PageMeta;
  entries: { text: string; path: string; count: string }[];
}

export interface HomePageView {
  path: string;
  heading: string;
  intro: string;
  countText: string;
  meta: PageMeta;
  jobs: JobCardView[];
}

export interface SiteView {
  board: { title: string; description: string; language: string; siteUrl: string; buildDate: string };
  home: HomePageView;
  notFound: { meta: PageMeta };
  jobs: JobPageView[];
  listings: ListingPageView[];
  directories: DirectoryPageView[];
}

const LISTING_WORDS: Readonly<Record<ListingKind, { section: PageMeta['section']; directory: string; directoryIntro: string }>> = {
  company: { section: 'companies', directory: 'Companies', directoryIntro: 'Companies with open positions.' },
  country: { section: 'countries', directory: 'Countries', directoryIntro: 'Countries with open positions.' },
  tag: { section: 'tags', directory: 'Tags', directoryIntro: 'Topics of open positions.' },
};

export function buildSiteView(plan: SitePlan, config: BoardConfig, buildDate: string): SiteView {
  const absolute = (path: string) => siteUrlFor(config.siteUrl, path);
  const pageTitle = (title: string) => `${title} – ${config.title}`;
  const views = new Map<Posting, KnownViews>();
  const viewsOf = (posting: Posting): KnownViews => {
    let known = views.get(posting);
    if (!known) {
      known = knownViewsOf(posting, plan, config);
      views.set(posting, known);
    }
    return known;
  };
  const cardOf = (posting: Posting): JobCardView => viewsOf(posting).card;

  const openSet = new Set(plan.open);
  const jobs = [...plan.open, ...plan.closed].map((posting) => {
    const known = viewsOf(posting);
    const open = openSet.has(posting);
    if (known.page?.open !== open) known.page = { open, page: jobPage(posting, known.card, open, plan, config, absolute, pageTitle) };
    return known.page.page;
  });
  const kinds = [
    ['company', plan.companies],
    ['country', plan.countries],
    ['tag', plan.tags],
  ] as const;
  const lastListings = knownListings.get(config);
  const listings = kinds.flatMap(([, listings]) => listings.map((listing) => knownListingPage(listing, lastListings?.get(listing.path), cardOf, config, absolute, pageTitle)));
  knownListings.set(config, new Map(listings.map((listing) => [listing.path, listing])));
  const directories = kinds.map(([kind, listings]) => directoryPage(kind, listings, absolute, pageTitle));

  return {
    board: { title: config.title, description: config.description, language: config.language, siteUrl: config.siteUrl, buildDate },
    home: {
      path: '/',
      heading: config.title,
      intro: config.description,
      countText: countOpenPositions(plan.open.length),
      meta: { title: config.title, description: config.description, canonicalUrl: absolute(''), ogType: 'website', noindex: false, feed: null, section: 'jobs' },
      jobs: plan.open.map(cardOf),
    },
    notFound: {
      meta: { title: pageTitle('Page not found'), description: config.description, canonicalUrl: absolute('404.html'), ogType: 'website', noindex: true, feed: null, section: null },
    },
    jobs,
    listings,
    directories,
  };
}

// `serve` builds the same board again on every save, from the same posting
// records wherever a file did not change (the loader keeps its results), and
// views are never changed once made. So a posting's card and page are taken
// from the last build whenever everything else they read is as it was then:
// the board settings (the same object) and which of its listings exist. A
// rebuild then makes views, and fingerprints them, only for what changed.
interface KnownViews {
  config: BoardConfig;
  /** Which of the posting's tag and country pages exist, and its company page. */
  links: string;
  card: JobCardView;
  page?: { open: boolean; page: JobPageView };
}

const knownViews = new WeakMap<Posting, KnownViews>();

function listedLinks(posting: Posting, plan: SitePlan): string {
  const tags = tagSlugs(posting).map((slug) => (plan.listingPaths.has(listingPath('tag', slug)) ? '1' : '0'));
  const countries = countryCodes(posting).map((code) => (plan.listingPaths.has(listingPath('country', code.toLowerCase())) ? '1' : '0'));
  return `${tags.join('')} ${countries.join('')} ${plan.companyPathOf.get(posting.id) ?? ''}`;
}

/** The posting's views of the last build when they still hold, else a fresh entry with its card (its page is made by the caller). */
function knownViewsOf(posting: Posting, plan: SitePlan, config: BoardConfig): KnownViews {
  const links = listedLinks(posting, plan);
  const known = knownViews.get(posting);
  if (known?.config === config && known.links === links) return known;
  const fresh: KnownViews = { config, links, card: jobCard(posting, plan, config) };
  knownViews.set(posting, fresh);
  return fresh;
}

function jobCard(posting: Posting, plan: SitePlan, config: BoardConfig): JobCardView {
  const names = countryCodes(posting).map((code) => countryName(code));
  return {
    id: posting.id,
    path: `/jobs/${posting.id}/`,
    title: posting.title,
    company: posting.company.name,
    companyInitial: initialOf(posting.company.name),
    companyHue: hueOf(companyKey(posting.company.name)),
    salary: posting.salary ? formatSalary(posting.salary, config.language) : null,
    places: posting.location.worldwide ? ['Worldwide', ...names] : names,
    remote: remoteWords(posting.location.remote),
    employmentType: employmentTypeWords(posting.employmentType),
    tags: tagSlugs(posting).map((slug) => linkIfListed(slug, listingPath('tag', slug), plan)),
    posted: dateView(posting.datePosted),
  };
}

function jobPage(
  posting: Posting,
  card: JobCardView,
  open: boolean,
  plan: SitePlan,
  config: BoardConfig,
  absolute: (path: string) => string,
  pageTitle: (title: string) => string,
): JobPageView {
  const company = posting.company.name.trim();
  const applyUrl = safeLink(posting.applyUrl, ['https:', 'http:', 'mailto:']);
  const canonicalUrl = absolute(`jobs/${posting.id}/`);
  const view: Omit<JobPageView, 'contentHtml' | 'jsonLd' | 'jsonLdDigest'> = {
    ...card,
    outputPath: `jobs/${posting.id}/index.html`,
    open,
    meta: {
      title: pageTitle(company ? `${posting.title} at ${company}` : posting.title),
      description: posting.summary.trim() || `${posting.title}${company ? ` at ${company}` : ''}.`,
      canonicalUrl,
      ogType: 'article',
      noindex: !open,
      feed: null,
      section: 'jobs',
    },
    companyUrl: safeLink(posting.company.url, ['https:', 'http:']),
    companyPath: plan.companyPathOf.get(posting.id) ?? null,
    locationText: posting.location.text?.trim() || null,
    countries: countryCodes(posting).map((code) => linkIfListed(countryName(code), listingPath('country', code.toLowerCase()), plan)),
    worldwide: posting.location.worldwide,
    closes: dateView(posting.validThrough),
    applyUrl: open ? applyUrl : null,
    applyByEmail: applyUrl?.startsWith('mailto:') ?? false,
  };
  // Views of every page are made before any is rendered: they read the body, and the JSON-LD
  // made from it, when a page is rendered or fingerprinted, so that no view holds either.
  return Object.defineProperties(shareBody(view, posting), {
    jsonLd: { enumerable: false, configurable: true, get: () => (open ? jobPostingJsonLd(posting, canonicalUrl, config) : null) },
    jsonLdDigest: { enumerable: true, configurable: true, get: () => (open ? jobPostingJsonLdDigest(posting, canonicalUrl, config) : null) },
  }) as JobPageView;
}

// By posting: a rebuild (and `serve`, again and again) fingerprints every page from the same posting records.
const jsonLdDigests = new WeakMap<Posting, { config: BoardConfig; canonicalUrl: string; digest: string }>();

function jobPostingJsonLdDigest(posting: Posting, canonicalUrl: string, config: BoardConfig): string {
  const known = jsonLdDigests.get(posting);
  if (known?.config === config && known.canonicalUrl === canonicalUrl) return known.digest;
  const digest = createHash('sha256').update(jobPostingJsonLd(posting, canonicalUrl, config)).digest('base64');
  jsonLdDigests.set(posting, { config, canonicalUrl, digest });
  return digest;
}

// The last one made: a template looks `jsonLd` up a few times in a row (Nunjucks reads a member twice per lookup).
let lastJsonLd: { posting: Posting; config: BoardConfig; canonicalUrl: string; text: string } | null = null;

function jobPostingJsonLd(posting: Posting, canonicalUrl: string, config: BoardConfig): string {
  if (lastJsonLd?.posting === posting && lastJsonLd.config === config && lastJsonLd.canonicalUrl === canonicalUrl) return lastJsonLd.text;
  const text = serializeJsonLdForScript(toJobPostingJsonLd({ ...posting, url: canonicalUrl }, config, { countryName }));
  lastJsonLd = { posting, config, canonicalUrl, text };
  return text;
}

// As for posting pages (see KnownViews): a listing page whose cards are the
// very cards of the last build with these settings, in the same order, is the
// same page. A card is only ever taken for the same posting record, and a
// listing's name and website are its postings', so nothing else can differ.
// Only the last build's listings are kept.
const knownListings = new WeakMap<BoardConfig, Map<string, ListingPageView>>();

function knownListingPage(
  listing: Listing,
  known: ListingPageView | undefined,
  cardOf: (posting: Posting) => JobCardView,
  config: BoardConfig,
  absolute: (path: string) => string,
  pageTitle: (title: string) => string,
): ListingPageView {
  const cards = listing.postings.map(cardOf);
  if (known !== undefined && known.jobs.length === cards.length && cards.every((card, index) => known.jobs[index] === card)) return known;
  return listingPage(listing, cards, config, absolute, pageTitle);
}

function listingPage(
  listing: Listing,
  cards: JobCardView[],
  config: BoardConfig,
  absolute: (path: string) => string,
  pageTitle: (title: string) => string,
): ListingPageView {
  const words = LISTING_WORDS[listing.kind];
  const heading = listingHeading(listing.kind, listing.name);
  const count = countOpenPositions(listing.postings.length);
  const feedPath = `${listing.path}feed.xml`;
  return {
    kind: listing.kind,
    outputPath: `${listing.path.slice(1)}index.html`,
    path: listing.path,
    name: listing.name,
    heading,
    intro: count,
    websiteUrl: listing.kind === 'company' ? safeLink(listing.url, ['https:', 'http:']) : null,
    meta: {
      title: pageTitle(heading),
      description: `${count} ${listingPhrase(listing.kind, listing.name)}, on ${config.title}.`,
      canonicalUrl: absolute(listing.path),
      ogType: 'website',
      noindex: false,
      feed: { path: feedPath, title: `${heading} (RSS)` },
      section: words.section,
    },
    feedPath,
    jobs: cards,
  };
}

function directoryPage(kind: ListingKind, listings: readonly Listing[], absolute: (path: string) => string, pageTitle: (title: string) => string): DirectoryPageView {
  const words = LISTING_WORDS[kind];
  const path = `/${words.section}/`;
  return {
    kind,
    outputPath: `${words.section}/index.html`,
    path,
    heading: words.directory,
    intro: words.directoryIntro,
    meta: { title: pageTitle(words.directory), description: words.directoryIntro, canonicalUrl: absolute(path.slice(1)), ogType: 'website', noindex: false, feed: null, section: words.section },
    entries: [...listings]
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map((listing) => ({ text: listing.name, path: listing.path, count: countOpenPositions(listing.postings.length) })),
  };
}

const BADGE_HUES = 6;

function initialOf(name: string): string {
  const letter = Array.from(name.normalize('NFC')).find((char) => /[\p{L}\p{N}]/u.test(char));
  return letter ? letter.toLocaleUpperCase('en') : '•';
}

function hueOf(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 1_000_003;
  return hash % BADGE_HUES;
}

function linkIfListed(text: string, path: string, plan: SitePlan): LinkView {
  return { text, path: plan.listingPaths.has(path) ? path : null };
}

function dateView(iso: string): DateView {
  return { iso, text: readableDate(iso) };
}

/** The URL when it parses and uses one of `protocols`; a link the browser could run as code never reaches a page. */
export function safeLink(url: string | null, protocols: readonly string[]): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    return protocols.includes(new URL(url.trim()).protocol) ? url.trim() : null;
  } catch {
    return null;
  }
}
