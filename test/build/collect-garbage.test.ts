// When a full collection is worth its pause (src/build/memory/collect-garbage.ts):
// table cases drawn from the heap figures of 10,000 and 100,000-posting builds.
import { describe, it, expect } from 'vitest';
import { GROWTH, worthCollecting } from '../../src/build/memory/collect-garbage.ts';

const MiB = 1024 * 1024;

describe('worthCollecting', () => {
  it.each<[string, number, number, boolean]>([
    ['the first time, once the heap passes the minimum growth', 300 * MiB, 0, true],
    ['the first time, a small heap', 100 * MiB, 0, false],
    ['a small board: grown by the minimum', 150 * MiB + GROWTH.minBytes, 150 * MiB, true],
    ['a small board: grown by half, but less than the minimum', 230 * MiB, 150 * MiB, false],
    ['a large board: a big feed written in parts left 20 MB of garbage', 1075 * MiB, 1055 * MiB, false],
    ['a large board: grown by 300 MB, under half of what was alive', 1355 * MiB, 1055 * MiB, false],
    ['a large board: an Eleventy run left ~670 MB', 1535 * MiB, 864 * MiB, true],
    ['the heap shrank since (the engine collected on its own)', 600 * MiB, 900 * MiB, false],
  ])('%s', (_, used, usedAfterLast, expected) => {
    expect(worthCollecting(used, usedAfterLast)).toBe(expected);
  });
});
