// The whole posting pipeline for a board: find the files, read, parse and
// normalise each, then check what only the board as a whole can show (two
// postings with one id). Every file's messages are kept, whatever happens to
// the others: `check` reports them all in one run.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BoardConfig, PostingEntry } from '../board.ts';
import { hasErrors, reportFinding } from '../diagnostics/report-finding.ts';
import { findPostingFiles } from '../load/find-posting-files.ts';
import { readPostingFile } from '../load/read-posting-file.ts';
import { gitCommitDate } from '../load/git-commit-date.ts';
import { normalisePosting } from '../normalise/normalise-posting.ts';

export interface LoadedBoard {
  /** Postings without errors, in file order. */
  entries: PostingEntry[];
  /** One VFile per posting file, with its messages, in file order. */
  files: VFile[];
}

export interface LoadBoardOptions {
  /** Called after each posting file, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export async function loadBoard(contentDir: string, config: BoardConfig, options: LoadBoardOptions = {}): Promise<LoadedBoard> {
  const paths = await findPostingFiles(contentDir);
  const results: { file: VFile; entry: PostingEntry | null }[] = [];
  for (const relativePath of paths) {
    const file = await readPostingFile(contentDir, relativePath);
    const entry = hasErrors(file)
      ? null
      : await normalisePosting(file, {
          siteUrl: config.siteUrl,
          validityDays: config.validityDays,
          gitDate: () => gitCommitDate(path.join(contentDir, relativePath)),
        });
    results.push({ file, entry });
    options.onProgress?.(results.length, paths.length);
  }
  rejectDuplicateIds(results);
  return {
    entries: results.flatMap(({ entry }) => (entry ? [entry] : [])),
    files: results.map(({ file }) => file),
  };
}

// Ids become URLs (`jobs/<id>/`) on case-insensitive file systems too, so they clash case-folded.
function rejectDuplicateIds(results: { file: VFile; entry: PostingEntry | null }[]): void {
  const byId = new Map<string, { file: VFile; entry: PostingEntry | null }[]>();
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
