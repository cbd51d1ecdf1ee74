// `jobsite build`: load and check every posting, then render the board into
// the output folder. Any posting error stops the build (exit 1) before
// anything is written, unless --keep-going leaves those postings out. With
// the cache, a build whose inputs are all as the last build into the same
// folder left them, and whose folder is untouched, only repeats that build's
// report.
import path from 'node:path';
import { DEFAULT_TEMPLATES_DIR } from '../../build/package-paths.ts';
import { buildInputKey } from '../../build/incremental/build-input-key.ts';
import { FileDigests } from '../../build/incremental/file-digests.ts';
import { PreviousOutput } from '../../write/previous-output.ts';
import { acquireOutputLock } from '../../write/output-lock.ts';
import type { DiagnosticRow } from '../format/diagnostic-rows.ts';
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
  const cacheDir = options.cache === false ? undefined : path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const outDir = path.resolve(options.out);
  const templatesDir = path.resolve(options.templates ?? DEFAULT_TEMPLATES_DIR);

  const digests = cacheDir === undefined ? undefined : await FileDigests.open(cacheDir, options.content);
  const inputKey = digests === undefined ? null : await buildInputKey({ contentDir: options.content, config, templatesDir, buildDate, digests }).catch(() => null);
  if (cacheDir !== undefined && inputKey !== null) {
    const unchanged = await unchangedReport(cacheDir, outDir, inputKey);
    if (unchanged !== null) {
      await digests?.save();
      return finish(unchanged, { options, context, started, unchanged: true, printed: false });
    }
  }

  // Loaded only when there is work: "nothing to do" never pays for the pipeline's and Eleventy's start-up.
  const [{ loadBoard }, { buildSite, BuildError }, { BodyStore }] = await Promise.all([
    import('../../build/load-board.ts'),
    import('../../build/build-site.ts'),
    import('../../build/memory/body-store.ts'),
  ]);
  const bodies = BodyStore.open(cacheDir);
  try {
    return await loadAndBuild();
  } finally {
    bodies.close();
  }

  async function loadAndBuild(): Promise<number> {
    const progress = progressBar('Reading', { enabled: !context.quiet });
    const loadStarted = performance.now();
    const board = await loadBoard(options.content, config, {
      onProgress: progress.update,
      cacheDir,
      digests,
      bodies,
      warn: (message) => context.stderr(`${message}\n`),
    });
    await digests?.save();
    progress.stop();
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const rows = toDiagnosticRows(board.files);
    const rejected = board.files.length - board.entries.length;
    // Said before the site is rendered, which can take a while on a big board.
    printReport(rows, context);
    if (countBySeverity(rows).error > 0 && !options.keepGoing) return finish({ rows, rejected, built: null }, { options, context, started, unchanged: false, printed: true });

    let result;
    try {
      result = await buildSite({
        entries: board.entries,
        config,
        buildDate,
        outDir,
        templatesDir,
        cacheDir,
        warn: (message) => context.stderr(`${message}\n`),
        // Postings dated (or left undated) by git history are not decided by their bytes: such a board always builds.
        record: inputKey !== null && !rows.some((row) => GIT_DEPENDENT_RULES.has(row.rule)) ? { inputKey, report: (built): StoredReport => ({ rows, rejected, built }) } : undefined,
      });
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      context.stderr(`jobsite: the build failed and ${options.out}/ was left as it was: ${error.message}\n`);
      return 1;
    }
    const code = finish({ rows, rejected, built: { open: result.open, closed: result.closed, drafts: result.drafts } }, { options, context, started, unchanged: false, printed: true });
    if (context.verbose && !context.quiet) {
      const { timings } = result;
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      context.stderr(`${plural(board.stats.processed, 'posting')} parsed, ${board.stats.fromCache.toLocaleString('en-US')} from the cache; ${plural(result.files - result.reused, 'file')} made, ${result.reused.toLocaleString('en-US')} kept from the last build.\n`);
      context.stderr(`Stages: reading ${loadSeconds.toFixed(1)} s, preparing ${seconds(timings.prepare)}, pages ${seconds(timings.pages)}, feeds and data ${seconds(timings.files)}, search index ${seconds(timings.search)} (beside the feeds), whole build ${seconds(timings.total)}.\n`);
    }
    return code;
  }
}

/** Findings that depend on git history rather than on the posting's bytes. */
const GIT_DEPENDENT_RULES = new Set(['date-from-git', 'date-missing']);

/**
 * The last build's report when it built exactly these inputs into `outDir` and
 * the folder is as it left it; else null. Checked under the output lock: a
 * build still running into the folder means there is something to do (the
 * normal path then says which build holds it).
 */
async function unchangedReport(cacheDir: string, outDir: string, inputKey: string): Promise<StoredReport | null> {
  let release: () => Promise<void>;
  try {
    release = await acquireOutputLock(outDir);
  } catch {
    return null;
  }
  try {
    const previous = await PreviousOutput.open(cacheDir, outDir);
    const report = asStoredReport(previous.report);
    return previous.inputKey === inputKey && report !== null && previous.isIntact() ? report : null;
  } finally {
    await release();
  }
}

/** What a build reported; kept with its record so that an unchanged build can say it again. */
interface StoredReport {
  rows: DiagnosticRow[];
  rejected: number;
  /** Counts of the site written, or null when errors stopped the build. */
  built: { open: number; closed: number; drafts: number } | null;
}

function asStoredReport(value: unknown): StoredReport | null {
  const report = value as Partial<StoredReport> | null;
  if (report === null || typeof report !== 'object' || !Array.isArray(report.rows) || typeof report.rejected !== 'number') return null;
  return { rows: report.rows, rejected: report.rejected, built: report.built ?? null };
}

function printReport(rows: readonly DiagnosticRow[], context: CliContext): void {
  const report = formatText(rows, { color: context.color, verbose: context.verbose });
  if (report && !(context.quiet && countBySeverity(rows).error === 0)) context.stderr(`${report}\n`);
}

interface FinishContext {
  options: BuildOptions;
  context: CliContext;
  started: number;
  /** Nothing changed since the last build, which wrote the report. */
  unchanged: boolean;
  /** The report's rows were already printed. */
  printed: boolean;
}

/** Prints the report and the summary line; the exit code. */
function finish(report: StoredReport, { options, context, started, unchanged, printed }: FinishContext): number {
  const { rows, rejected } = report;
  if (!printed) printReport(rows, context);
  const errors = countBySeverity(rows).error;
  if (errors > 0 && !options.keepGoing) {
    context.stderr(`Build stopped: ${plural(errors, 'error')} in ${plural(rejected, 'posting')}; ${options.out}/ was left as it was. Fix them, or run with --keep-going to build without those postings.\n`);
    return 1;
  }
  if (report.built === null) return 1;
  if (!context.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { open, closed, drafts } = report.built;
    const counts = `${plural(open, 'open posting')} (${closed.toLocaleString('en-US')} closed, ${plural(drafts, 'draft')}, ${rejected.toLocaleString('en-US')} rejected)`;
    context.stderr(
      unchanged
        ? `Nothing to do: ${options.out}/ already holds the build of these inputs, ${counts}; checked in ${seconds} s.\n`
        : `Built ${counts} into ${options.out}/ in ${seconds} s.\n`,
    );
  }
  return 0;
}
