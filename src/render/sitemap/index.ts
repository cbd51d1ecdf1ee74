// Crawler files (`sitemap.xml`, `robots.txt`): the public face of this folder.
export { toSitemap, sitemapFiles, postingSitemapUrls, SITEMAP_NAMESPACE, SITEMAP_URL_LIMIT, type SitemapFile, type SitemapUrl } from './to-sitemap.ts';
export { toRobotsTxt } from './to-robots-txt.ts';
