// `jobsite new` without the terminal and the file system: the given values in,
// either the file to write (name, text, the posting `check` will make of it)
// or every reason it cannot be written.
import type { PostingEntry } from '../board.ts';
import type { NewPostingInput, RequiredKey } from './new-posting-input.ts';
import { readNewPosting, type FlagFinding } from './read-new-posting.ts';
import { postingFileName } from './posting-file-name.ts';
import { composePostingText } from './compose-posting-text.ts';
import { blockingMessages, verifyPostingText } from './verify-posting-text.ts';

export type PreparedPosting =
  | {
      ok: true;
      id: string;
      fileName: string;
      /** `postings/<fileName>`, relative to the content folder. */
      relativePath: string;
      text: string;
      entry: PostingEntry;
      notes: FlagFinding[];
      countryMissing: boolean;
    }
  | { ok: false; refused: FlagFinding[]; missing: RequiredKey[] };

export async function prepareNewPosting(input: NewPostingInput, today: string): Promise<PreparedPosting> {
  const reading = readNewPosting(input, today);
  const { values } = reading;
  if (reading.refused.length > 0 || reading.missing.length > 0) return { ok: false, refused: reading.refused, missing: reading.missing };
  if (typeof values.date !== 'string' || typeof values.title !== 'string' || typeof values.company !== 'string') {
    return { ok: false, refused: [], missing: reading.missing };
  }

  const name = postingFileName(values.date, values.company, values.title, input.id);
  if (!name.ok) return { ok: false, refused: [{ flag: '--id', rule: null, severity: 'error', reason: name.reason }], missing: [] };

  const relativePath = `postings/${name.fileName}`;
  const text = composePostingText(values);
  const verdict = await verifyPostingText(relativePath, text);
  const blocking = blockingMessages(verdict);
  if (blocking.length > 0 || verdict.entry === null) {
    const refused = blocking.map((message) => ({ flag: 'the posting', rule: message.rule, severity: message.severity, reason: message.reason }));
    return { ok: false, refused: refused.length > 0 ? refused : [{ flag: 'the posting', rule: null, severity: 'error', reason: 'The posting could not be read back; report this as a bug in jobsite.' }], missing: [] };
  }
  return { ok: true, id: name.id, fileName: name.fileName, relativePath, text, entry: verdict.entry, notes: reading.notes, countryMissing: reading.countryMissing };
}
