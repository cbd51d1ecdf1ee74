// `sitemap.xml` (sitemaps.org protocol 0.9) for the pages the build writes.
// Sorted and de-duplicated here, so the same pages always give the same bytes
// whatever order the caller collected them in. The protocol allows 50,000
// URLs in one file; a board with more pages gets a sitemap index at
// `sitemap.xml` naming files of at most that many (`sitemap-1.xml`, …), so
// that robots.txt and crawlers keep one address. Written with the feeds'
// element writer: a DOM of tens of thousands of entries is not worth its cost.
import type { Posting } from '../../posting.ts';
import { serialiseXmlElement, type XmlElement } from '../feeds/xml-element.ts';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface SitemapUrl {
  /** Absolute URL of a page. */
  loc: string;
  /** When the page last changed: `YYYY-MM-DD` or a W3C datetime; left out when null or not such a date. */
  lastmod?: string | null;
}

/** One file of the site's sitemap: a urlset, or the index naming the others. */
export interface SitemapFile {
  /** Below the site root: `sitemap.xml`, `sitemap-2.xml`. */
  path: string;
  /** What the file is made from: the same key, the same bytes. */
  key: string;
  render: () => string;
}

// W3C Datetime as the protocol allows it: a day, or a day with time and zone.
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

/**
 * The sitemap document, URLs in code-unit order of `loc`; a URL listed twice
 * appears once with its latest `lastmod`. Every `loc` must be an absolute
 * http(s) URL (a relative one is a caller bug and throws). It holds however
 * many URLs it is given: `sitemapFiles` keeps to the protocol's limit.
 */
export function toSitemap(urls: readonly SitemapUrl[]): string {
  return sitemapDocument('urlset', sitemapEntries(urls));
}

/**
 * The sitemap of `urls` as files: `sitemap.xml` alone while it stays within
 * `limit` URLs, else an index at `sitemap.xml` and the URLs, in order, in
 * files of `limit` (`sitemapUrl` makes a file's absolute URL for the index).
 */
export function sitemapFiles(urls: readonly SitemapUrl[], sitemapUrl: (path: string) => string, limit: number = SITEMAP_URL_LIMIT): SitemapFile[] {
  const entries = sitemapEntries(urls);
  if (entries.length <= limit) return [{ path: 'sitemap.xml', key: JSON.stringify(entries), render: () => sitemapDocument('urlset', entries) }];
  const files: SitemapFile[] = [];
  const parts: SitemapEntry[] = [];
  for (let start = 0; start < entries.length; start += limit) {
    const slice = entries.slice(start, start + limit);
    const path = `sitemap-${files.length + 1}.xml`;
    files.push({ path, key: JSON.stringify(slice), render: () => sitemapDocument('urlset', slice) });
    // A part changed when its newest page did.
    parts.push({ loc: canonicalLoc(sitemapUrl(path)), lastmod: newest(slice.map((entry) => entry.lastmod)) });
  }
  files.unshift({ path: 'sitemap.xml', key: JSON.stringify(parts), render: () => sitemapDocument('sitemapindex', parts) });
  return files;
}

function sitemapEntries(urls: readonly SitemapUrl[]): SitemapEntry[] {
  const byLoc = new Map<string, string | null>();
  for (const { loc, lastmod } of urls) {
    const url = canonicalLoc(loc);
    const date = typeof lastmod === 'string' && W3C_DATETIME.test(lastmod) ? lastmod : null;
    const known = byLoc.get(url);
    byLoc.set(url, known === undefined || (date !== null && (known === null || date > known)) ? date : known);
  }
  return [...byLoc.keys()].sort(compareCodeUnits).map((loc) => ({ loc, lastmod: byLoc.get(loc) ?? null }));
}

/** A `<urlset>` of pages or, for the index, a `<sitemapindex>` of parts: the same shape under other names. */
function sitemapDocument(root: 'urlset' | 'sitemapindex', entries: readonly SitemapEntry[]): string {
  const child = root === 'urlset' ? 'url' : 'sitemap';
  const element: XmlElement = {
    name: root,
    attributes: { xmlns: SITEMAP_NAMESPACE },
    content: entries.map(({ loc, lastmod }) => ({
      name: child,
      content: lastmod ? [{ name: 'loc', content: loc }, { name: 'lastmod', content: lastmod }] : [{ name: 'loc', content: loc }],
    })),
  };
  return XML_DECLARATION + serialiseXmlElement(element, 0);
}

function newest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((latest, date) => (date !== null && (latest === null || date > latest) ? date : latest), null);
}

/** One sitemap entry per posting page, dated by its posting date. */
export function postingSitemapUrls(postings: readonly Posting[]): SitemapUrl[] {
  return postings.map((posting) => ({ loc: posting.url, lastmod: posting.datePosted }));
}

/** The URL in the escaped form crawlers expect (percent-encoded path, punycode host). */
function canonicalLoc(loc: string): string {
  let url: URL;
  try {
    url = new URL(loc);
  } catch {
    throw new TypeError(`Sitemap URLs must be absolute, got ${JSON.stringify(loc)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Sitemap URLs must be http(s), got ${JSON.stringify(loc)}.`);
  }
  return url.href;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
