// Splits salary text into the pieces the salary grammar is made of: figures
// (with their multipliers), currency marks, pay periods, range joiners and
// "not stated" phrases. Everything else is kept as filler so that the reader
// can tell which pieces touch.
import type { SalaryPeriod } from '../../posting.ts';
import { multiplierAt, readFigure } from './amounts.ts';
import { codeReading, signAt, wordReading, type CurrencySign } from './currencies.ts';
import { findPeriodPhrases } from './periods.ts';

export type SalaryToken =
  | { kind: 'figure'; start: number; end: number; written: string; value: number | null; factor: number | null; percent: boolean; lakhs: boolean }
  | {
      kind: 'currency';
      start: number;
      end: number;
      written: string;
      reading: CurrencySign;
      /** Counts only when it touches a figure: lower-case codes, `R`, `kr`, codes that are also English words. */
      weak: boolean;
    }
  | { kind: 'unknown-code'; start: number; end: number; written: string }
  | { kind: 'period'; start: number; end: number; period: SalaryPeriod }
  | { kind: 'joiner'; start: number; end: number; written: string }
  | { kind: 'not-stated'; start: number; end: number }
  | { kind: 'filler'; start: number; end: number; written: string };

const NOT_STATED = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      'competitive',
      'negotiable',
      'negotiated',
      'neg\\.?',
      'n/a',
      'd\\.?o\\.?e\\.?',
      'dep(?:ending|endent|ends) (?:up)?on (?:skills|experience|qualifications|profile)',
      'based on experience',
      'commensurate',
      'tb[cd]',
      'to be (?:discussed|determined|confirmed|agreed|negotiated)',
      'market[- ](?:rate|rates|related|value)',
      'attractive',
      'excellent',
      'generous',
      '(?:up)?on request',
      'undisclosed',
      'not (?:disclosed|specified|stated|given)',
      'confidential',
      'unpaid',
      'volunteer',
      'equity only',
      'k\\. ?a\\.',
      'keine angabe',
      'nach vereinbarung',
      'verhandelbar',
      'selon (?:profil|expérience|experience)',
      'à négocier',
      'a negociar',
      'a convenir',
      'a combinar',
      'negociable',
      'do uzgodnienia',
      'wettbewerbsfähig',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'giu',
);

/** Upper-case words next to figures in job ads that look like codes but are not currencies. */
const NOT_CODES = new Set(['OTE', 'DOE', 'TBD', 'TBC', 'NEG', 'ONO', 'OBO', 'FTE', 'PER', 'AND', 'MIN', 'MAX', 'NET', 'EST', 'TAX', 'PRO', 'APR', 'YRS', 'HRS', 'DAY', 'PTO', 'CTC', 'LPA', 'RSU', 'VAT', 'INC', 'EXC', 'BIS', 'VON', 'FOR', 'THE', 'NOT']);
/** ISO codes that are also everyday words: only currency when upper-case and touching a figure. */
const WORDLIKE_CODES = new Set(['ALL', 'TOP', 'CUP', 'MAD', 'TRY', 'PEN', 'BOB', 'SOS', 'MOP', 'GEL', 'LAK', 'WST']);
/** Words joining the two ends of a range, lower-case. */
const JOINER_WORDS = new Set(['to', 'and', 'until', 'till', 'til', 'through', 'thru', 'bis', 'à', 'a', 'au', 'hasta', 'al', 'até', 'tot', 'do', 'och', 'og']);
const JOINER_MARKS = new Set(['-', '–', '—', '‒', '―', '−', '~', '〜', '～', '‐', '‑']);
const SPACE = /\s/u;
const DIGIT = /[0-9]/;

interface Span {
  end: number;
  token: SalaryToken;
}

