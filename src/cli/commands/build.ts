// `jobsite build`: load and check every posting, then render the board into
// the output folder. Any posting error stops the build (exit 1) before
// anything is written, unless --keep-going leaves those postings out.
import path from 'node:path';
import { loadBoard } from '../../build/load-board.ts';
import { buildSite, BuildError } from '../../build/build-site.ts';
import { loadBoardConfig } from '../../load/load-board-config.ts';
import { toDiagnosticRows } from '../format/diagnostic-rows.ts';
import { formatText, countBySeverity, plural } from '../format/format-text.ts';
import { resolveBuildDate } from '../build-date.ts';
import type { CliContext } from '../cli-context.ts';
import { progressBar } from '../progress-bar.ts';

export interface BuildOptions {
  content: string;
  out: string;
  siteUrl?: string;
  now?: string;
  keepGoing?: boolean;
  /** Folder of the posting cache; relative to the working folder. */
  cacheDir?: string;
  /** false with --no-cache. */
  cache?: boolean;
  templates?: string;
}

export const DEFAULT_CACHE_DIR = path.join('.cache', 'jobsite');

export async function runBuild(options: BuildOptions, context: CliContext): Promise<number> {
  const started = performance.now();
  const buildDate = resolveBuildDate(options.now, process.env);
  const config = await loadBoardConfig(options.content, { siteUrl: options.siteUrl });
  const progress = progressBar('Reading', { enabled: !context.quiet });
  const cacheDir = options.cache === false ? undefined : path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const loadStarted = performance.now();
  const board = await loadBoard(options.content, config, {
    onProgress: progress.update,
    cacheDir,
    warn: (message) => context.stderr(`${message}\n`),
  });
  progress.stop();
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const rows = toDiagnosticRows(board.files);
  const counts = countBySeverity(rows);
  const report = formatText(rows, { color: context.color, verbose: context.verbose });
  if (report && !(context.quiet && counts.error === 0)) context.stderr(`${report}\n`);

  const rejected = board.files.length - board.entries.length;
  if (counts.error > 0 && !options.keepGoing) {
    context.stderr(`Build stopped: ${plural(counts.error, 'error')} in ${plural(rejected, 'posting')}; ${options.out}/ was left as it was. Fix them, or run with --keep-going to build without those postings.\n`);
    return 1;
  }
  let result;
  try {
    result = await buildSite({
      entries: board.entries,
      config,
      buildDate,
      outDir: path.resolve(options.out),
      templatesDir: options.templates === undefined ? undefined : path.resolve(options.templates),
      cacheDir,
      warn: (message) => context.stderr(`${message}\n`),
    });
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    context.stderr(`jobsite: the build failed and ${options.out}/ was left as it was: ${error.message}\n`);
    return 1;
  }
  if (!context.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    context.stderr(
      `Built ${plural(result.open, 'open posting')} (${result.closed.toLocaleString('en-US')} closed, ${plural(result.drafts, 'draft')}, ${rejected.toLocaleString('en-US')} rejected) into ${options.out}/ in ${seconds} s.\n`,
    );
    if (context.verbose) {
      const { timings } = result;
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      context.stderr(`${plural(board.stats.processed, 'posting')} parsed, ${board.stats.fromCache.toLocaleString('en-US')} from the cache; ${plural(result.files - result.reused, 'file')} made, ${result.reused.toLocaleString('en-US')} kept from the last build.\n`);
      context.stderr(`Stages: reading ${loadSeconds.toFixed(1)} s, preparing ${seconds(timings.prepare)}, pages ${seconds(timings.pages)}, feeds and data ${seconds(timings.files)}, search index ${seconds(timings.search)} (beside the feeds), whole build ${seconds(timings.total)}.\n`);
    }
  }
  return 0;
}
