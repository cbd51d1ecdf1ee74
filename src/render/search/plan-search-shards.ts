// Splits the open postings into the shards of the search index. Pagefind
// builds one index in time and memory that grow faster than its pages (a
// single index of 8,000 posting pages took 42 s and 2.5 GB here, eight of
// ~1,000 took 31 s and ~330 MB each), and it cannot update an index: any
// change rebuilds all of it. Shards are separate Pagefind
// indexes that the browser merges (`mergeIndex`), so a build re-indexes only
// the shards whose pages changed.
//
// Which postings share a shard is chosen so that the usual changes touch few
// shards: the postings are ordered by date posted, and a shard ends after a
// posting whose id hashes to a boundary (content-defined chunking, as backup
// tools cut files into chunks). A new posting, usually the newest, lands in
// the last shard; a posting that closes or is edited changes only its own
// shard; and because boundaries belong to postings, not to positions, adding
// or removing one posting does not move the boundaries of the others.
import { createHash } from 'node:crypto';
import { compareCodeUnits } from '../site/company-slugs.ts';

export interface ShardSizes {
  /** One posting in this many ends a shard: past the minimum, shards hold about this many more postings. */
  boundaryOdds: number;
  /** A boundary is honoured only after this many postings, so that no shard is a handful of postings. */
  min: number;
  /** A shard is cut here even without a boundary, bounding the time and memory of one index. */
  max: number;
}

/**
 * Shards of ~1,000 posting pages: Pagefind took 3 ms a page for 1,000, 4.3 ms
 * for 3,000 and 5.2 ms for 8,000 here, and each shard costs the browser a few
 * more small requests per search.
 */
export const DEFAULT_SHARD_SIZES: ShardSizes = { boundaryOdds: 800, min: 200, max: 2000 };

export interface ShardMember {
  id: string;
  /** `YYYY-MM-DD`. */
  datePosted: string;
}

export interface SearchShard<T extends ShardMember = ShardMember> {
  /** Site-relative folder of this shard's index, named by its members (`pagefind/<hex>`), or `pagefind` when it is the only one. */
  folder: string;
  /** In date order, oldest first. */
  members: T[];
}

/** The shards of `open`, oldest postings first; none when nothing is open. */
export function planSearchShards<T extends ShardMember>(open: readonly T[], folder: string, sizes: ShardSizes = DEFAULT_SHARD_SIZES): SearchShard<T>[] {
  const ordered = [...open].sort((a, b) => compareCodeUnits(a.datePosted, b.datePosted) || compareCodeUnits(a.id, b.id));
  const shards: SearchShard<T>[] = [];
  let members: T[] = [];
  const cut = () => {
    const name = createHash('sha256').update(members.map((member) => member.id).join('\n')).digest('hex').slice(0, 12);
    shards.push({ folder: `${folder}/${name}`, members });
    members = [];
  };
  for (const posting of ordered) {
    members.push(posting);
    if (members.length >= sizes.max || (members.length >= sizes.min && isBoundary(posting.id, sizes.boundaryOdds))) cut();
  }
  if (members.length > 0) cut();
  // A board of one shard (up to ~1,000 postings) keeps its index in the folder itself, as it always had.
  if (shards.length === 1) shards[0]!.folder = folder;
  return shards;
}

function isBoundary(id: string, odds: number): boolean {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % odds === 0;
}
