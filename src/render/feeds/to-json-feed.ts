// JSON Feed 1.1 serialiser of the feed model, with the structured posting
// fields in a `_job` extension object per item (the JSON twin of the `job:`
// XML namespace, see docs/feed-namespace.md).
import type { EmploymentType, RemoteMode, SalaryPeriod } from '../../posting.ts';
import { safeCountryNamer } from './country-display-name.ts';
import { rfc3339Date } from './feed-dates.ts';
import { absoluteUrl, type FeedChannel, type FeedItem } from './feed-model.ts';
import { itemContentHtml } from './item-html.ts';
import { jsonPartsWithArray } from './json-document.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

/** The `_job` extension: the posting's structured fields, every key always present. */
export interface JsonFeedJobExtension {
  id: string;
  company: { name: string; url: string | null };
  salary: { min: number; max: number; currency: string; period: SalaryPeriod; text: string } | null;
  countries: string[];
  worldwide: boolean;
  remote: RemoteMode | null;
  locationText: string | null;
  employmentType: EmploymentType | null;
  datePosted: string;
  validThrough: string;
  applyUrl: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  tags: string[];
  authors: JsonFeedAuthor[];
  _job: JsonFeedJobExtension;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

/** JSON Feed 1.1, two-space indented, keys in a fixed order, ending in a newline; items in the order given. */
export function toJsonFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  return [...toJsonFeedParts(channel, items)].join('');
}

/** `toJsonFeed`'s text as consecutive parts, each item serialised only when it is asked for. */
export function toJsonFeedParts(channel: FeedChannel, items: readonly FeedItem[]): Iterable<string> {
  const toItem = jsonFeedItemMaker(channel);
  return jsonPartsWithArray(feedHead(channel, []), 'items', items, toItem);
}

/** The feed as an object, for callers that post-process it. */
export function jsonFeed(channel: FeedChannel, items: readonly FeedItem[]): JsonFeed {
  return feedHead(channel, items.map(jsonFeedItemMaker(channel)));
}

function feedHead(channel: FeedChannel, items: JsonFeedItem[]): JsonFeed {
  return {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    items,
  };
}

function jsonFeedItemMaker(channel: FeedChannel): (item: FeedItem) => JsonFeedItem {
  const countryName = safeCountryNamer(channel.countryName);
  const html = { countryName, locale: channel.language };
  return (item) => {
    const link = absoluteUrl(item.url, channel.pageUrl);
    return {
      id: link,
      url: link,
      title: item.title,
      content_html: itemContentHtml(item, html),
      summary: item.summary,
      date_published: rfc3339Date(item.datePosted),
      // Countries by name, then the tags, without repeats: what readers filter on.
      tags: [...new Set([...item.location.countries.map((code) => countryName(code)), ...item.tags])],
      authors: [
        item.company.url === null
          ? { name: item.company.name }
          : { name: item.company.name, url: item.company.url },
      ],
      _job: jobExtension(item),
    };
  };
}

function jobExtension(item: FeedItem): JsonFeedJobExtension {
  const { salary, location } = item;
  return {
    id: item.id,
    company: { name: item.company.name, url: item.company.url },
    salary: salary
      ? { min: salary.min, max: salary.max, currency: salary.currency, period: salary.period, text: salary.text }
      : null,
    countries: [...location.countries],
    worldwide: location.worldwide,
    remote: location.remote,
    locationText: location.text,
    employmentType: item.employmentType,
    datePosted: item.datePosted,
    validThrough: item.validThrough,
    applyUrl: item.applyUrl,
  };
}
