// How the open postings are split into shards of the search index: every
// posting in exactly one shard, in date order, within the sizes; and the
// changes a board sees every day (a new posting, one that closes) leave the
// other shards, and so their indexes, as they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZES, planSearchShards, type ShardMember, type ShardSizes } from '../../src/render/search/plan-search-shards.ts';

const SMALL: ShardSizes = { boundaryOdds: 7, min: 3, max: 20 };

const member = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
  datePosted: fc.integer({ min: 0, max: 90 }).map((day) => new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10)),
});
const board = fc.uniqueArray(member, { selector: (posting) => posting.id, maxLength: 300 });

const idsOf = (shards: { members: ShardMember[] }[]) => shards.map((shard) => shard.members.map((posting) => posting.id));
const folders = (shards: { folder: string }[]) => shards.map((shard) => shard.folder);

describe('planSearchShards', () => {
  it('puts every posting in exactly one shard, oldest first, each shard within the sizes', () => {
    fc.assert(
      fc.property(board, (postings) => {
        const shards = planSearchShards(postings, 'pagefind', SMALL);
        const order = shards.flatMap((shard) => shard.members);
        expect(order.map((posting) => posting.id).sort()).toEqual(postings.map((posting) => posting.id).sort());
        for (let i = 1; i < order.length; i++) expect(order[i - 1]!.datePosted <= order[i]!.datePosted).toBe(true);
        shards.forEach((shard, i) => {
          expect(shard.members.length).toBeLessThanOrEqual(SMALL.max);
          if (i < shards.length - 1) expect(shard.members.length).toBeGreaterThanOrEqual(SMALL.min);
          // One shard is the index folder itself, as a board of a few hundred postings has always had it.
          expect(shard.folder).toMatch(shards.length === 1 ? /^pagefind$/ : /^pagefind\/[0-9a-f]{12}$/);
        });
        expect(new Set(folders(shards)).size).toBe(shards.length);
      }),
    );
  });

  it('does not depend on the order the postings come in', () => {
    fc.assert(
      fc.property(board, fc.integer(), (postings, seed) => {
        const shuffled = [...postings].sort((a, b) => ((hash(a.id) ^ seed) >>> 0) - ((hash(b.id) ^ seed) >>> 0));
        expect(planSearchShards(shuffled, 'pagefind', SMALL)).toEqual(planSearchShards(postings, 'pagefind', SMALL));
      }),
    );
  });

  it('adds a new newest posting to the last shard or a new one, leaving every other shard as it was', () => {
    fc.assert(
      fc.property(board, member, (postings, added) => {
        fc.pre(!postings.some((posting) => posting.id === added.id));
        const newest = { ...added, datePosted: '2027-01-01' };
        const before = planSearchShards(postings, 'pagefind', SMALL);
        const after = planSearchShards([...postings, newest], 'pagefind', SMALL);
        // Cuts depend only on the postings before them: only the last shard may grow, or one follow it.
        expect(folders(after).slice(0, Math.max(0, before.length - 1))).toEqual(folders(before).slice(0, Math.max(0, before.length - 1)));
        expect(after.length).toBeLessThanOrEqual(before.length + 1);
        expect(after.at(-1)!.members.at(-1)).toEqual(newest);
      }),
    );
  });

  it('leaves the shards before a closed posting’s own as they were', () => {
    fc.assert(
      fc.property(board.filter((postings) => postings.length > 0), fc.nat(), (postings, pick) => {
        const before = planSearchShards(postings, 'pagefind', SMALL);
        const closed = postings[pick % postings.length]!;
        const after = planSearchShards(postings.filter((posting) => posting !== closed), 'pagefind', SMALL);
        const own = before.findIndex((shard) => shard.members.includes(closed));
        // Their members; a board left with one shard names it `pagefind`, so names are compared only when several remain.
        expect(idsOf(after).slice(0, own)).toEqual(idsOf(before).slice(0, own));
        if (after.length > 1) expect(folders(after).slice(0, own)).toEqual(folders(before).slice(0, own));
      }),
    );
  });

  it('keeps most shards of a realistic board when a day passes: 1 % new postings, 1 % closed', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n)).toISOString().slice(0, 10);
    const postings = Array.from({ length: 8000 }, (_, i) => ({ id: `posting-${i}`, datePosted: day(Math.floor(i / 130)) }));
    const before = planSearchShards(postings, 'pagefind');
    const next = [...postings.slice(80), ...Array.from({ length: 80 }, (_, i) => ({ id: `new-${i}`, datePosted: day(62) }))];
    const after = planSearchShards(next, 'pagefind');
    const unchanged = folders(after).filter((folder) => folders(before).includes(folder));
    expect(before.length).toBeGreaterThanOrEqual(4);
    // The closed postings are the oldest and the new ones the newest: only the two ends change.
    expect(unchanged.length).toBeGreaterThanOrEqual(after.length - 3);
    expect(idsOf(after).flat().sort()).toEqual(next.map((posting) => posting.id).sort());
    for (const shard of after.slice(0, -1)) expect(shard.members.length).toBeGreaterThanOrEqual(DEFAULT_SHARD_SIZES.min);
  });

  it('has no shard on a board with nothing open', () => {
    expect(planSearchShards([], 'pagefind')).toEqual([]);
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}
