// What `jobsite import` does once its arguments are parsed (see import.ts for
// the command): walks the sources, imports each and writes the postings.
// Loaded only when the command runs.
import { mkdir, open, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { reportFinding } from '../../diagnostics/report-finding.ts';
import { findPostingFiles } from '../../load/find-posting-files.ts';
import { gitCommitDate } from '../../load/git-commit-date.ts';
import { resolveBuildDate } from '../build-date.ts';
import { MAX_POSTING_BYTES } from '../../load/read-posting-file.ts';
import { isCalendarDate } from '../../normalise/fields/parse-date.ts';
import { idFromFileName } from '../../normalise/fields/slugify-id.ts';
import type { ImportResult } from '../../import/import-posting.ts';
import { walkImportSources, ImportInputError, type ImportSourceFile } from '../../import/walk-import-sources.ts';
import { toDiagnosticRows } from '../format/diagnostic-rows.ts';
import { formatText, plural } from '../format/format-text.ts';
import type { CliContext } from '../cli-context.ts';

export interface ImportCommandOptions {
  paths: string[];
  /** Folder to write postings into. */
  to: string;
  force?: boolean;
  dryRun?: boolean;
  /** `YYYY-MM-DD` for postings that nothing else dates. */
  date?: string;
  /** Folder that relative paths are resolved against (default: the process's). */
  cwd?: string;
}

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export async function runImport(options: ImportCommandOptions, context: CliContext): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const usage = (message: string): number => {
    context.stderr(`jobsite import: ${message}\n`);
    return EXIT.usage;
  };
  if (options.date !== undefined && !isDate(options.date)) return usage(`--date must be a real date written as YYYY-MM-DD, not \`${options.date}\`.`);
  if (options.to.trim() === '') return usage('--to must name a folder.');

  let sources: ImportSourceFile[];
  try {
    sources = await walkImportSources(options.paths, cwd);
  } catch (error) {
    if (error instanceof ImportInputError) return usage(error.message);
    throw error;
  }
  if (sources.length === 0) return usage(`found no .md, .markdown or .txt files in ${options.paths.join(', ')}.`);

  // Loaded on use: main builds this command on every start, and the pipeline is heavy.
  const { importPosting } = await import('../../import/import-posting.ts');
  const toDir = path.resolve(cwd, options.to);
  const existingIds = await boardIds(toDir);
  const claimed = new Map<string, string>();
  const counts = { imported: 0, unchanged: 0, failed: 0, skipped: 0, todos: 0 };
  const verb = options.dryRun ? 'would import' : 'imported';

  for (const source of sources) {
    const fail = (reason: string, files: VFile[] = []): void => {
      counts.failed++;
      context.stderr(`could not import ${source.path}: ${reason}\n`);
      const report = formatText(toDiagnosticRows(files).filter((row) => row.severity !== 'info'), { color: context.color, verbose: context.verbose });
      if (report) context.stderr(`${report}\n`);
    };

    const read = await readSource(source);
    if ('unreadable' in read) {
      fail('the file could not be read.', [read.unreadable]);
      continue;
    }
    let result: ImportResult;
    try {
      result = await importPosting({ path: source.path, bytes: read.bytes }, { to: options.to, fallbackDate: () => fallbackDate(options.date, source.absolute) });
    } catch (error) {
      fail(`jobsite failed on it (${error instanceof Error ? error.message : String(error)}); please report this.`);
      continue;
    }

    if (!result.ok) {
      if (result.notAPosting && source.walked) {
        counts.skipped++;
        if (!context.quiet) context.stderr(`skipped ${source.path}: not a posting (no front-matter and no scraped header).\n`);
      } else if (result.check) {
        fail('the posting made from it does not pass check (positions are in the text it would have written):', [result.check]);
      } else {
        const undated = result.source.messages.some((message) => message.ruleId === 'date-missing');
        fail(`fix these in the source${undated ? ' (or pass --date YYYY-MM-DD)' : ''} and import it again:`, [result.source]);
      }
      continue;
    }

    const destination = path.resolve(cwd, result.outputPath);
    const idKey = result.id.toLowerCase();
    const claimant = claimed.get(idKey);
    if (claimant !== undefined) {
      fail(`it would make ${result.outputPath}, but ${claimant} already makes a posting with the id \`${result.id}\`; rename one of the two sources.`);
      continue;
    }
    const holder = existingIds.get(idKey);
    if (holder !== undefined && holder !== (await realpath(destination).catch(() => destination))) {
      fail(`the id \`${result.id}\` is already the id of ${path.relative(cwd, holder) || holder}; remove or rename that posting first (two postings may not share an id).`);
      continue;
    }
    claimed.set(idKey, source.path);

    const existing = await readFile(destination, 'utf8').catch(() => null);
    if (existing === result.text) {
      counts.unchanged++;
      context.stdout(`unchanged ${source.path} → ${result.outputPath}: already imported\n`);
      continue;
    }
    if (existing !== null && !options.force) {
      fail(`${result.outputPath} already exists and was not overwritten; use --force to replace it.`);
      continue;
    }
    if (!options.dryRun) {
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, result.text, 'utf8');
    }
    counts.imported++;
    const replaced = existing !== null ? ' (replaced the existing file)' : '';
    context.stdout(`${verb} ${source.path} → ${result.outputPath}${replaced}: ${result.changes.join(', ') || 'unchanged'}\n`);
    if (options.dryRun && !context.quiet) context.stdout(`${result.text}\n`);
    if (result.todos.length > 0) counts.todos++;
    // Every TODO is reported, infos among them (`Competitive`); other infos only with --verbose.
    const todoRules = new Set(result.todos.map((todo) => todo.rule));
    const rows = toDiagnosticRows([result.check]).filter((row) => row.severity !== 'info' || context.verbose || todoRules.has(row.rule));
    const report = formatText(rows, { color: context.color, verbose: true });
    if (report) context.stderr(`${report}\n`);
  }

  if (!context.quiet) {
    const done = options.dryRun ? 'Would import' : 'Imported';
    const parts = [
      `${done} ${plural(counts.imported, 'posting')}${counts.todos > 0 ? ` (${counts.todos.toLocaleString('en-US')} with TODOs)` : ''}`,
      ...(counts.unchanged > 0 ? [`${counts.unchanged.toLocaleString('en-US')} unchanged`] : []),
      ...(counts.skipped > 0 ? [`${counts.skipped.toLocaleString('en-US')} skipped`] : []),
      ...(counts.failed > 0 ? [`${counts.failed.toLocaleString('en-US')} could not be imported`] : []),
    ];
    context.stderr(`${parts.join(', ')}${options.dryRun ? '; nothing was written' : ''}.\n`);
  }
  return counts.failed > 0 ? EXIT.failed : EXIT.ok;
}

