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
import { defaultThreads, PostingPool } from './parallel/posting-pool.ts';
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
/** Files handed to each worker ahead of its results: enough to keep it busy, few enough to hold little. */
const IN_FLIGHT_PER_THREAD = 8;

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

  const kept = new Map<string, PostingResult>();
  let hits = 0;
  const parsed: string[] = [];

  // Files are parsed while others are still being read, and only a few files' bytes wait at any
  // time: holding every file of a large board until all are read would hold the whole board.
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const threshold = options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD;
  /** Files to parse found before the pool was worth starting (fewer than `threshold`). */
  const waiting: Pending[] = [];
  let pool: PostingPool | null = null;
  const inFlight = new Set<Promise<void>>();
  const finish = async ({ index, task, key }: Pending, result: PostingResult): Promise<void> => {
    results[index] = fromResult(contentDir, task.relativePath, result);
    // Stored before its body moves to the store: the entry is serialised at once, from memory.
    const storing = key !== null && cache !== null ? cache.set(key, result) : undefined;
    if (key !== null) kept.set(key, result);
    settle(result);
    await storing;
  };
  const toPool = (item: Pending) => {
    const running = pool!.run(item.task).then((result) => finish(item, result));
    inFlight.add(running);
    void running.then(
      () => inFlight.delete(running),
      () => undefined,
    );
  };
  const parse = async (item: Pending): Promise<void> => {
    parsed.push(item.task.relativePath);
    if (pool === null && threads > 1 && waiting.length + 1 >= threshold) {
      pool = PostingPool.open(threads);
      for (const early of waiting.splice(0)) toPool(early);
    }
    if (pool === null) {
      waiting.push(item);
      return;
    }
    toPool(item);
    while (inFlight.size >= threads * IN_FLIGHT_PER_THREAD) await Promise.race(inFlight);
  };

  // A file known by its digest is found in the cache without reading it. With a record of the
  // last build's digests, the files that changed are known before any is read; when there are
  // enough to parse, the pool starts now, so its workers are ready when the reads reach them
  // (without a record, as in a fresh clone with a carried cache, a changed file may well be cached).
  const digests = cache === null ? undefined : options.digests;
  const trusted = paths.map((relativePath) => digests?.trusted(path.join(contentDir, relativePath), relativePath) ?? null);
  const startPoolEarly = digests?.hasRecord === true && threads > 1 && trusted.filter((digest) => digest === null).length >= threshold;

  const lookUp = async (relativePath: string, index: number): Promise<Pending | null> => {
    const task = (bytes: Uint8Array): PostingTask => ({ contentDir, relativePath, bytes, siteUrl: config.siteUrl, validityDays: config.validityDays });
    const absolute = path.join(contentDir, relativePath);
    const known = trusted[index] ?? null;
    if (known !== null) {
      const key = cache!.key(relativePath, known, config);
      if (await useCached(key, index, relativePath)) return null;
    }
    const read = await readPostingBytes(absolute);
    if (read === null) {
      // Unreadable or too large: the reader says why, in the words `check` always used.
      const file = await readPostingFile(contentDir, relativePath);
      if (hasErrors(file)) {
        results[index] = { file, entry: null };
        progress();
        return null;
      }
      return { index, task: task(new TextEncoder().encode(String(file.value))), key: null };
    }
    const { bytes, stats } = read;
    // The key names the bytes read here, which are the bytes parsed: never a digest taken at another time.
    const digest = options.digests?.remember(relativePath, stats, bytes) ?? contentDigest(bytes);
    const key = cache?.key(relativePath, digest, config) ?? null;
    return key !== null && (await useCached(key, index, relativePath)) ? null : { index, task: task(bytes), key };
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

  try {
    if (startPoolEarly) pool = PostingPool.open(threads);
    // A few files at a time: the reads overlap, and open file handles stay few.
    for (let start = 0; start < paths.length; start += IO_BATCH) {
      const found = await Promise.all(paths.slice(start, start + IO_BATCH).map((relativePath, offset) => lookUp(relativePath, start + offset)));
      for (const item of found) if (item !== null) await parse(item);
    }
    // A handful of files is parsed here: starting workers would cost more.
    for (const item of waiting) await finish(item, structuredClone(await processPosting(item.task)));
    await Promise.all(inFlight);
  } finally {
    await (pool as PostingPool | null)?.close();
  }
  if (options.memory) {
    options.memory.clear();
    for (const [key, result] of kept) options.memory.set(key, result);
  }

  if (cache) {
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
    parsed,
    stats: { files: paths.length, fromCache: hits, processed: parsed.length, threads: pool === null ? 0 : threads },
  };
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
