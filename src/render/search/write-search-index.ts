// Builds the full-text index of the open postings with Pagefind, one index
// per shard (plan-search-shards.ts) into `pagefind/<shard>/` of the freshly
// rendered (still temporary) site. Pagefind reads the posting pages
// themselves: only open postings mark their text with `data-pagefind-body`,
// and each names its posting id as the filter `job`, which is how the home
// page maps search hits onto its cards without fetching one result file per
// hit. The browser merges the shards' filters and results.
//
// Each shard is indexed by Pagefind's own command (the binary its npm package
// installs), given the shard's pages as a glob in a configuration file. Its
// Node API runs the same binary as a service but passes every page in and
// every index file out as base64 JSON over a pipe: 41 s against 31 s for the
// same eight shards of 10,000 postings here. The command also fails with an
// exit code and a message where the service panicked without settling its
// promise (a full disk).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

/** Folder of the index's shards below the site root; the home page's form names each one. */
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

const PARALLEL_SHARDS = Math.min(2, availableParallelism());

/** Page paths reach Pagefind inside a glob; anything but these characters could change its meaning. */
const GLOB_SAFE_PATH = /^[a-z0-9][a-z0-9/._-]*$/;

export interface IndexShard {
  /** Site-relative folder the shard's index is written to. */
  folder: string;
  /** Site-relative paths of the posting pages it indexes. */
  pages: readonly string[];
}

export interface SearchIndexOptions {
  /** Folder holding the rendered site. */
  siteDir: string;
  /** The shards to index now (the others are reused by the caller). */
  shards: readonly IndexShard[];
}

export interface SearchIndexResult {
  /** Pages indexed. */
  pages: number;
}

/** Writes each shard's index; throws with Pagefind's own words on failure. */
export async function writeSearchIndex({ siteDir, shards }: SearchIndexOptions): Promise<SearchIndexResult> {
  if (shards.length === 0) return { pages: 0 };
  const binary = pagefindBinary();
  // The configuration files live outside the site, which must hold nothing but the site.
  const configDir = await mkdtemp(path.join(tmpdir(), 'jobsite-pagefind-'));
  try {
    let pages = 0;
    let next = 0;
    // Two shards at a time on two cores or more: one Pagefind process keeps ~1.3 cores busy
    // (31 s for eight shards of 10,000 postings here, 26 s two at a time), and memory stays that of two shards.
    const indexer = async () => {
      while (next < shards.length) {
        const shard = shards[next++]!;
        pages += await writeShard(binary, path.join(configDir, String(next)), path.resolve(siteDir), shard);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SHARDS, shards.length) }, indexer));
    return { pages };
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

async function writeShard(binary: string, configDir: string, siteDir: string, shard: IndexShard): Promise<number> {
  const unsafe = shard.pages.find((page) => !GLOB_SAFE_PATH.test(page));
  if (unsafe !== undefined) throw new Error(`the page ${JSON.stringify(unsafe)} cannot be named to Pagefind`);
  const outputPath = path.join(siteDir, shard.folder);
  // A glob of one alternative per page; an argument that long would pass Linux's 128 KiB limit for one argument.
  const glob = shard.pages.length === 1 ? shard.pages[0]! : `{${shard.pages.join(',')}}`;
  await mkdir(configDir, { recursive: true });
  await writeFile(path.join(configDir, 'pagefind.json'), JSON.stringify({ site: siteDir, glob, output_path: outputPath, quiet: true }));
  await runPagefind(binary, configDir);
  await Promise.all(UNUSED_BUNDLES.map((file) => rm(path.join(outputPath, file), { force: true })));
  // The entry file counts what was indexed: a page without data-pagefind-body is read but not indexed.
  const pages = await indexedPageCount(outputPath);
  if (pages !== shard.pages.length) {
    throw new Error(`Pagefind indexed ${pages} of ${shard.pages.length} posting pages; every open posting page must carry data-pagefind-body.`);
  }
  return pages;
}

function runPagefind(binary: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Pagefind reads PAGEFIND_* variables too; only the configuration file may steer it.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith('PAGEFIND_')));
    execFile(binary, [], { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const said = `${stderr}\n${stdout}`.split('\n').map((line) => line.trim()).filter(Boolean).slice(-5).join(' ');
      reject(new Error(`Pagefind failed (${error.code ?? error.signal ?? 'no exit code'}): ${said || error.message}`));
    });
  });
}

/** The binary Pagefind's npm package installed for this platform (the extended one, with more languages, first). */
function pagefindBinary(): string {
  // Resolved from Pagefind's own package, whose optional dependency the binary's package is.
  const require = createRequire(import.meta.resolve('pagefind'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${arch()}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch {
      // Not installed under this name: try the next.
    }
  }
  throw new Error(`Pagefind has no binary for ${platform}-${arch()} installed (@pagefind/${platform}-${arch()}); run npm ci on this machine.`);
}

async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: unknown }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (typeof language.page_count === 'number' ? language.page_count : 0), 0);
}
