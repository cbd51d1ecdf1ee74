// One posting file's bytes → its entry and messages, as plain data. The same
// function runs in the main thread, in worker threads and behind the cache,
// and every path turns the data back into a VFile the same way, so a cached,
// a parallel and a single-threaded build cannot differ in what they report.
import path from 'node:path';
import { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import type { PostingEntry } from '../board.ts';
import { hasErrors, reportFinding, severityOf } from '../diagnostics/report-finding.ts';
import type { Severity } from '../diagnostics/rules.ts';
import { decodeBytes } from '../load/decode-bytes.ts';
import { gitCommitDate } from '../load/git-commit-date.ts';
import { normalisePosting } from '../normalise/normalise-posting.ts';

export interface PostingTask {
  contentDir: string;
  /** Relative to `contentDir`, `/` separators: the file's path in every message. */
  relativePath: string;
  bytes: Uint8Array;
  siteUrl: string;
  validityDays: number;
}

export interface StoredMessage {
  reason: string;
  ruleId: string | undefined;
  source: string | undefined;
  place: Point | Position | undefined;
  severity: Severity;
}

export interface PostingResult {
  entry: PostingEntry | null;
  messages: StoredMessage[];
  /** The posting was dated from git history, which the file's bytes do not capture: never cache it. */
  askedGit: boolean;
}

export async function processPosting(task: PostingTask): Promise<PostingResult> {
  const file = new VFile({ path: task.relativePath, cwd: task.contentDir, value: '' });
  const decoded = decodeBytes(task.bytes);
  for (const finding of decoded.findings) reportFinding(file, finding, { line: 1, column: 1 });
  file.value = decoded.text;
  let askedGit = false;
  const entry = hasErrors(file)
    ? null
    : await normalisePosting(file, {
        siteUrl: task.siteUrl,
        validityDays: task.validityDays,
        gitDate: () => {
          askedGit = true;
          return gitCommitDate(path.join(task.contentDir, task.relativePath));
        },
      });
  return { entry, messages: file.messages.map(storeMessage), askedGit };
}

export function storeMessage(message: VFile['messages'][number]): StoredMessage {
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    place: message.place ?? undefined,
    severity: severityOf(message),
  };
}

/** The VFile `check` and `build` report from; its text is not kept (nothing reads it after loading). */
export function toVFile(contentDir: string, relativePath: string, messages: readonly StoredMessage[]): VFile {
  const file = new VFile({ path: relativePath, cwd: contentDir, value: '' });
  for (const stored of messages) {
    const message = file.message(stored.reason, { place: stored.place, ruleId: stored.ruleId, source: stored.source });
    message.fatal = stored.severity === 'error' ? true : stored.severity === 'warning' ? false : undefined;
  }
  return file;
}
