// `jobsite serve`: the editors' preview. Builds, serves on localhost with
// live reload, and rebuilds on every change under the content folder or the
// templates. A posting with errors is printed here and the last good site
// stays served until it is fixed.
import path from 'node:path';
import { loadBoard } from '../../build/load-board.ts';
import { serve } from '../../build/serve.ts';
import { FileDigests } from '../../build/incremental/file-digests.ts';
import { loadBoardConfig } from '../../load/load-board-config.ts';
import { toDiagnosticRows } from '../format/diagnostic-rows.ts';
import { formatText, countBySeverity, plural } from '../format/format-text.ts';
import { resolveBuildDate } from '../build-date.ts';
import type { CliContext } from '../cli-context.ts';
import type { BoardConfig, PostingEntry } from '../../board.ts';
import type { PostingResult } from '../../build/posting-result.ts';
import { DEFAULT_CACHE_DIR } from './build.ts';

export interface ServeCommandOptions {
  content: string;
  out: string;
  port: string;
  now?: string;
  /** Folder of the build cache; relative to the working folder. */
  cacheDir?: string;
  /** false with --no-cache. */
  cache?: boolean;
}

export async function runServe(options: ServeCommandOptions, context: CliContext): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    context.stderr(`jobsite: --port must be a port number, not \`${options.port}\`.\n`);
    return 2;
  }
  const buildDate = resolveBuildDate(options.now, process.env);
  const config = await loadBoardConfig(options.content);
  const cacheDir = options.cache === false ? undefined : path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  // Postings as last loaded, so that a save reads only the changed file's result from disk.
  const memory = new Map<string, PostingResult>();
  const load = async (): Promise<PostingEntry[] | null> => loadReporting(options.content, config, context, { cacheDir, memory }, false);
  // There is no last good site yet: the first build previews the postings that load, without the broken ones.
  const entries = (await loadReporting(options.content, config, context, { cacheDir, memory }, true)) ?? [];
  const server = await serve({
    entries,
    config,
    buildDate,
    outDir: path.resolve(options.out),
    cacheDir,
    port,
    rebuild: load,
    watch: [path.resolve(options.content)],
    log: (message) => context.stderr(`${message}\n`),
  });
  context.stderr(`Serving ${options.content}/ at ${server.url} (Ctrl+C to stop).\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

// Errors are printed and the rebuild skipped, so the last good site stays up;
// on the first build (`first`) the postings without errors are shown instead.
// After the first load, warnings and notes are printed for the postings just
// saved (parsed again) only: reprinting the whole board's on every save would
// bury the ones the editor is looking for. Errors are always printed.
async function loadReporting(content: string, config: BoardConfig, context: CliContext, { cacheDir, memory }: { cacheDir: string | undefined; memory: Map<string, PostingResult> }, first: boolean): Promise<PostingEntry[] | null> {
  const digests = cacheDir === undefined ? undefined : await FileDigests.open(cacheDir, content);
  const board = await loadBoard(content, config, { cacheDir, memory, digests, warn: (message) => context.stderr(`${message}\n`) });
  await digests?.save();
  const parsed = new Set(board.parsed);
  const shown = first ? board.files : board.files.filter((file) => parsed.has(file.path) || file.messages.some((message) => message.fatal === true));
  const rows = toDiagnosticRows(shown);
  const report = formatText(rows, { color: context.color, verbose: context.verbose });
  if (report) context.stderr(`${report}\n`);
  const errors = countBySeverity(rows).error;
  if (errors > 0 && first) {
    const left = board.files.length - board.entries.length;
    context.stderr(`${plural(errors, 'error')}: ${plural(left, 'posting')} left out of the preview until fixed.\n`);
    return board.entries;
  }
  if (errors > 0) {
    context.stderr(`${plural(errors, 'error')}: fix them to see your changes; still serving the last good site.\n`);
    return null;
  }
  return board.entries;
}
