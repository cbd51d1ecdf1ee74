// The last word before a posting is written: the composed text goes through
// the very pipeline `check` runs, in memory, so that whatever slipped past the
// per-flag checks (a value YAML reads differently, a body that renders empty)
// stops `new` instead of landing in the content folder.
import { VFile } from 'vfile';
import { severityOf } from '../diagnostics/report-finding.ts';
import type { RuleId, Severity } from '../diagnostics/rules.ts';
import type { PostingEntry } from '../board.ts';
import { normalisePosting } from '../normalise/normalise-posting.ts';
import { ACCEPTED_WARNINGS } from './read-new-posting.ts';

export interface PipelineMessage {
  rule: RuleId | null;
  severity: Severity;
  reason: string;
}

export interface PostingVerdict {
  entry: PostingEntry | null;
  messages: PipelineMessage[];
}

/** `relativePath` is the file's path in the content folder (`postings/<name>.md`). */
export async function verifyPostingText(relativePath: string, text: string): Promise<PostingVerdict> {
  const file = new VFile({ path: relativePath, value: text });
  // Only `date` or the file name date the posting; a new file has no git history.
  const entry = await normalisePosting(file, { siteUrl: '', validityDays: 60, gitDate: () => null });
  const messages = file.messages.map((message) => ({
    rule: (message.ruleId ?? null) as RuleId | null,
    severity: severityOf(message),
    reason: message.reason,
  }));
  return { entry, messages };
}

/** Messages that mean the file would need fixing: errors, and warnings other than the accepted ones. */
export function blockingMessages(verdict: PostingVerdict): PipelineMessage[] {
  return verdict.messages.filter((message) => message.severity === 'error' || (message.severity === 'warning' && (message.rule === null || !ACCEPTED_WARNINGS.has(message.rule))));
}
