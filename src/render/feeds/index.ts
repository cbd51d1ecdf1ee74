// Feeds of the board (RSS 2.0, Atom 1.0, JSON Feed 1.1): the public face of this folder.
// Callers pass postings already filtered to the open ones and sorted with `sortNewestFirst`.
export {
  toFeedItem,
  feedChannel,
  siteUrlFor,
  absoluteUrl,
  DEFAULT_GENERATOR,
  type FeedChannel,
  type FeedChannelOptions,
  type FeedItem,
  type SerialisedItemMemo,
} from './feed-model.ts';
export { toRss, toRssParts } from './to-rss.ts';
export { toAtom, toAtomParts } from './to-atom.ts';
export { toJsonFeed, toJsonFeedParts, jsonFeed, JSON_FEED_VERSION, type JsonFeed, type JsonFeedItem, type JsonFeedJobExtension } from './to-json-feed.ts';
export { jsonPartsWithArray } from './json-document.ts';
export { sortNewestFirst } from './sort-newest-first.ts';
export { xmlSafeText } from './xml-safe-text.ts';
export { rfc822Date, rfc3339Date, newestDate } from './feed-dates.ts';
export { JOB_NAMESPACE, JOB_PREFIX, jobElements } from './job-namespace.ts';
export { intlCountryName, type CountryNamer } from './country-display-name.ts';
export { itemSummaryHtml, itemContentHtml, locationLine, escapeHtml } from './item-html.ts';
