// The whole posting pipeline for a board: find the files, read, parse and
// normalise each, then check what only the board as a whole can show (two
// postings with one id). Every file's messages are kept, whatever happens to
// the others: `check` reports them all in one run.
//
// Reading is cheap and stays in this thread; parsing and normalising are not,
// so a file whose result is in the posting cache skips them, and when many
// files need them they run on a worker pool. All three paths hand back the
// same plain data (see posting-result.ts), so the board is the same whichever
// ran.
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BoardConfig, PostingEntry } from '../board.ts';
import { hasErrors, reportFinding } from '../diagnostics/report-finding.ts';
import { findPostingFiles } from '../load/find-posting-files.ts';
import { MAX_POSTING_BYTES, readPostingFile } from '../load/read-posting-file.ts';
import { PostingCache } from './cache/posting-cache.ts';
import type { BodyStore } from './memory/body-store.ts';
import { contentDigest, type FileDigests } from './incremental/file-digests.ts';
import { defaultThreads, processInPool } from './parallel/posting-pool.ts';
import { processPosting, toVFile, type PostingResult, type PostingTask } from './posting-result.ts';

export interface LoadedBoard {
  /** Postings without errors, in file order. */
  entries: PostingEntry[];
  /** One VFile per posting file, with its messages, in file order. */
  files: VFile[];
  /** Paths (relative to the content folder) of the files parsed in this load rather than found in a cache. */
  parsed: string[];
  stats: LoadStats;
}

export interface LoadStats {
  files: number;
  /** Files whose result came from the cache. */
  fromCache: number;
  /** Files parsed and normalised in this run (the rest could not be read). */
  processed: number;
  /** Worker threads used; 0 when everything ran in this thread. */
  threads: number;
}

export interface LoadBoardOptions {
  /** Called after each posting file, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Folder of the persistent posting cache (e.g. `.cache/jobsite`); no cache when absent. */
  cacheDir?: string;
  /** Most worker threads for parsing and normalising; 1 keeps everything in this thread. Default: the number of cores. */
  threads?: number;
  /** Fewest files to parse for the worker pool to be worth starting. Default 64. */
  parallelThreshold?: number;
  /** Where cache problems are told (they are not posting diagnostics). Default: stderr. */
  warn?: (message: string) => void;
  /**
   * Results kept in memory by cache key, in front of the cache folder, for a
   * process that loads the board again and again (`serve`); replaced by this
   * load's results. Results are never modified, so sharing them is safe.
   */
  memory?: Map<string, PostingResult>;
  /**
   * Where the postings' bodies are kept instead of in memory, each as soon as
   * its result is known (a large board's bodies are most of its size).
   */
  bodies?: BodyStore;
  /**
   * Digests of the posting files kept between builds: with the cache, a file
   * whose recorded digest can be trusted is looked up without being read.
   */
  digests?: FileDigests;
}

export const DEFAULT_PARALLEL_THRESHOLD = 64;
const IO_BATCH = 32;

interface Loaded {
  file: VFile;
  entry: PostingEntry | null;
}

interface Pending {
  index: number;
  task: PostingTask;
  /** Cache key, or null when the result must not be stored. */
  key: string | null;
}

