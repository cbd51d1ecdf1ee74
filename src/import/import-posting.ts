// One import source (the bytes of a scraped or foreign posting) → one
// canonical posting text, by the pipeline's own reading: decodeBytes,
// repairMojibake and normalisePosting decide every value, and the output is
// checked by normalisePosting again before anyone writes it. What the
// normaliser could not decide stays visible as a `# TODO:` comment on its key.
// No I/O: the caller reads the bytes and writes the text.
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { PostingEntry } from '../board.ts';
import type { Location } from '../posting.ts';
import { reportFinding, hasErrors, severityOf } from '../diagnostics/report-finding.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { decodeBytes } from '../load/decode-bytes.ts';
import { normalisePosting } from '../normalise/normalise-posting.ts';
import { repairMojibake } from '../normalise/text/index.ts';
import { toSlug } from '../normalise/fields/slugify-id.ts';
import type { CanonicalKey } from '../normalise/front-matter/canonicalise-keys.ts';
import { pathHints } from './path-hints.ts';
import { readSourceParts, type SourceParts } from './read-source-parts.ts';
import { writeFrontMatter, composePosting, type FrontMatterValues, type FrontMatterTodos } from './write-front-matter.ts';
import { describeChanges, type DateOrigin } from './describe-changes.ts';

export interface ImportSource {
  /** The source's path as the user wrote it; used in messages and for the id and date hints. */
  path: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Folder the posting is to be written to; the output path is `<to>/<YYYY-MM-DD>-<id>.md`. */
  to: string;
  /** Asked only when neither the posting, its file name nor its folders date it. */
  fallbackDate?: () => { date: string; origin: string } | null;
  /** Days a posting stays open without `expires` (only affects the check of the output). */
  validityDays?: number;
}

/** Something the output still asks a person to decide, left as a `# TODO:` on `key`. */
export interface ImportTodo {
  key: CanonicalKey | null;
  rule: string;
  message: string;
}

export type ImportResult =
  | {
      ok: true;
      /** `YYYY-MM-DD-<id>.md`. */
      fileName: string;
      outputPath: string;
      id: string;
      date: string;
      /** The canonical posting. */
      text: string;
      /** What the import changed, for one line of output; empty when the source was already canonical. */
      changes: string[];
      todos: ImportTodo[];
      /** The source with what the pipeline said about it (positions in the source). */
      source: VFile;
      /** `check` of the output text (positions in the output). */
      check: VFile;
    }
  | {
      ok: false;
      /** The source has neither front-matter nor the scraped header layout. */
      notAPosting: boolean;
      source: VFile;
      /** Set when the source was read but the text made from it does not pass `check`. */
      check: VFile | null;
    };

// Warnings that sit on a key other than the one they are about.
const TODO_KEYS: Partial<Record<RuleId, CanonicalKey>> = {
  'country-missing': 'country',
  'salary-not-stated': 'salary',
  'salary-unreadable': 'salary',
  'salary-currency-missing': 'salary',
  'salary-currency-conflict': 'salary',
  'salary-period-inferred': 'salary',
  'company-url-invalid': 'company_url',
  'apply-url-insecure': 'apply_url',
};
// Infos that still mean a missing decision.
const TODO_INFOS = new Set<string>(['salary-not-stated']);

