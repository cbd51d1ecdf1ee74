// Builds the full-text index of the open postings with Pagefind, into
// `pagefind/` of the freshly rendered (still temporary) site. Pagefind reads
// the posting pages themselves: only open postings mark their text with
// `data-pagefind-body`, and each names its posting id as the filter `job`,
// which is how the home page maps search hits onto its cards without
// fetching one result file per hit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { writeFiles } from '../../write/write-files.ts';

/** Folder of the index below the site root; the home page's script loads `pagefind.js` from it. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** Pagefind's own ready-made interfaces, which the board does not use: its form is in the page. */
const UNUSED_BUNDLES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export interface SearchIndexOptions {
  /** Folder holding the rendered site. */
  siteDir: string;
  /** How many open postings the pages hold; the index must cover exactly these. */
  openPostings: number;
}

export interface SearchIndexResult {
  /** Pages indexed. */
  pages: number;
}

/** Writes the index, or nothing when no posting is open; throws with Pagefind's own words on failure. */
export async function writeSearchIndex({ siteDir, openPostings }: SearchIndexOptions): Promise<SearchIndexResult> {
  // Without any data-pagefind-body page Pagefind would index every page, closed postings included.
  if (openPostings === 0) return { pages: 0 };
  return withPagefindService(async () => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}`);
    try {
      const added = await index.addDirectory({ path: path.resolve(siteDir), glob: 'jobs/*/index.html' });
      if (added.errors.length > 0) throw new Error(`Pagefind could not read the posting pages: ${added.errors.join('; ')}`);
      const outputPath = path.resolve(siteDir, SEARCH_INDEX_FOLDER);
      // The files come back in memory and are written here rather than by Pagefind's writeFiles: its
      // service panics on a write error (a full disk) and its promise then never settles, which ends
      // the process without a message; our own writes fail with the system's error instead.
      const got = await index.getFiles();
      if (got.errors.length > 0) throw new Error(`Pagefind could not build the index: ${got.errors.join('; ')}`);
      await writeFiles(outputPath, new Map(got.files.filter((file) => !UNUSED_BUNDLES.includes(file.path)).map((file) => [file.path, file.content])));
      // Pagefind counts every file it read, closed postings too; the entry file counts what it indexed.
      const pages = await indexedPageCount(outputPath);
      if (pages !== openPostings) {
        throw new Error(`Pagefind indexed ${pages} posting pages, but ${openPostings} postings are open; every open posting page, and only those, must carry data-pagefind-body.`);
      }
      return { pages };
    } finally {
      await index.deleteIndex();
    }
  });
}

// Pagefind runs one shared background process per Node process. It is stopped
// when the last build using it is done, so `jobsite build` can exit, but never
// under a build that is still indexing (`serve` and tests build concurrently).
let activeBuilds = 0;

async function withPagefindService<T>(work: () => Promise<T>): Promise<T> {
  activeBuilds += 1;
  try {
    return await work();
  } finally {
    activeBuilds -= 1;
    if (activeBuilds === 0) await pagefind.close();
  }
}

async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: unknown }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (typeof language.page_count === 'number' ? language.page_count : 0), 0);
}
