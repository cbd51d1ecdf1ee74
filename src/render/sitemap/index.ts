// Crawler files (`sitemap.xml`, `robots.txt`): the public face of this folder.
export { toSitemap, postingSitemapUrls, SITEMAP_NAMESPACE, type SitemapUrl } from './to-sitemap.ts';
export { toRobotsTxt } from './to-robots-txt.ts';