export async function importPosting(input: ImportSource, options: ImportOptions): Promise<ImportResult> {
  const validityDays = options.validityDays ?? 60;
  const source = new VFile({ path: input.path, value: '' });
  const decoded = decodeBytes(input.bytes);
  for (const finding of decoded.findings) reportFinding(source, finding, { line: 1, column: 1 });
  if (hasErrors(source)) return { ok: false, notAPosting: false, source, check: null };
  source.value = decoded.text;

  const repaired = repairMojibake(decoded.text);
  const parts = readSourceParts(repaired.text);
  const hints = pathHints(input.path);

  let dateOrigin: DateOrigin = 'posting';
  const entry = await normalisePosting(source, {
    siteUrl: '',
    validityDays,
    gitDate: () => {
      if (hints.folderDate) {
        dateOrigin = { folder: hints.folderDate.folder };
        return hints.folderDate.date;
      }
      const fallback = options.fallbackDate?.() ?? null;
      if (fallback) dateOrigin = { fallback: fallback.origin };
      return fallback?.date ?? null;
    },
  });
  // The normaliser takes any date it had to ask for to be a commit date; the changes say where it came from.
  removeMessages(source, 'date-from-git');
  // Without a `date:` and a fallback, the normaliser dated the posting by its file name.
  if (dateOrigin === 'posting' && !(parts.layout === 'front-matter' && parts.fields.date)) dateOrigin = 'file-name';
  if (!entry) return { ok: false, notAPosting: parts.layout === 'none', source, check: null };

  const posting = entry.posting;
  const id = hints.id || toSlug(`${posting.company.name} ${posting.title}`) || 'posting';
  const fileName = `${posting.datePosted}-${id}.md`;
  const outputPath = path.join(options.to, fileName);
  const values = frontMatterValues(entry, parts);

  // Comments do not change what the normaliser reads, so the TODOs found on the
  // bare text are the TODOs of the commented text, and of any re-import of it.
  const bare = composePosting(writeFrontMatter(values), parts.body);
  const todos = todosOf(await checkText(bare, outputPath, validityDays), bare);
  const todoComments: FrontMatterTodos = {};
  for (const todo of todos) {
    if (todo.key === null) continue;
    const before = todoComments[todo.key];
    todoComments[todo.key] = before === undefined ? todo.message : `${before} ${todo.message}`;
  }
  const text = composePosting(writeFrontMatter(values, todoComments), parts.body);
  const check = await checkText(text, outputPath, validityDays);
  if (hasErrors(check)) return { ok: false, notAPosting: false, source, check };

  const changes = describeChanges({
    decodedText: decoded.text,
    output: text,
    bytes: input.bytes,
    encoding: decoded.encoding,
    bom: decoded.bom,
    repairs: repaired.repairs,
    parts,
    values,
    posting,
    source,
    dateOrigin,
    idFrom: hints.id ? hints.idFrom : null,
  });
  return { ok: true, fileName, outputPath, id, date: posting.datePosted, text, changes, todos, source, check };
}

/** What `jobsite check` would say about a posting file holding `text`. */
export async function checkText(text: string, filePath: string, validityDays = 60): Promise<VFile> {
  const file = new VFile({ path: filePath, value: text });
  await normalisePosting(file, { siteUrl: '', validityDays, gitDate: () => null });
  return file;
}

function frontMatterValues(entry: PostingEntry, parts: SourceParts): FrontMatterValues {
  const { posting } = entry;
  const fields = parts.layout === 'front-matter' ? parts.fields : {};
  const values: FrontMatterValues = {
    title: posting.title,
    company: posting.company.name,
    // An unusable URL stays, with its TODO, rather than being lost.
    company_url: posting.company.url ?? textOrUndefined(fields.company_url?.value),
    country: countryValue(posting.location),
    location: posting.location.text || undefined,
    remote: posting.location.remote ?? undefined,
    apply_url: posting.applyUrl,
    date: posting.datePosted,
    expires: fields.expires ? posting.validThrough : undefined,
    employment_type: posting.employmentType ?? undefined,
    tags: posting.tags.length > 0 ? posting.tags : undefined,
    draft: entry.draft ? true : undefined,
  };
  if (posting.salary) {
    const { min, max, currency, period } = posting.salary;
    values.salary = { min, max, currency, period };
  } else {
    // No figure could be read: keep what was written so that a person can finish it.
    const written = parts.layout === 'front-matter' ? fields.salary?.value : parts.layout === 'scraped' ? parts.header.salary?.value : undefined;
    values.salary = written === null || written === '' ? undefined : written;
    if (values.salary !== undefined) values.currency = textOrUndefined(fields.currency?.value);
  }
  return values;
}

/** ISO codes, one as text and several as a list; `Worldwide` for anywhere; null when unknown. */
function countryValue(location: Location): string | string[] | null {
  const entries = [...location.countries, ...(location.worldwide ? ['Worldwide'] : [])];
  if (entries.length === 0) return null;
  return entries.length === 1 ? entries[0]! : entries;
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function todosOf(check: VFile, text: string): ImportTodo[] {
  const lines = text.split('\n');
  const todos: ImportTodo[] = [];
  for (const message of check.messages) {
    const severity = severityOf(message);
    const rule = message.ruleId ?? '';
    if (severity !== 'warning' && !(severity === 'info' && TODO_INFOS.has(rule))) continue;
    todos.push({ key: TODO_KEYS[rule as RuleId] ?? keyOnLine(lines, message), rule, message: message.reason });
  }
  return todos;
}

function keyOnLine(lines: readonly string[], message: VFileMessage): CanonicalKey | null {
  const closing = lines.indexOf('---', 1);
  const line = message.line ?? 0;
  if (line < 2 || line > closing) return null;
  const match = /^([a-z_]+):/.exec(lines[line - 1] ?? '');
  return match ? (match[1] as CanonicalKey) : null;
}

function removeMessages(file: VFile, rule: string): void {
  for (let index = file.messages.length - 1; index >= 0; index--) {
    if (file.messages[index]?.ruleId === rule) file.messages.splice(index, 1);
  }
}
