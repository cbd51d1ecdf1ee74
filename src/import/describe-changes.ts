// Says, in a few words each, what importing a source changed: the encoding,
// the mojibake repaired, where the front-matter and the salary came from,
// which keys were renamed or normalised and where the date came from. Empty
// when the source was already the canonical text.
import type { VFile } from 'vfile';
import type { Posting } from '../posting.ts';
import type { FileEncoding } from '../load/decode-bytes.ts';
import type { Repair } from '../normalise/text/index.ts';
import { CANONICAL_KEYS } from '../normalise/front-matter/canonicalise-keys.ts';
import type { SourceParts } from './read-source-parts.ts';
import type { FrontMatterValues } from './write-front-matter.ts';

/** Where the posting's date came from, when not from its own `date:`. */
export type DateOrigin = 'posting' | 'file-name' | { folder: string } | { fallback: string };

export interface ChangeFacts {
  decodedText: string;
  output: string;
  bytes: Uint8Array;
  encoding: FileEncoding;
  bom: boolean;
  repairs: readonly Repair[];
  parts: SourceParts;
  values: FrontMatterValues;
  posting: Posting;
  /** The source file with the normaliser's messages. */
  source: VFile;
  dateOrigin: DateOrigin;
  idFrom: 'file' | 'folder' | null;
}

const CARRIAGE_RETURN = 0x0d;

export function describeChanges(facts: ChangeFacts): string[] {
  const changes: string[] = [];
  if (facts.encoding === 'windows-1252') changes.push('read as Windows-1252 (not valid UTF-8) and saved as UTF-8');
  else if (facts.encoding !== 'utf-8') changes.push(`converted from ${facts.encoding.toUpperCase()} to UTF-8`);
  else if (facts.bom) changes.push('byte-order mark removed');
  if (facts.bytes.includes(CARRIAGE_RETURN)) changes.push('line endings made LF');

  const repaired = facts.repairs.reduce((sum, repair) => sum + repair.count, 0);
  if (repaired > 0) changes.push(`mojibake repaired (${repaired})`);

  const { parts } = facts;
  if (parts.layout === 'scraped') {
    changes.push('front-matter made from the scraped header');
    const salary = scrapedSalaryChange(parts.header.salary?.value, facts.posting, facts.source);
    if (salary) changes.push(salary);
  } else if (parts.layout === 'front-matter') {
    if (parts.renamed.length > 0) changes.push(`keys renamed (${renames(parts.renamed)})`);
    if (parts.unknownKeys.length > 0) changes.push(`unknown keys dropped (${parts.unknownKeys.join(', ')})`);
    // A date that was added is described below, by where it came from.
    changes.push(...valueChanges(parts.fields, { ...facts.values, date: parts.fields.date ? facts.values.date : undefined }));
  }

  if (facts.source.messages.some((message) => message.ruleId === 'salary-period-inferred') && facts.posting.salary) {
    changes.push(`salary period inferred (per ${facts.posting.salary.period})`);
  }
  const origin = facts.dateOrigin;
  if (typeof origin === 'object') {
    changes.push('folder' in origin ? `date from folder ${origin.folder}${/^\d{4}-\d{2}$/.test(origin.folder) ? ' (1st of the month)' : ''}` : `date from ${origin.fallback}`);
  } else if (origin === 'file-name' && parts.layout === 'front-matter') {
    changes.push('date from the file name');
  }
  if (facts.idFrom === 'folder') changes.push('id from the folder name');
  else if (facts.idFrom === null) changes.push('id made from company and title');

  if (changes.length === 0 && facts.decodedText !== facts.output) changes.push('reformatted');
  return changes;
}

/** `applyUrl → apply_url, salary_min/salary_max → salary`. */
function renames(renamed: Extract<SourceParts, { layout: 'front-matter' }>['renamed']): string {
  const byTarget = new Map<string, string[]>();
  for (const { from, to } of renamed) byTarget.set(to, [...(byTarget.get(to) ?? []), from]);
  return [...byTarget].map(([to, from]) => `${from.join('/')} → ${to}`).join(', ');
}

function scrapedSalaryChange(header: string | undefined, posting: Posting, source: VFile): string | null {
  const salary = posting.salary;
  if (!salary || salary.text === header) return null;
  if (header === undefined) return 'salary read from the body';
  const figure = /^\d+(?:\.\d+)?$/.test(header.trim()) ? Number(header.trim()) : null;
  if (figure !== null && salary.min < salary.max && Math.abs(figure - (salary.min + salary.max)) < 1) {
    return `salary read from the body (header ${figure} was the sum of the range)`;
  }
  const disagreed = source.messages.some((message) => message.ruleId === 'salary-header-mismatch');
  return disagreed ? `salary read from the body (header \`${header}\` disagreed)` : 'salary read from the body';
}

function valueChanges(fields: Extract<SourceParts, { layout: 'front-matter' }>['fields'], values: FrontMatterValues): string[] {
  const normalised: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const key of CANONICAL_KEYS) {
    const before = fields[key]?.value;
    const after = values[key];
    const had = before !== undefined && before !== null;
    const has = after !== undefined && after !== null;
    if (!had && has) added.push(key);
    else if (had && !has) removed.push(key === 'currency' && values.salary ? 'currency (now part of salary)' : key);
    else if (had && has && JSON.stringify(before) !== JSON.stringify(after)) normalised.push(key);
  }
  return [
    ...(normalised.length > 0 ? [`normalised ${normalised.join(', ')}`] : []),
    ...(added.length > 0 ? [`added ${added.join(', ')}`] : []),
    ...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : []),
  ];
}
