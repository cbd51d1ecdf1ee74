// Atom 1.0 (RFC 4287) serialiser of the feed model: the same entries as the
// RSS feed, with the company as author and the `job:` elements.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { safeCountryNamer, type CountryNamer } from './country-display-name.ts';
import { newestDate, rfc3339Date } from './feed-dates.ts';
import { absoluteUrl, DEFAULT_GENERATOR, serialiseThroughMemo, type FeedChannel, type FeedItem, type SerialisedItemMemo } from './feed-model.ts';
import { itemContentHtml, itemSummaryHtml } from './item-html.ts';
import { ATOM_NAMESPACE, JOB_NAMESPACE, JOB_PREFIX, jobElements } from './job-namespace.ts';
import { emptyElement, serialiserInput, text, XML_NAMESPACE, XMLNS_NAMESPACE, xmlPartsWithChildren } from './xml-document.ts';
import { serialiseXmlElement, type XmlElement } from './xml-element.ts';

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

  // An entry sits in <feed>, one level deep.
  const serialise = (item: FeedItem) => serialiseXmlElement(entryElement(item, channel, countryName), 1);
  return xmlPartsWithChildren(root, root, 0, items, (item) => serialiseThroughMemo(options.memo, 'atom', item, channel, () => serialise(item)));
}

function atomRoot(channel: FeedChannel): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(ATOM_NAMESPACE, 'feed')
    .att(XMLNS_NAMESPACE, `xmlns:${JOB_PREFIX}`, JOB_NAMESPACE)
    .att(XML_NAMESPACE, 'xml:lang', serialiserInput(channel.language));
}

function entryElement(item: FeedItem, channel: FeedChannel, countryName: CountryNamer): XmlElement {
  const link = absoluteUrl(item.url, channel.pageUrl);
  const html = { countryName, locale: channel.language };
  const author: XmlElement[] = [{ name: 'name', content: item.company.name }];
  if (item.company.url !== null) author.push({ name: 'uri', content: item.company.url });
  return {
    name: 'entry',
    content: [
      { name: 'id', content: link },
      { name: 'title', attributes: { type: 'text' }, content: item.title },
      { name: 'link', attributes: { rel: 'alternate', type: 'text/html', href: link } },
      { name: 'published', content: rfc3339Date(item.datePosted) },
      // Postings carry no edit date; the posting date is the latest one known.
      { name: 'updated', content: rfc3339Date(item.datePosted) },
      { name: 'author', content: author },
      ...item.location.countries.map((country) => ({ name: 'category', attributes: { term: countryName(country), scheme: `${JOB_NAMESPACE}#country` } })),
      ...item.tags.map((tag) => ({ name: 'category', attributes: { term: tag, scheme: `${JOB_NAMESPACE}#tag` } })),
      { name: 'summary', attributes: { type: 'html' }, content: itemSummaryHtml(item, html) },
      { name: 'content', attributes: { type: 'html' }, content: itemContentHtml(item, html) },
      ...jobElements(item).map(([name, value]) => ({ name: `${JOB_PREFIX}:${name}`, content: value })),
    ],
  };
}
