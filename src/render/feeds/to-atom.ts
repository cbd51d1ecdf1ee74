// Atom 1.0 (RFC 4287) serialiser of the feed model: the same entries as the
// RSS feed, with the company as author and the `job:` elements.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { safeCountryNamer, type CountryNamer } from './country-display-name.ts';
import { newestDate, rfc3339Date } from './feed-dates.ts';
import { absoluteUrl, DEFAULT_GENERATOR, serialiseThroughMemo, type FeedChannel, type FeedItem, type SerialisedItemMemo } from './feed-model.ts';
import { itemContentHtml, itemSummaryHtml } from './item-html.ts';
import { ATOM_NAMESPACE, JOB_NAMESPACE, JOB_PREFIX, jobElements } from './job-namespace.ts';
import { emptyElement, serialiseChild, serialiserInput, text, XML_NAMESPACE, XMLNS_NAMESPACE, xmlPartsWithChildren } from './xml-document.ts';

/** Atom 1.0 feed; entries in the order given. `updated` is the newest entry's date, else the build date. */
export function toAtom(channel: FeedChannel, items: readonly FeedItem[]): string {
  return [...toAtomParts(channel, items)].join('');
}

/** `toAtom` as consecutive parts of the document, for writing a large feed without one huge string. */
export function toAtomParts(channel: FeedChannel, items: readonly FeedItem[], options: { memo?: SerialisedItemMemo } = {}): Iterable<string> {
  const countryName = safeCountryNamer(channel.countryName);
  const root = atomRoot(channel);
  // The feed's own URL identifies it: the RSS and Atom views of one page stay distinct.
  text(root, 'id', channel.selfUrl);
  text(root, 'title', channel.title, { type: 'text' });
  if (channel.description !== '') text(root, 'subtitle', channel.description, { type: 'text' });
  const updated = newestDate(
    items.map((item) => item.datePosted),
    channel.buildDate,
  );
  text(root, 'updated', rfc3339Date(updated));
  emptyElement(root, 'link', { rel: 'self', type: 'application/atom+xml', href: channel.selfUrl });
  emptyElement(root, 'link', { rel: 'alternate', type: 'text/html', href: channel.pageUrl });
  text(root, 'generator', channel.generator ?? DEFAULT_GENERATOR);

  const serialise = (item: FeedItem) =>
    serialiseChild(
      () => {
        const fresh = atomRoot(channel);
        return { root: fresh, parent: fresh };
      },
      0,
      (parent) => appendEntry(parent, item, channel, countryName),
    );
  return xmlPartsWithChildren(root, root, 0, items, (item) => serialiseThroughMemo(options.memo, 'atom', item, channel, () => serialise(item)));
}

function atomRoot(channel: FeedChannel): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(ATOM_NAMESPACE, 'feed')
    .att(XMLNS_NAMESPACE, `xmlns:${JOB_PREFIX}`, JOB_NAMESPACE)
    .att(XML_NAMESPACE, 'xml:lang', serialiserInput(channel.language));
}

function appendEntry(root: XMLBuilder, item: FeedItem, channel: FeedChannel, countryName: CountryNamer): void {
  const link = absoluteUrl(item.url, channel.pageUrl);
  const html = { countryName, locale: channel.language };
  const entry = root.ele('entry');
  text(entry, 'id', link);
  text(entry, 'title', item.title, { type: 'text' });
  emptyElement(entry, 'link', { rel: 'alternate', type: 'text/html', href: link });
  text(entry, 'published', rfc3339Date(item.datePosted));
  // Postings carry no edit date; the posting date is the latest one known.
  text(entry, 'updated', rfc3339Date(item.datePosted));
  const author = entry.ele('author');
  text(author, 'name', item.company.name);
  if (item.company.url !== null) text(author, 'uri', item.company.url);
  for (const country of item.location.countries) {
    emptyElement(entry, 'category', { term: countryName(country), scheme: `${JOB_NAMESPACE}#country` });
  }
  for (const tag of item.tags) emptyElement(entry, 'category', { term: tag, scheme: `${JOB_NAMESPACE}#tag` });
  text(entry, 'summary', itemSummaryHtml(item, html), { type: 'html' });
  text(entry, 'content', itemContentHtml(item, html), { type: 'html' });
  for (const [name, value] of jobElements(item)) text(entry, `${JOB_PREFIX}:${name}`, value, undefined, JOB_NAMESPACE);
}
