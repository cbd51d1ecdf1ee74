// The serialised feed items kept between builds: read back only by the same
// code, never when the file is truncated, altered or not ours (reported, then
// replaced), and saved holding just the items the build used.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FeedItemMemo } from '../../src/build/cache/feed-item-memo.ts';

let dir: string;
const file = () => path.join(dir, 'feed-items.jsonl');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobsite-memo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function saved(items: Record<string, string>, code = 'code-1'): Promise<void> {
  const memo = FeedItemMemo.at(dir);
  expect(await memo.load(code)).toBeNull();
  for (const [key, xml] of Object.entries(items)) memo.set(key, xml);
  expect(await memo.save()).toBeNull();
}

describe('the feed item memo', () => {
  it('gives back what the same code saved, items with line breaks and any characters included', async () => {
    const items = { 'rss\0https://x/jobs/a/\0en\0d1': '    <item>\n      <title>A &amp; "B"</title>\n    </item>\n', 'atom\0https://x/jobs/b/\0en\0d2': '  <entry>\u2028😀</entry>\n' };
    await saved(items);
    const memo = FeedItemMemo.at(dir);
    expect(await memo.load('code-1')).toBeNull();
    for (const [key, xml] of Object.entries(items)) expect(memo.get(key)).toBe(xml);
    expect(memo.get('rss\0https://x/jobs/c/\0en\0d3')).toBeUndefined();
  });

  it('uses nothing another version of the code saved, without calling it a problem', async () => {
    await saved({ k: '<item/>' }, 'code-1');
    const memo = FeedItemMemo.at(dir);
    expect(await memo.load('code-2')).toBeNull();
    expect(memo.get('k')).toBeUndefined();
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length - 7)],
    ['altered', (text: string) => text.replace('<item/>', '<item>x</item>')],
    ['an altered count', (text: string) => text.replace('"count":2', '"count":3')],
    ['not our format', () => '{"format":"something-else"}\n'],
    ['not JSON at all', () => '\u0000\u0001garbage'],
    ['empty', () => ''],
  ])('reports a file that is %s, uses none of it, and the next save replaces it', async (_case, damage) => {
    await saved({ k: '<item/>', j: '<entry/>' });
    writeFileSync(file(), damage(readFileSync(file(), 'utf8')));
    const memo = FeedItemMemo.at(dir);
    expect(await memo.load('code-1')).toMatch(/feed-items\.jsonl: /);
    expect(memo.get('k')).toBeUndefined();
    memo.set('n', '<new/>');
    expect(await memo.save()).toBeNull();
    const again = FeedItemMemo.at(dir);
    expect(await again.load('code-1')).toBeNull();
    expect(again.get('n')).toBe('<new/>');
  });

  it('saves only the items used since loading, so it never outgrows the board', async () => {
    await saved({ kept: '<a/>', gone: '<b/>' });
    const memo = FeedItemMemo.at(dir);
    await memo.load('code-1');
    expect(memo.get('kept')).toBe('<a/>');
    memo.set('added', '<c/>');
    await memo.save();
    const again = FeedItemMemo.at(dir);
    await again.load('code-1');
    expect([again.get('kept'), again.get('added'), again.get('gone')]).toEqual(['<a/>', '<c/>', undefined]);
  });

  it('gives back an item set in this build, and any item as often as asked', async () => {
    await saved({ old: '<a>é</a>' });
    const memo = FeedItemMemo.at(dir);
    await memo.load('code-1');
    memo.set('new', '<b>😀</b>');
    for (let round = 0; round < 3; round++) expect([memo.get('new'), memo.get('old')]).toEqual(['<b>😀</b>', '<a>é</a>']);
    await memo.save();
    const again = FeedItemMemo.at(dir);
    await again.load('code-1');
    expect([again.get('old'), again.get('new')]).toEqual(['<a>é</a>', '<b>😀</b>']);
  });

  it('leaves the file as it was when the build discards what it used', async () => {
    await saved({ kept: '<a/>' });
    const before = readFileSync(file());
    const memo = FeedItemMemo.at(dir);
    await memo.load('code-1');
    memo.set('other', '<c/>');
    memo.discard();
    expect(readFileSync(file())).toEqual(before);
    expect(readdirSync(dir)).toEqual(['feed-items.jsonl']);
  });

  it('writes nothing when it was never loaded (a build that made no feed)', async () => {
    const memo = FeedItemMemo.at(dir);
    memo.set('k', '<item/>');
    expect(await memo.save()).toBeNull();
    expect(existsSync(file())).toBe(false);
  });
});