/**
 * The date of last resort: --date, else when the source was last committed,
 * else the day of the import (SOURCE_DATE_EPOCH, else today): a scraped ad
 * with no date is new to this board the day it is imported.
 */
function fallbackDate(date: string | undefined, file: string): { date: string; origin: string } {
  if (date !== undefined) return { date, origin: '--date' };
  const committed = gitCommitDate(file);
  if (committed) return { date: committed, origin: "the source's last git commit" };
  return { date: resolveBuildDate(undefined, process.env), origin: 'the import date (nothing in the source dates it; pass --date to choose another)' };
}

async function readSource(source: ImportSourceFile): Promise<{ bytes: Uint8Array } | { unreadable: VFile }> {
  const unreadable = (reason: string) => {
    const file = new VFile({ path: source.path });
    reportFinding(file, { rule: 'file-unreadable', reason }, { line: 1, column: 1 });
    return { unreadable: file };
  };
  try {
    const handle = await open(source.absolute, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_POSTING_BYTES) return unreadable(`The file is ${(size / 1024 / 1024).toFixed(1)} MiB; a posting may be at most 1 MiB. Shorten it or remove embedded data.`);
      return { bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return unreadable(`The file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that it exists and is readable.`);
  }
}

/**
 * Ids already taken on the board the postings go to (lower-cased, as ids
 * clash on case-insensitive file systems), each with its file. The board is
 * the `postings` folder that holds `toDir`, else `toDir` itself.
 */
async function boardIds(toDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const parts = toDir.split(path.sep);
  const postingsAt = parts.lastIndexOf('postings');
  let files: string[];
  if (postingsAt > 0) {
    const contentDir = parts.slice(0, postingsAt).join(path.sep) || path.sep;
    files = (await findPostingFiles(contentDir).catch(() => [])).map((relative) => path.join(contentDir, relative));
  } else {
    const entries = await readdir(toDir, { withFileTypes: true }).catch(() => []);
    files = entries.filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name)).map((entry) => path.join(toDir, entry.name));
  }
  for (const file of files) {
    const id = idFromFileName(file).toLowerCase();
    if (id !== '' && !ids.has(id)) ids.set(id, await realpath(file).catch(() => path.resolve(file)));
  }
  return ids;
}

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
