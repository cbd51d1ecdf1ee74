// RSS 2.0 serialiser of the feed model. The document only changes when the
// postings do: dates come from the items, never from the clock.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { safeCountryNamer } from './country-display-name.ts';
import { newestDate, rfc822Date } from './feed-dates.ts';
import { absoluteUrl, DEFAULT_GENERATOR, serialiseThroughMemo, type FeedChannel, type FeedItem, type SerialisedItemMemo } from './feed-model.ts';
import { itemSummaryHtml } from './item-html.ts';
import { ATOM_NAMESPACE, DUBLIN_CORE_NAMESPACE, JOB_NAMESPACE, JOB_PREFIX, jobElements } from './job-namespace.ts';
import { emptyElement, text, xmlPartsWithChildren } from './xml-document.ts';
import { serialiseXmlElement, type XmlElement } from './xml-element.ts';

/** RSS 2.0 with `atom:link rel="self"`, `dc:creator` and the `job:` elements; items in the order given. */
export function toRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  return [...toRssParts(channel, items)].join('');
}

/** `toRss` as consecutive parts of the document, for writing a large feed without one huge string. */
export function toRssParts(channel: FeedChannel, items: readonly FeedItem[], options: { memo?: SerialisedItemMemo } = {}): Iterable<string> {
  const countryName = safeCountryNamer(channel.countryName);
  const root = rssRoot();
  const head = root.ele('channel');
  text(head, 'title', channel.title);
  text(head, 'link', channel.pageUrl);
  text(head, 'description', channel.description);
  emptyElement(head, 'atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }, ATOM_NAMESPACE);
  text(head, 'language', channel.language);
  const updated = newestDate(
    items.map((item) => item.datePosted),
    channel.buildDate,
  );
  text(head, 'lastBuildDate', rfc822Date(updated));
  text(head, 'generator', channel.generator ?? DEFAULT_GENERATOR);
  return xmlPartsWithChildren(root, head, 1, items, (item) => serialisedItem(item, channel, countryName, options.memo));
}

function rssRoot(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:atom': ATOM_NAMESPACE,
    'xmlns:dc': DUBLIN_CORE_NAMESPACE,
    [`xmlns:${JOB_PREFIX}`]: JOB_NAMESPACE,
  });
}

/** Without a memo: serialised items by item, then by what else an item's XML depends on. */
const itemCache = new WeakMap<FeedItem, Map<string, string>>();

const namerIds = new WeakMap<object, number>();
let namers = 0;

function namerId(namer: FeedChannel['countryName']): number {
  if (namer === undefined) return 0;
  let id = namerIds.get(namer);
  if (id === undefined) {
    id = ++namers;
    namerIds.set(namer, id);
  }
  return id;
}

/** `    <item>…</item>\n`, as it stands in a pretty-printed RSS document; once per item and channel context. */
function serialisedItem(item: FeedItem, channel: FeedChannel, countryName: (alpha2: string) => string, memo: SerialisedItemMemo | undefined): string {
  // An item sits in <rss><channel>, two levels deep.
  const make = () => serialiseXmlElement(itemElement(item, channel, countryName), 2);
  // With a memo, an item that several feeds list is read back from the memo's file each time: kept in
  // memory as well, every open posting's item stayed alive to the end of the build (items average
  // 2.1 KB: up to ~0.35 GB at 100,000 postings). Through the memo even when this process made the item
  // already (serve keeps postings between builds), so that the memo holds every item used.
  if (memo !== undefined) return serialiseThroughMemo(memo, 'rss', item, channel, make);
  // What of the channel an item reads: its link (resolved against the page), the language its
  // summary is written in, and the function that names countries.
  const context = `${absoluteUrl(item.url, channel.pageUrl)}\0${channel.language}\0${namerId(channel.countryName)}`;
  let byContext = itemCache.get(item);
  if (!byContext) {
    byContext = new Map();
    itemCache.set(item, byContext);
  }
  const xml = byContext.get(context) ?? make();
  byContext.set(context, xml);
  return xml;
}

function itemElement(item: FeedItem, channel: FeedChannel, countryName: (alpha2: string) => string): XmlElement {
  const link = absoluteUrl(item.url, channel.pageUrl);
  return {
    name: 'item',
    content: [
      { name: 'title', content: item.title },
      { name: 'link', content: link },
      // The posting URL never changes when a posting is edited, so it is the permanent id.
      { name: 'guid', attributes: { isPermaLink: String(/^https?:/i.test(link)) }, content: link },
      { name: 'pubDate', content: rfc822Date(item.datePosted) },
      { name: 'dc:creator', content: item.company.name },
      { name: 'description', content: itemSummaryHtml(item, { countryName, locale: channel.language }) },
      ...item.location.countries.map((country) => ({ name: 'category', attributes: { domain: `${JOB_NAMESPACE}#country` }, content: countryName(country) })),
      ...item.tags.map((tag) => ({ name: 'category', attributes: { domain: `${JOB_NAMESPACE}#tag` }, content: tag })),
      ...jobElements(item).map(([name, value]) => ({ name: `${JOB_PREFIX}:${name}`, content: value })),
    ],
  };
}
