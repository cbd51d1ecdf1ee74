// The files of the site that are not pages: the site's feeds (RSS, Atom,
// JSON Feed), one RSS feed per listing page, jobs.json, sitemap.xml and
// robots.txt. They hold open postings only, in the one newest-first order,
// and take every date from the postings or the build date, never the clock.
import type { BoardConfig } from '../../board.ts';
import { countryName } from '../../normalise/location/index.ts';
import type { Posting } from '../../posting.ts';
import { feedChannel, siteUrlFor, toAtom, toFeedItem, toJsonFeed, toRss, type FeedItem } from '../feeds/index.ts';
import { toJobsJson } from '../jobs-json/index.ts';
import { toRobotsTxt, toSitemap, type SitemapUrl } from '../sitemap/index.ts';
import { listingHeading, listingPhrase } from './display-formats.ts';
import { LISTING_FOLDERS, type Listing, type SitePlan } from './site-plan.ts';

/** File contents by path below the output folder (`feed.xml`, `tags/rust/feed.xml`). */
export type MachineFiles = Map<string, string>;

export function machineReadableFiles(plan: SitePlan, config: BoardConfig, buildDate: string): MachineFiles {
  const items = (postings: readonly Posting[]) => postings.map((posting) => feedItem(posting, config));
  const siteItems = items(plan.open);
  const files: MachineFiles = new Map();
  files.set('feed.xml', toRss(feedChannel(config, buildDate, { feedPath: 'feed.xml', countryName }), siteItems));
  files.set('atom.xml', toAtom(feedChannel(config, buildDate, { feedPath: 'atom.xml', countryName }), siteItems));
  files.set('feed.json', toJsonFeed(feedChannel(config, buildDate, { feedPath: 'feed.json', countryName }), siteItems));
  files.set('jobs.json', toJobsJson(plan.open, config, buildDate));
  for (const listing of allListings(plan)) {
    const pagePath = listing.path.slice(1);
    const channel = feedChannel(config, buildDate, {
      pagePath,
      feedPath: `${pagePath}feed.xml`,
      title: `${listingHeading(listing.kind, listing.name)} – ${config.title}`,
      description: `Open positions ${listingPhrase(listing.kind, listing.name)}, from ${config.title}.`,
      countryName,
    });
    files.set(`${pagePath}feed.xml`, toRss(channel, items(listing.postings)));
  }
  files.set('sitemap.xml', toSitemap(sitemapUrls(plan, config)));
  files.set('robots.txt', toRobotsTxt(config.siteUrl));
  return files;
}

/** The page of a posting, as its canonical link and sitemap entry name it. */
export function postingPageUrl(posting: Posting, config: BoardConfig): string {
  return siteUrlFor(config.siteUrl, `jobs/${posting.id}/`);
}

function feedItem(posting: Posting, config: BoardConfig): FeedItem {
  return { ...toFeedItem(posting), url: postingPageUrl(posting, config) };
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
