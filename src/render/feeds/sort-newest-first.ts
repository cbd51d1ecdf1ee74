// The one order every listing and machine-readable output uses, so that
// jobs.json, the feeds and the pages agree and a rebuild of the same content
// gives the same bytes.
import type { Posting } from '../../posting.ts';

/**
 * A new array, newest `datePosted` first; postings of the same day by `id`
 * (then `url`), compared by code unit so the order never depends on the
 * machine's locale.
 */
export function sortNewestFirst<T extends Pick<Posting, 'datePosted' | 'id' | 'url'>>(postings: readonly T[]): T[] {
  return [...postings].sort(
    (a, b) => compareCodeUnits(b.datePosted, a.datePosted) || compareCodeUnits(a.id, b.id) || compareCodeUnits(a.url, b.url),
  );
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
