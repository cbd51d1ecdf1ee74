// Slugs for ids, tags and listing URLs: lower-case ASCII letters, digits and
// single hyphens, so that they are safe in any URL and file system.
import slugify from '@sindresorhus/slugify';

/** `[a-z0-9]+(-[a-z0-9]+)*`, or '' when nothing slug-worthy remains. Idempotent. */
export function toSlug(text: string): string {
  // Bounded: a slug longer than this is useless in a URL and costly to compute.
  const slug = slugify(text.slice(0, 300), { decamelize: false });
  return slug.replace(/[^a-z0-9-]+/g, '').replace(/-{2,}/g, '-').replace(/^-|-$/g, '').slice(0, 100).replace(/-$/, '');
}

/** A posting's id: the file name without directories, date prefix and extension. */
export function idFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|txt)$/i, '');
  const withoutDate = base.replace(/^\d{4}-\d{2}-\d{2}(?=[-_ .]|$)[-_ .]?/, '');
  return toSlug(withoutDate) || toSlug(base);
}
