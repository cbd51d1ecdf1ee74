// Slugs for ids, tags and listing URLs: lower-case ASCII letters, digits and
// single hyphens, so that they are safe in any URL and file system.
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** `[a-z0-9]+(-[a-z0-9]+)*`, or '' when nothing slug-worthy remains. Idempotent. */
export function toSlug(text: string): string {
  // Bounded: a slug longer than this is useless in a URL and costly to compute.
  const slug = slugify(text.slice(0, 300), { decamelize: false });
  return slug.replace(/[^a-z0-9-]+/g, '').replace(/-{2,}/g, '-').replace(/^-|-$/g, '').slice(0, 100).replace(/-$/, '');
}

/**
 * A posting's id: the file name without directories, date prefix and
 * extension, slugged. A name with nothing that slugs (`日本語`, `🎉`, `..`)
 * gets `posting-` and a short hash of that name instead, so that the id is
 * never empty (an empty id would be the URL `/jobs//`) and two such postings
 * do not clash; a name that is only a date keeps the date.
 */
export function idFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|txt)$/i, '');
  const withoutDate = base.replace(/^\d{4}-\d{2}-\d{2}(?=[-_ .]|$)[-_ .]?/, '');
  const slug = toSlug(withoutDate);
  if (slug !== '') return slug;
  if (withoutDate.trim() === '' && toSlug(base) !== '') return toSlug(base);
  return `posting-${createHash('sha256').update((withoutDate.trim() || base).normalize('NFC')).digest('hex').slice(0, 10)}`;
}
