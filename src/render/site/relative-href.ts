// Links between pages are relative (`../../companies/acme/`), so the site
// works wherever it is deployed, below a sub-path or opened from disk. The one
// exception, the 404 page, is served at any URL and links from the site root.
import path from 'node:path';

/** The link from the page at `fromUrl` (`/jobs/a/`, `/404.html`) to the site path `target` (`/tags/rust/`). */
export function relativeHref(fromUrl: string, target: string): string {
  const fromDir = fromUrl.endsWith('/') ? fromUrl : path.posix.dirname(fromUrl);
  const relative = path.posix.relative(fromDir, target);
  if (relative === '') return './';
  return target.endsWith('/') && !relative.endsWith('/') ? `${relative}/` : relative;
}

/** The link to the site path `target` from the root of a site deployed at `siteUrl` (`https://x.org/jobs/` → `/jobs/tags/rust/`). */
export function rootHref(siteUrl: string, target: string): string {
  let base = '/';
  try {
    base = new URL(siteUrl).pathname;
  } catch {
    // An unusable site URL means the site sits at the root.
  }
  if (!base.endsWith('/')) base = `${base}/`;
  return `${base}${target.replace(/^\/+/, '')}`;
}
