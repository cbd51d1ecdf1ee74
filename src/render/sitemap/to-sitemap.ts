// `sitemap.xml` (sitemaps.org protocol 0.9) for the pages the build writes.
// Sorted and de-duplicated here, so the same pages always give the same bytes
// whatever order the caller collected them in.
import { create } from 'xmlbuilder2';
import type { Posting } from '../../posting.ts';
import { finishXml, text } from '../feeds/xml-document.ts';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapUrl {
  /** Absolute URL of a page. */
  loc: string;
  /** When the page last changed: `YYYY-MM-DD` or a W3C datetime; left out when null or not such a date. */
  lastmod?: string | null;
}

// W3C Datetime as the protocol allows it: a day, or a day with time and zone.
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The sitemap document, URLs in code-unit order of `loc`; a URL listed twice
 * appears once with its latest `lastmod`. Every `loc` must be an absolute
 * http(s) URL (a relative one is a caller bug and throws). The protocol's
 * limit of 50,000 URLs per file is the caller's to respect.
 */
export function toSitemap(urls: readonly SitemapUrl[]): string {
  const byLoc = new Map<string, string | null>();
  for (const { loc, lastmod } of urls) {
    const url = canonicalLoc(loc);
    const date = typeof lastmod === 'string' && W3C_DATETIME.test(lastmod) ? lastmod : null;
    const known = byLoc.get(url);
    byLoc.set(url, known === undefined || (date !== null && (known === null || date > known)) ? date : known);
  }
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NAMESPACE, 'urlset');
  for (const loc of [...byLoc.keys()].sort(compareCodeUnits)) {
    const entry = root.ele('url');
    text(entry, 'loc', loc);
    const lastmod = byLoc.get(loc);
    if (lastmod) text(entry, 'lastmod', lastmod);
  }
  return finishXml(root);
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
