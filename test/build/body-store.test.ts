// Posting bodies kept in a file instead of memory: every way a build reads a
// posting sees the body it had, byte for byte, and a board loaded with the
// store is the board loaded without it.
import { describe, it, expect, afterAll } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { BodyStore } from '../../src/build/memory/body-store.ts';
import { loadBoard } from '../../src/build/load-board.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import type { Posting } from '../../src/posting.ts';
import { makeBoard, makeTempDir, removeDir } from './board-corpus.ts';

const dir = makeTempDir('jobsite-bodies-');
afterAll(() => removeDir(dir));

function posting(contentHtml: string): Posting {
  return {
    id: 'a',
    url: '/jobs/a/',
    title: 'A',
    company: { name: 'Acme', url: null },
    salary: null,
    location: { text: null, countries: ['DE'], remote: null, worldwide: false },
    applyUrl: 'https://acme.example/jobs/a',
    datePosted: '2026-11-01',
    validThrough: '2026-12-31',
    employmentType: null,
    tags: [],
    summary: 'A.',
    contentHtml,
  } as Posting;
}

describe('the body store', () => {
  it('gives back every body as it was, through reads, copies and JSON', () => {
    const store = BodyStore.open(dir);
    try {
      fc.assert(
        fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 1, maxLength: 8 }), (bodies) => {
          const postings = bodies.map(posting);
          const before = postings.map((item) => JSON.stringify(item));
          for (const item of postings) store.keep(item);
          postings.forEach((item, index) => {
            expect(Object.getOwnPropertyDescriptor(item, 'contentHtml')?.get).toBeTypeOf('function');
            // Lone surrogates cannot be written as UTF-8: they come back as U+FFFD, as they would in any output file.
            const body = Buffer.from(bodies[index]!, 'utf8').toString('utf8');
            expect(item.contentHtml).toBe(body);
            expect(JSON.parse(JSON.stringify(item))).toEqual({ ...JSON.parse(before[index]!), contentHtml: body });
            expect(structuredClone(item).contentHtml).toBe(item.contentHtml);
            expect({ ...item }.contentHtml).toBe(item.contentHtml);
          });
        }),
      );
    } finally {
      store.close();
    }
  });

  it('keeps a body once however often it is asked to', () => {
    const store = BodyStore.open(dir);
    const item = posting('<p>Ünïcode – “quoted” 😀</p>');
    store.keep(item);
    const size = store.bytes;
    store.keep(item);
    expect(store.bytes).toBe(size);
    expect(item.contentHtml).toBe('<p>Ünïcode – “quoted” 😀</p>');
    store.close();
  });

  it('refuses to read once closed, rather than read whatever file reuses its descriptor', () => {
    const store = BodyStore.open(dir);
    const item = posting('<p>x</p>');
    store.keep(item);
    store.close();
    expect(() => item.contentHtml).toThrow(/after its store was closed/);
  });

  it('loads a board the same with and without the store, in one thread and on the pool', async () => {
    const content = makeBoard(path.join(dir, 'board'), 70);
    const config = { ...DEFAULT_CONFIG, siteUrl: 'https://jobs.example.com/' };
    const plain = await loadBoard(content, config, { threads: 1 });
    for (const threads of [1, 2]) {
      const store = BodyStore.open(dir);
      try {
        const stored = await loadBoard(content, config, { threads, parallelThreshold: 1, bodies: store });
        expect(stored.stats.threads).toBe(threads === 1 ? 0 : 2);
        expect(JSON.stringify(stored.entries)).toBe(JSON.stringify(plain.entries));
        expect(stored.entries.every((entry) => Object.getOwnPropertyDescriptor(entry.posting, 'contentHtml')?.get !== undefined)).toBe(true);
        expect(store.bytes).toBe(plain.entries.reduce((sum, entry) => sum + Buffer.byteLength(entry.posting.contentHtml), 0));
      } finally {
        store.close();
      }
    }
  }, 120_000);
});
