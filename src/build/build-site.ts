// Renders a loaded board into a complete static site and writes it
// atomically: pages through Eleventy, then feeds, jobs.json, sitemap,
// robots.txt and the search index, all into a temporary folder that replaces
// `outDir` only when everything succeeded. Same entries and build date → byte-identical files.
// With a cache folder, a page, feed or search index whose inputs are unchanged since
// the last build is taken from the published site instead of being made again.
import { stat } from 'node:fs/promises';
import { DEFAULT_TEMPLATES_DIR } from './package-paths.ts';
import type { BoardConfig, PostingEntry } from '../board.ts';
import { addSearch, writeSearchIndex, type ShardSizes } from '../render/search/index.ts';
import { BuildError, describeErrorChain } from '../render/site/build-error.ts';
import { machineReadableFiles } from '../render/site/machine-files.ts';
import { buildSiteView } from '../render/site/page-views.ts';
import { renderPages } from '../render/site/render-pages.ts';
import { planSite } from '../render/site/site-plan.ts';
import { OutputError, replaceDirectory, updateDirectory } from '../write/replace-directory.ts';
import { listFiles, writeFiles } from '../write/write-files.ts';
import { fingerprintOf, PreviousOutput } from '../write/previous-output.ts';
import { FeedItemMemo } from './cache/feed-item-memo.ts';
import { collectGarbage } from './memory/collect-garbage.ts';
import { pageFingerprint, renderCodeFingerprint, sharedPageFingerprint } from './incremental/site-fingerprints.ts';

export { BuildError } from '../render/site/build-error.ts';

export interface BuildSiteOptions {
  entries: PostingEntry[];
  config: BoardConfig;
  /** `YYYY-MM-DD`: decides which postings are open, and dates the feeds when there are none. */
  buildDate: string;
  outDir: string;
  /** Defaults to the `templates/` folder of this package. */
  templatesDir?: string;
  /** The build cache (e.g. `.cache/jobsite`): with it, what did not change since the last build into `outDir` is not made again. */
  cacheDir?: string;
  /** Where cache problems are told (they do not fail the build). Default: stderr. */
  warn?: (message: string) => void;
  /**
   * A preview (`serve`): keep the last build's search index, feeds and data
   * files when postings changed, instead of making them again; pages are always
   * current. `stale` in the result says when something was kept; a board
   * without a previous build gets everything made.
   */
  preview?: boolean;
  /** Kept with the record of this build, so that a later build with the same inputs can skip (see build-input-key.ts). */
  record?: { inputKey: string; report: (built: { open: number; closed: number; drafts: number }) => unknown };
  /** How many postings share a shard of the search index; the default suits boards of any size (tests make small ones). */
  searchShardSizes?: ShardSizes;
}

export interface BuildSiteResult {
  open: number;
  closed: number;
  drafts: number;
  /** Files written, pages and the rest. */
  files: number;
  /** Of those, files taken unchanged from the last build. */
  reused: number;
  /** Milliseconds spent in each stage, for `--verbose` and the benchmark. */
  timings: BuildTimings;
  /** The search index or feeds are the last build's and miss changes of this one (only with `preview`). */
  stale: boolean;
}

export interface BuildTimings {
  /** Planning the site and every page's view. */
  prepare: number;
  /** Eleventy rendering the pages that changed (and the home and 404 pages). */
  pages: number;
  /** Feeds, jobs.json, sitemap, robots.txt. */
  files: number;
  /** Pagefind; it runs beside the files stage. */
  search: number;
  /** Everything, swap included. */
  total: number;
}

/** Files this large leave enough garbage behind to collect it before making the next. */
const LARGE_FILE_CHARS = 4 * 1024 * 1024;
/** Pages rendered after which their garbage is collected before the feeds. */
const PAGES_WORTH_COLLECTING = 500;

export { DEFAULT_TEMPLATES_DIR };

