// `robots.txt`: everything may be crawled, and here is the sitemap.
import { siteUrlFor } from '../feeds/feed-model.ts';

/** Allows all crawlers and names `sitemap.xml` at the root of `siteUrl`, as an absolute URL. */
export function toRobotsTxt(siteUrl: string): string {
  // The URL parser drops tabs and line breaks and percent-encodes the rest, so
  // nothing in the configured URL can start a directive of its own.
  const sitemap = new URL(siteUrlFor(siteUrl, 'sitemap.xml')).href;
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}
