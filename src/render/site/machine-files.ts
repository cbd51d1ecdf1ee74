// The files of the site that are not pages: the site's feeds (RSS, Atom,
// JSON Feed), one RSS feed per listing page, jobs.json, sitemap.xml (an
// index and its parts past 50,000 pages) and robots.txt. They hold open
// postings only, in the one newest-first order, and take every date from
// the postings or the build date, never the clock.
// Each file comes with a key naming everything it is made from, so that a
// build can keep a listing's feed from the last build when none of its
// postings changed, and makes the text only when it needs it.
import { createHash } from 'node:crypto';
import type { BoardConfig } from '../../board.ts';
import { countryName } from '../../normalise/location/index.ts';
import type { Posting } from '../../posting.ts';
import { feedChannel, siteUrlFor, toAtomParts, toFeedItem, toJsonFeedParts, toRssParts, type FeedItem, type SerialisedItemMemo } from '../feeds/index.ts';
import { toJobsJsonParts } from '../jobs-json/index.ts';
import { sitemapFiles, toRobotsTxt, type SitemapUrl } from '../sitemap/index.ts';
import { listingHeading, listingPhrase } from './display-formats.ts';
import { LISTING_FOLDERS, type Listing, type SitePlan } from './site-plan.ts';

export interface MachineFile {
  /** Below the output folder (`feed.xml`, `tags/rust/feed.xml`). */
  path: string;
  /** Everything the text is made from, besides the code. */
  key: string;
  /** The text, whole or as consecutive parts made as they are written (a big feed is never held whole). */
  render: () => string | Iterable<string>;
  /** Set on the site's RSS and Atom feeds, which serialise every open posting's item (through the memo). */
  itemsOfEveryOpenPosting?: boolean;
}

/** `memo` keeps serialised feed items between builds (its keys leave out the code, which its keeper must cover). */
export function machineReadableFiles(plan: SitePlan, config: BoardConfig, buildDate: string, options: { memo?: SerialisedItemMemo } = {}): MachineFile[] {
  const { memo } = options;
  const items = (postings: readonly Posting[]) => postings.map((posting) => feedItem(posting, config));
  const files: MachineFile[] = [];
  const configKey = JSON.stringify(config);
  const openKey = plan.open.map(postingDigest).join(' ');
  // The build date dates a site feed only when it has no items; jobs.json always names it.
  const siteFeedKey = `${configKey}\0${plan.open.length === 0 ? buildDate : ''}\0${openKey}`;
  const keyed = (filePath: string, key: string, render: () => string | Iterable<string>, itemsOfEveryOpenPosting?: true) =>
    files.push({ path: filePath, key: `${filePath}\0${key}`, render, ...(itemsOfEveryOpenPosting && { itemsOfEveryOpenPosting }) });
  keyed('feed.xml', siteFeedKey, () => toRssParts(feedChannel(config, buildDate, { feedPath: 'feed.xml', countryName }), items(plan.open), { memo }), true);
  keyed('atom.xml', siteFeedKey, () => toAtomParts(feedChannel(config, buildDate, { feedPath: 'atom.xml', countryName }), items(plan.open), { memo }), true);
  keyed('feed.json', siteFeedKey, () => toJsonFeedParts(feedChannel(config, buildDate, { feedPath: 'feed.json', countryName }), items(plan.open)));
  keyed('jobs.json', `${configKey}\0${buildDate}\0${openKey}`, () => toJobsJsonParts(plan.open, config, buildDate));
  for (const listing of allListings(plan)) {
    const pagePath = listing.path.slice(1);
    const channel = feedChannel(config, buildDate, {
      pagePath,
      feedPath: `${pagePath}feed.xml`,
      title: `${listingHeading(listing.kind, listing.name)} – ${config.title}`,
      description: `Open positions ${listingPhrase(listing.kind, listing.name)}, from ${config.title}.`,
      countryName,
    });
    // The build date dates a feed only when it has no items.
    const dated = listing.postings.length === 0 ? channel : { ...channel, buildDate: null };
    files.push({
      path: `${pagePath}feed.xml`,
      key: `rss\0${configKey}\0${JSON.stringify(dated)}\0${listing.postings.map(postingDigest).join(' ')}`,
      render: () => toRssParts(channel, items(listing.postings), { memo }),
    });
  }
  for (const file of sitemapFiles(sitemapUrls(plan, config), (path) => siteUrlFor(config.siteUrl, path))) keyed(file.path, file.key, file.render);
  keyed('robots.txt', config.siteUrl, () => toRobotsTxt(config.siteUrl));
  return files;
}

const digests = new WeakMap<Posting, string>();

/** A posting's whole record, hashed once however many feeds list it. */
function postingDigest(posting: Posting): string {
  let digest = digests.get(posting);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(posting)).digest('base64');
    digests.set(posting, digest);
  }
  return digest;
}

/** The page of a posting, as its canonical link and sitemap entry name it. */
export function postingPageUrl(posting: Posting, config: BoardConfig): string {
  return siteUrlFor(config.siteUrl, `jobs/${posting.id}/`);
}

// One item object per posting and settings, so that the feeds listing a posting share its serialised item.
const feedItems = new WeakMap<Posting, { config: BoardConfig; item: FeedItem }>();

function feedItem(posting: Posting, config: BoardConfig): FeedItem {
  const known = feedItems.get(posting);
  if (known?.config === config) return known.item;
  const item = toFeedItem(posting, postingPageUrl(posting, config));
  feedItems.set(posting, { config, item });
  return item;
}

function allListings(plan: SitePlan): Listing[] {
  return [...plan.companies, ...plan.countries, ...plan.tags];
}

// Open postings' pages and every page that lists them, each dated by the newest posting it shows.
function sitemapUrls(plan: SitePlan, config: BoardConfig): SitemapUrl[] {
  const newestOpen = newestDatePosted(plan.open);
  return [
    { loc: siteUrlFor(config.siteUrl, ''), lastmod: newestOpen },
    ...plan.open.map((posting) => ({ loc: postingPageUrl(posting, config), lastmod: posting.datePosted })),
    ...allListings(plan).map((listing) => ({ loc: siteUrlFor(config.siteUrl, listing.path), lastmod: newestDatePosted(listing.postings) })),
    ...Object.values(LISTING_FOLDERS).map((folder) => ({ loc: siteUrlFor(config.siteUrl, `${folder}/`), lastmod: newestOpen })),
  ];
}

function newestDatePosted(postings: readonly Posting[]): string | null {
  return postings.reduce<string | null>((newest, posting) => (newest === null || posting.datePosted > newest ? posting.datePosted : newest), null);
}