/** Builds the site into `outDir`; on any error throws a `BuildError` and leaves `outDir` as it was. */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { entries, config, buildDate, outDir } = options;
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  checkBuildDate(buildDate);
  // Eleventy renders a missing folder as an empty site, which would replace a good one.
  if (!(await isFolder(templatesDir))) throw new BuildError(`The templates folder ${templatesDir} does not exist.`);

  const started = performance.now();
  const since = (from: number) => Math.round(performance.now() - from);
  const timings: BuildTimings = { prepare: 0, pages: 0, files: 0, search: 0, total: 0 };
  // Serialised feed items of earlier builds; read only when a feed is made.
  const itemMemo = options.cacheDir === undefined ? undefined : FeedItemMemo.at(options.cacheDir);
  // Everything that can fail on bad input fails here, before the output folder is touched.
  let prepared;
  try {
    const plan = planSite(entries, buildDate);
    const { site, shards } = addSearch(buildSiteView(plan, config, buildDate), plan, options.searchShardSizes);
    prepared = { plan, site, shards, otherFiles: machineReadableFiles(plan, config, buildDate, { memo: itemMemo }) };
  } catch (error) {
    if (error instanceof BuildError) throw error;
    throw new BuildError(`The site could not be prepared: ${describeErrorChain(error)}`, { cause: error });
  }
  const { plan, site, shards, otherFiles } = prepared;
  const warn = options.warn ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const previous = options.cacheDir === undefined ? PreviousOutput.none(outDir) : await PreviousOutput.open(options.cacheDir, outDir);
  if (previous.problem !== null) warn(`jobsite: ignored the unusable record of the last build (${previous.problem}); every file is made again.`);
  let shared: string;
  try {
    shared = await sharedPageFingerprint(site, templatesDir);
  } catch (error) {
    throw new BuildError(`The templates in ${templatesDir} could not be read: ${describeErrorChain(error)}`, { cause: error });
  }
  const renderCode = await renderCodeFingerprint();
  // A preview with a record of the last build updates the published folder in place: making a whole
  // new tree of thousands of folders and links costs more than the few pages a saved posting changes.
  const inPlace = options.preview === true && previous.recordedFiles > 0;
  previous.inPlace = inPlace;
  let stale = false;
  const counts = { open: plan.open.length, closed: plan.closed.length, drafts: plan.drafts };
  timings.prepare = since(started);

  try {
    const fill = async (tempDir: string): Promise<number> => {
      // Paginated pages whose view is unchanged are taken from the last build; only the others reach Eleventy.
      const toRender = { jobs: [] as typeof site.jobs, listings: [] as typeof site.listings, directories: [] as typeof site.directories };
      const pageOf = new Map<string, { path: string; fingerprint: string }>();
      for (const view of site.jobs) {
        const fingerprint = pageFingerprint(shared, view);
        pageOf.set(view.id, { path: view.outputPath, fingerprint });
        if (!(await previous.reuse(tempDir, view.outputPath, fingerprint))) toRender.jobs.push(view);
      }
      for (const view of site.listings) if (!(await previous.reuse(tempDir, view.outputPath, pageFingerprint(shared, view)))) toRender.listings.push(view);
      for (const view of site.directories) if (!(await previous.reuse(tempDir, view.outputPath, pageFingerprint(shared, view)))) toRender.directories.push(view);
      const pagesStarted = performance.now();
      try {
        await renderPages({ templatesDir, outDir: tempDir, site: { ...site, ...toRender }, afterRun: collectGarbage });
      } catch (error) {
        throw new BuildError(`The templates in ${templatesDir} could not be rendered: ${describeErrorChain(error)}`, { cause: error });
      }
      timings.pages = since(pagesStarted);
      // Worth its pause only after many pages; a preview of a few is waited for by an editor.
      if (toRender.jobs.length + toRender.listings.length + toRender.directories.length >= PAGES_WORTH_COLLECTING) collectGarbage();
      // Each shard of the index is made from its open posting pages alone. Pagefind is a process
      // of its own that reads only those pages, so it runs while the feeds are written.
      const searchStarted = performance.now();
      const toIndex: { folder: string; pages: string[]; fingerprint: string }[] = [];
      for (const shard of shards) {
        const pages = shard.members.map((posting) => pageOf.get(posting.id)!);
        const fingerprint = fingerprintOf(shared, 'search', ...pages.map((page) => `${page.path} ${page.fingerprint}`));
        if (await previous.reuseFolder(tempDir, shard.folder, fingerprint)) continue;
        // A preview keeps the last index of a shard; the full build that follows makes it afresh.
        if (options.preview === true) {
          await previous.keepFolder(tempDir, shard.folder);
          stale = true;
          continue;
        }
        toIndex.push({ folder: shard.folder, pages: pages.map((page) => page.path), fingerprint });
      }
      const indexing = toIndex.length === 0
        ? null
        : writeSearchIndex({ siteDir: tempDir, shards: toIndex }).then(() => {
            timings.search = since(searchStarted);
          });
      // Handled here so that a failure while the feeds are still being written is not an unhandled rejection; awaited below.
      indexing?.catch(() => undefined);
      try {
        const filesStarted = performance.now();
        let memoLoaded = false;
        let siteFeedsMade = 0;
        for (const file of otherFiles) {
          if (await previous.reuse(tempDir, file.path, fingerprintOf(renderCode, file.key))) continue;
          if (options.preview === true && (await previous.keepFile(tempDir, file.path))) {
            stale = true;
            continue;
          }
          if (file.itemsOfEveryOpenPosting === true) siteFeedsMade += 1;
          if (itemMemo && !memoLoaded) {
            memoLoaded = true;
            const problem = await itemMemo.load(renderCode);
            if (problem !== null) warn(`jobsite: ignored the unusable feed items in the cache (${problem}); they are made again.`);
          }
          const written = await writeFiles(tempDir, new Map([[file.path, file.render()]]));
          // A site-wide feed of thousands of items leaves a large serialiser tree behind.
          if (written > LARGE_FILE_CHARS) collectGarbage();
        }
        // Only the feeds of every open posting use every item: then the items used are the board's, and
        // saving just those drops the items of postings gone. Otherwise the stored items stay as they were.
        if (memoLoaded && siteFeedsMade === otherFiles.filter((file) => file.itemsOfEveryOpenPosting === true).length) {
          const problem = await itemMemo!.save();
          if (problem !== null) warn(`jobsite: the feed items could not be kept in the cache (${problem}); the next build makes them again.`);
        }
        timings.files = since(filesStarted);
      } finally {
        // Unsaved, the items this build wrote are dropped and the file stays as the last build left it.
        itemMemo?.discard();
        // Never leave Pagefind reading a folder that is about to be removed.
        if (indexing) await indexing.catch(() => undefined);
      }
      if (indexing) {
        await indexing;
        const made = await listFiles(tempDir);
        for (const shard of toIndex) previous.recordFolder(made, shard.folder, shard.fingerprint);
      }
      previous.recordRest(await listFiles(tempDir));
      return previous.nextFiles;
    };
    // Recorded while the lock is held, so that no other build reads a record of a site it is replacing.
    const recordBuild = async () => {
      // A template edited while this build ran may or may not be in these pages: then record nothing to reuse.
      const templatesNow = await sharedPageFingerprint(site, templatesDir).catch(() => null);
      if (templatesNow !== shared) {
        await previous.forget();
        return;
      }
      const problem = await previous.save(options.record ? { inputKey: options.record.inputKey, report: options.record.report(counts) } : undefined);
      if (problem !== null) warn(`jobsite: the record of this build could not be written to the cache (${problem}); the next build makes every file again.`);
    };
    const files = inPlace
      ? await updateDirectory(outDir, fill, {
          afterUpdate: async () => {
            previous.removeUnmade();
            await recordBuild();
          },
        }).catch(async (error: unknown) => {
          // Past the pages (a BuildError), some files may have been replaced: the record no longer says what is published.
          if (!(error instanceof BuildError)) await previous.forget();
          throw error;
        })
      : await replaceDirectory(outDir, fill, { protect: [templatesDir], afterSwap: recordBuild });
    timings.total = since(started);
    return { ...counts, files, reused: previous.stats.reused, timings, stale };
  } catch (error) {
    if (error instanceof BuildError) throw error;
    if (error instanceof OutputError) throw new BuildError(error.message, { cause: error });
    throw new BuildError(`The site could not be written to ${outDir}: ${describeErrorChain(error)}`, { cause: error });
  }
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

function checkBuildDate(buildDate: string): void {
  const date = new Date(`${String(buildDate)}T00:00:00Z`);
  const valid = typeof buildDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(buildDate) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(buildDate);
  if (!valid) throw new BuildError(`The build date ${JSON.stringify(buildDate)} is not a real date in YYYY-MM-DD form.`);
}