/** Tokens of `text`, which must already be NFKC-normalised and bounded in length. */
export function tokenise(text: string): SalaryToken[] {
  const spans = new Map<number, Span>();
  for (const phrase of findPeriodPhrases(text)) {
    spans.set(phrase.start, { end: phrase.end, token: { kind: 'period', start: phrase.start, end: phrase.end, period: phrase.period } });
  }
  // Not-stated phrases win over periods starting at the same place (`n/a` is not "per annum").
  for (const match of text.matchAll(NOT_STATED)) {
    const end = match.index + match[0].length;
    spans.set(match.index, { end, token: { kind: 'not-stated', start: match.index, end } });
  }

  const tokens: SalaryToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (SPACE.test(char)) {
      index++;
      continue;
    }
    const span = spans.get(index);
    if (span) {
      tokens.push(span.token);
      index = span.end;
      continue;
    }
    if (DIGIT.test(char)) {
      index = readFigureToken(text, index, tokens);
      continue;
    }
    const sign = signAt(text, index);
    if (sign) {
      tokens.push({ kind: 'currency', start: index, end: index + sign.sign.length, written: sign.sign, reading: sign.reading, weak: false });
      index += sign.sign.length;
      continue;
    }
    const word = /^[\p{L}\p{M}]+/u.exec(text.slice(index, index + 64))?.[0];
    if (word !== undefined) {
      tokens.push(classifyWord(word, index));
      index += word.length;
      continue;
    }
    const end = index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
    tokens.push(JOINER_MARKS.has(char) ? { kind: 'joiner', start: index, end, written: char } : { kind: 'filler', start: index, end, written: text.slice(index, end) });
    index = end;
  }
  return tokens;
}

/** Reads a figure starting at `start`, pushes its tokens, and returns where it ends. */
function readFigureToken(text: string, start: number, tokens: SalaryToken[]): number {
  let index = start;
  let groupLength = 0;
  let spaced = false;
  let otherMarks = false;
  const digitsFrom = (from: number): number => {
    let to = from;
    while (DIGIT.test(text.charAt(to))) to++;
    return to;
  };
  let next = digitsFrom(index);
  groupLength = next - index;
  index = next;
  for (;;) {
    const mark = text.charAt(index);
    if (".,'’".includes(mark) && mark !== '' && DIGIT.test(text.charAt(index + 1))) {
      next = digitsFrom(index + 1);
      groupLength = next - index - 1;
      index = next;
      otherMarks = true;
      continue;
    }
    // A space groups digits only between whole groups of three (`15 000`), never
    // after another mark, so `5 100` can be one figure but `1.5 100` cannot.
    if (mark === ' ' && (spaced || !otherMarks) && groupLength <= 3 && /^[0-9]{3}(?![0-9])/.test(text.slice(index + 1, index + 5))) {
      groupLength = 3;
      index += 4;
      spaced = true;
      continue;
    }
    break;
  }
  const written = text.slice(start, index);
  // `4.500,- €`: a dash in place of the cents.
  const noCents = /^[.,][-–]{1,2}(?=$|[\s\p{L}€/)])/u.exec(text.slice(index, index + 4));
  if (noCents) index += noCents[0].length;
  let factor: number | null = null;
  let perYear = false;
  let lakhs = false;
  const multiplier = multiplierAt(text, index);
  if (multiplier) {
    factor = multiplier.factor;
    perYear = multiplier.perYear;
    lakhs = multiplier.lakhs;
    index += multiplier.length;
  }
  const percent = /^ ?%/.exec(text.slice(index, index + 2));
  if (percent) index += percent[0].length;
  tokens.push({ kind: 'figure', start, end: index, written, value: readFigure(written), factor, percent: percent !== null, lakhs });
  if (perYear) tokens.push({ kind: 'period', start: index, end: index, period: 'year' });
  return index;
}

function classifyWord(word: string, start: number): SalaryToken {
  const end = start + word.length;
  const upper = word === word.toUpperCase();
  if (JOINER_WORDS.has(word.toLowerCase())) return { kind: 'joiner', start, end, written: word };
  const code = codeReading(word);
  if (code) return { kind: 'currency', start, end, written: word, reading: code, weak: !upper || WORDLIKE_CODES.has(word.toUpperCase()) };
  const named = wordReading(word);
  if (named) return { kind: 'currency', start, end, written: word, reading: named.reading, weak: named.symbol };
  if (/^[A-Z]{3}$/.test(word) && !NOT_CODES.has(word)) return { kind: 'unknown-code', start, end, written: word };
  return { kind: 'filler', start, end, written: word };
}
