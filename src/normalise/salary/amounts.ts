// Reads one written figure (`57,582.12`, `1.427.000`, `18,00,000`, `120'000`,
// `15 000`) as a number, and the multipliers written after one (`80k`). Which mark is the decimal point is decided from the
// figure's own shape, never from a locale guess, so the same text always
// reads the same way.

import { isIsoCurrency } from './currencies.ts';

/** Marks that can separate digit groups once NFKC has turned NBSPs into spaces. */
export const GROUP_MARKS = new Set(['.', ',', "'", '’', ' ']);
const DECIMAL_MARKS = new Set(['.', ',']);

/**
 * The value of a figure made of digits and separator marks, or null when its
 * shape is no number (`1.234.56`, `1,2,3`). A single `.` or `,` followed by
 * exactly three digits is a thousands separator: salaries are never written
 * to a thousandth, while `€60.000` and `$60,000` are everywhere.
 */
export function readFigure(written: string): number | null {
  const groups = written.split(/[^0-9]/);
  const marks = written.replace(/[0-9]/g, '').split('');
  if (groups.some((group) => group === '') || marks.some((mark) => !GROUP_MARKS.has(mark))) return null;
  if (marks.length === 0) return Number(written);
  const uniform = marks.every((mark) => mark === marks[0]);
  if (uniform) {
    if (isGrouped(groups)) return Number(groups.join(''));
    const [whole, fraction] = groups;
    if (marks.length === 1 && DECIMAL_MARKS.has(marks[0] ?? '')) return Number(`${whole}.${fraction}`);
    return null;
  }
  // Mixed marks: the last is the decimal point and all earlier ones must be
  // one grouping mark (`1.234,56`, `1'234.50`, `12,34,567.50`).
  const decimal = marks.at(-1) ?? '';
  const grouping = marks.slice(0, -1);
  if (!DECIMAL_MARKS.has(decimal) || grouping.some((mark) => mark !== grouping[0] || mark === decimal)) return null;
  const whole = groups.slice(0, -1);
  if (!isGrouped(whole)) return null;
  return Number(`${whole.join('')}.${groups.at(-1)}`);
}

/** Western (`1,234,567`) or Indian (`12,34,567`) digit grouping. */
function isGrouped(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined || rest.length === 0) return true;
  if (first.length > 3 || first.startsWith('0')) return false;
  const last = rest.at(-1) ?? '';
  const middle = rest.slice(0, -1);
  if (last.length !== 3) return false;
  if (middle.every((group) => group.length === 3)) return true;
  return first.length <= 2 && middle.every((group) => group.length === 2);
}

/** Words and letters after a figure that scale it, lower-cased. */
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['thousand', 1e3],
  ['tsd', 1e3],
  ['tsd.', 1e3],
  ['tys', 1e3],
  ['tys.', 1e3],
  ['m', 1e6],
  ['mm', 1e6],
  ['mn', 1e6],
  ['mln', 1e6],
  ['mio', 1e6],
  ['mio.', 1e6],
  ['million', 1e6],
  ['millions', 1e6],
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['lac', 1e5],
  ['lacs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
  ['cr', 1e7],
  ['cr.', 1e7],
]);

/** CJK counting units, written straight after the digits (`600万円`). */
const CJK_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['千', 1e3],
  ['万', 1e4],
  ['萬', 1e4],
  ['만', 1e4],
  ['億', 1e8],
  ['亿', 1e8],
  ['억', 1e8],
]);

export interface Multiplier {
  factor: number;
  /** Characters consumed, including a space before a word. */
  length: number;
  /** `LPA` (lakhs per annum) states the period too. */
  perYear: boolean;
  /** Lakhs or crores: South Asian counting units, which narrow the currency (see LAKH_CURRENCIES). */
  lakhs: boolean;
}

const LAKH_WORDS: ReadonlySet<string> = new Set(['lakh', 'lakhs', 'lac', 'lacs', 'crore', 'crores', 'cr', 'cr.']);

/**
 * A multiplier written right after a figure at `index` (`80k`, `1.2 M`,
 * `18 lakh`, `18LPA`, `600万`), or null. A letter multiplier must end the word
 * or run straight into an upper-case currency code (`50kEUR`), so `5months`
 * and `50kr` are left alone.
 */
export function multiplierAt(text: string, index: number): Multiplier | null {
  const cjk = CJK_MULTIPLIERS.get(text.charAt(index));
  if (cjk !== undefined) return { factor: cjk, length: 1, perYear: false, lakhs: false };
  const match = /^( ?)(\p{L}+\.?)/u.exec(text.slice(index, index + 16));
  if (!match) return null;
  const [matched, space = ''] = match;
  let word = match[2] ?? '';
  let whole = matched;
  // A full stop after `k` ends the sentence (`£50k.`) unless it is part of an abbreviation (`Mio.`).
  if (word.endsWith('.') && !MULTIPLIERS.has(word.toLowerCase())) {
    word = word.slice(0, -1);
    whole = whole.slice(0, -1);
  }
  if (/^lpa$/i.test(word) || /^l$/i.test(word)) {
    // `18L` / `18 LPA`: Indian lakhs; a lone `L` only when glued to the figure.
    if (word.length === 1 && space !== '') return null;
    return { factor: 1e5, length: whole.length, perYear: word.length === 3, lakhs: true };
  }
  const lower = word.toLowerCase();
  const direct = MULTIPLIERS.get(lower);
  if (direct !== undefined) return { factor: direct, length: whole.length, perYear: false, lakhs: LAKH_WORDS.has(lower) };
  // `50kEUR`, `2mUSD`: a one-letter multiplier glued to a currency code.
  const glued = /^([kKmM])([A-Z]{3})$/.exec(word);
  if (glued && space === '' && isIsoCurrency(glued[2] ?? '')) return { factor: glued[1]?.toLowerCase() === 'k' ? 1e3 : 1e6, length: 1, perYear: false, lakhs: false };
  return null;
}