export async function loadBoard(contentDir: string, config: BoardConfig, options: LoadBoardOptions = {}): Promise<LoadedBoard> {
  const paths = await findPostingFiles(contentDir);
  const cache = options.cacheDir === undefined ? null : await PostingCache.open({ dir: options.cacheDir });
  const warn = options.warn ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const results: (Loaded | undefined)[] = new Array<Loaded | undefined>(paths.length);
  let done = 0;
  const progress = () => options.onProgress?.(++done, paths.length);
  /** Each result as it is known: its body moves to the store, if there is one. */
  const settle = (result: PostingResult) => {
    if (options.bodies && result.entry) options.bodies.keep(result.entry.posting);
    progress();
  };

  const pending: Pending[] = [];
  const kept = new Map<string, PostingResult>();
  let hits = 0;
  const lookUp = async (relativePath: string, index: number): Promise<void> => {
    const task = (bytes: Uint8Array): PostingTask => ({ contentDir, relativePath, bytes, siteUrl: config.siteUrl, validityDays: config.validityDays });
    const absolute = path.join(contentDir, relativePath);
    // A file known by its digest is found in the cache without reading it.
    const known = cache === null ? null : (options.digests?.trusted(absolute, relativePath) ?? null);
    if (known !== null) {
      const key = cache!.key(relativePath, known, config);
      if (await useCached(key, index, relativePath)) return;
    }
    const read = await readPostingBytes(absolute);
    if (read === null) {
      // Unreadable or too large: the reader says why, in the words `check` always used.
      const file = await readPostingFile(contentDir, relativePath);
      if (hasErrors(file)) {
        results[index] = { file, entry: null };
        progress();
      } else {
        pending.push({ index, task: task(new TextEncoder().encode(String(file.value))), key: null });
      }
      return;
    }
    const { bytes, stats } = read;
    // The key names the bytes read here, which are the bytes parsed: never a digest taken at another time.
    const digest = options.digests?.remember(relativePath, stats, bytes) ?? contentDigest(bytes);
    const key = cache?.key(relativePath, digest, config) ?? null;
    if (key === null || !(await useCached(key, index, relativePath))) pending.push({ index, task: task(bytes), key });
  };
  /** Takes the result stored under `key` (in memory, else in the cache folder); false when there is none. */
  const useCached = async (key: string, index: number, relativePath: string): Promise<boolean> => {
    const cached = options.memory?.get(key) ?? (await cache!.get(key));
    if (!cached) return false;
    kept.set(key, cached);
    hits++;
    results[index] = fromResult(contentDir, relativePath, cached);
    settle(cached);
    return true;
  };
  // A few files at a time: the reads overlap, and open file handles stay few.
  for (let start = 0; start < paths.length; start += IO_BATCH) {
    await Promise.all(paths.slice(start, start + IO_BATCH).map((relativePath, offset) => lookUp(relativePath, start + offset)));
  }
  pending.sort((a, b) => a.index - b.index);

  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const usePool = threads > 1 && pending.length >= (options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD);
  const processed = usePool ? await processInPool(pending.map(({ task }) => task), Math.min(threads, pending.length), settle) : await processHere(pending, settle);
  for (const [i, { index, task, key }] of pending.entries()) {
    results[index] = fromResult(contentDir, task.relativePath, processed[i]!);
    if (key !== null) kept.set(key, processed[i]!);
  }
  if (options.memory) {
    options.memory.clear();
    for (const [key, result] of kept) options.memory.set(key, result);
  }

  if (cache) {
    await storeAll(cache, pending, processed);
    if (cache.problems.length > 0) {
      const count = cache.problems.length;
      warn(`jobsite: ignored ${count} unusable cache ${count === 1 ? 'entry' : 'entries'} in ${cache.dir} and rebuilt ${count === 1 ? 'it' : 'them'} (${cache.problems[0]}${count > 1 ? ', …' : ''}).`);
    }
    if (cache.writeProblem) warn(`jobsite: the build cache in ${cache.dir} could not be written (${cache.writeProblem}); builds still work, only slower.`);
  }

  const loaded = results.map((result) => result!);
  rejectDuplicateIds(loaded);
  return {
    entries: loaded.flatMap(({ entry }) => (entry ? [entry] : [])),
    files: loaded.map(({ file }) => file),
    parsed: pending.map(({ task }) => task.relativePath),
    stats: { files: paths.length, fromCache: hits, processed: pending.length, threads: usePool ? Math.min(threads, pending.length) : 0 },
  };
}

async function processHere(pending: readonly Pending[], settle: (result: PostingResult) => void): Promise<PostingResult[]> {
  const processed: PostingResult[] = [];
  for (const { task } of pending) {
    // A copy, as the pool's results are: strings cut from the file's text would keep all of it alive.
    const result = structuredClone(await processPosting(task));
    processed.push(result);
    settle(result);
  }
  return processed;
}

async function storeAll(cache: PostingCache, pending: readonly Pending[], processed: readonly PostingResult[]): Promise<void> {
  for (let start = 0; start < pending.length; start += IO_BATCH) {
    await Promise.all(
      pending.slice(start, start + IO_BATCH).map(({ key }, offset) => {
        const result = processed[start + offset];
        return key === null || result === undefined ? undefined : cache.set(key, result);
      }),
    );
  }
}

function fromResult(contentDir: string, relativePath: string, result: PostingResult): Loaded {
  return { file: toVFile(contentDir, relativePath, result.messages), entry: result.entry };
}

/** The file's bytes and its stats from before they were read, or null when it cannot be read or is too large to be a posting. */
async function readPostingBytes(file: string): Promise<{ bytes: Uint8Array; stats: Stats } | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const stats = await handle.stat();
      if (stats.size > MAX_POSTING_BYTES) return null;
      return { bytes: await handle.readFile(), stats };
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

// Ids become URLs (`jobs/<id>/`) on case-insensitive file systems too, so they clash case-folded.
function rejectDuplicateIds(results: Loaded[]): void {
  const byId = new Map<string, Loaded[]>();
  for (const result of results) {
    if (!result.entry) continue;
    const key = result.entry.posting.id.toLowerCase();
    byId.set(key, [...(byId.get(key) ?? []), result]);
  }
  for (const [id, clashing] of byId) {
    if (clashing.length < 2) continue;
    for (const result of clashing) {
      const others = clashing.filter((other) => other !== result).map((other) => other.file.path).join(', ');
      reportFinding(result.file, { rule: 'id-duplicate', reason: `The id \`${id}\` (from the file name) is also the id of ${others}; rename one of the files.` }, { line: 1, column: 1 });
      result.entry = null;
    }
  }
}
