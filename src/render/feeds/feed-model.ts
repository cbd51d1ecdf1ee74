// The feed model every serialiser (RSS, Atom, JSON Feed) reads: a channel
// saying what the feed is and where it lives, and one item per posting.
// Keeping one model means the three formats cannot drift apart.
import { createHash } from 'node:crypto';
import type { BoardConfig } from '../../board.ts';
import type { Company, EmploymentType, Location, Posting, Salary } from '../../posting.ts';
import { shareBody } from '../share-body.ts';
import type { CountryNamer } from './country-display-name.ts';

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors (the board home, a company page…). */
  pageUrl: string;
  /** Absolute URL this feed document is published at (`https://jobs.example.com/feed.xml`). */
  selfUrl: string;
  /** BCP 47 tag (`en`). */
  language: string;
  /** `YYYY-MM-DD`; the feed's date when it has no items (otherwise its newest item's date). */
  buildDate: string;
  /** Name in `<generator>`; `jobsite` when absent. */
  generator?: string;
  /** Names countries in the human-readable text; `Intl.DisplayNames` (English) when absent. */
  countryName?: CountryNamer;
}

export interface FeedItem {
  /** The posting id, stable across edits. */
  id: string;
  /** The posting page; also the item's permanent id in every format. */
  url: string;
  /** Headline readers show: `Senior Engineer at Acme`. */
  title: string;
  jobTitle: string;
  company: Company;
  /** `YYYY-MM-DD`. */
  datePosted: string;
  /** `YYYY-MM-DD`, inclusive. */
  validThrough: string;
  summary: string;
  contentHtml: string;
  salary: Salary | null;
  location: Location;
  employmentType: EmploymentType | null;
  tags: string[];
  applyUrl: string;
}

export const DEFAULT_GENERATOR = 'jobsite';

/** `url` is the link the item gives (the posting page's, resolved against the site URL). */
export function toFeedItem(posting: Posting, url: string = posting.url): FeedItem {
  const company = posting.company.name.trim();
  const item: Omit<FeedItem, 'contentHtml'> = {
    id: posting.id,
    url,
    title: company === '' ? posting.title : `${posting.title} at ${company}`,
    jobTitle: posting.title,
    company: { name: posting.company.name, url: posting.company.url },
    datePosted: posting.datePosted,
    validThrough: posting.validThrough,
    summary: posting.summary,
    salary: posting.salary ? { ...posting.salary } : null,
    location: { ...posting.location, countries: [...posting.location.countries] },
    employmentType: posting.employmentType,
    tags: [...posting.tags],
    applyUrl: posting.applyUrl,
  };
  // Items are kept for as long as their postings: they read the body from the posting.
  return shareBody(item, posting);
}

export interface FeedChannelOptions {
  /** Path of the mirrored page below the site URL (`companies/acme/`); the home page when absent. */
  pagePath?: string;
  /** Path of the feed file below the site URL (`feed.xml`, `companies/acme/feed.json`). */
  feedPath: string;
  /** Defaults to the board's title and description. */
  title?: string;
  description?: string;
  countryName?: CountryNamer;
}

/** A channel for a feed of this board, with absolute URLs built from `config.siteUrl`. */
export function feedChannel(config: BoardConfig, buildDate: string, options: FeedChannelOptions): FeedChannel {
  return {
    title: options.title ?? config.title,
    description: options.description ?? config.description,
    pageUrl: siteUrlFor(config.siteUrl, options.pagePath ?? ''),
    selfUrl: siteUrlFor(config.siteUrl, options.feedPath),
    language: config.language,
    buildDate,
    ...(options.countryName ? { countryName: options.countryName } : {}),
  };
}

/** `path` below the site URL, whether or not either side carries the joining slash. */
export function siteUrlFor(siteUrl: string, path: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return `${base}${path.replace(/^\/+/, '')}`;
}

/**
 * Feeds need absolute links; a site-relative posting URL (no site URL was
 * known) is resolved against the channel's page. Absolute URLs are kept
 * byte for byte, so ids match jobs.json and the pages.
 */
export function absoluteUrl(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * Serialised items a caller keeps between builds (src/build/cache/feed-item-memo.ts).
 * Keys name everything an item's XML depends on except the code and the
 * country namer, so a caller keeps one per code fingerprint and passes the
 * same namer every time.
 */
export interface SerialisedItemMemo {
  get(key: string): string | undefined;
  set(key: string, xml: string): void;
}

const itemDigests = new WeakMap<FeedItem, string>();

/** A hash of everything in the item, once per item however many feeds list it. */
function feedItemDigest(item: FeedItem): string {
  let digest = itemDigests.get(item);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(item)).digest('base64');
    itemDigests.set(item, digest);
  }
  return digest;
}

/**
 * The item's XML: from `memo` when it holds it, else `serialise()`; kept in
 * `memo` either way, so that it holds every item used.
 */
export function serialiseThroughMemo(memo: SerialisedItemMemo | undefined, format: string, item: FeedItem, channel: FeedChannel, serialise: () => string): string {
  if (memo === undefined) return serialise();
  const key = `${format}\0${absoluteUrl(item.url, channel.pageUrl)}\0${channel.language}\0${feedItemDigest(item)}`;
  const xml = memo.get(key) ?? serialise();
  memo.set(key, xml);
  return xml;
}
