// Reads free salary text into figures, currency marks and a period, without
// yet deciding what the marks mean. The grammar: a figure or a range of two
// (`A – B`, `A to B`, `A-Bk`), each end optionally carrying currency marks and
// a period before or after it; the first such figure that carries a currency
// is the salary, and the rest of the text is commentary (`+ benefits`, `OTE`).
import type { SalaryPeriod } from '../../posting.ts';
import type { CurrencySign } from './currencies.ts';
import { tokenise, type SalaryToken } from './salary-tokens.ts';

/** Only this much of the text is read: salaries are short, hostile input is not. */
export const READ_LIMIT = 500;

export interface CurrencyMark {
  written: string;
  reading: CurrencySign;
}

/** Figures as written, before currency and plausibility are judged. */
export interface SalaryFigures {
  min: number;
  max: number;
  negative: boolean;
  /** Currency marks that belong to the figures, in order. */
  marks: CurrencyMark[];
  /** An upper-case code-like word beside the figures that is no ISO 4217 code (`XYZ 50,000`). */
  unknownCode: string | null;
  period: SalaryPeriod | null;
  /** A figure is counted in lakhs or crores (`12-18 LPA`, `₹15 lakh`). */
  lakhs: boolean;
}

export type TextReading =
  | { kind: 'figures'; figures: SalaryFigures }
  | { kind: 'not-stated' }
  | { kind: 'unreadable'; why: string };

type Figure = Extract<SalaryToken, { kind: 'figure' }>;

// A period right after one of these describes the working pattern
// (`3 days a week`, `40 hours per week`), not what the salary is paid per.
const SCHEDULE_WORDS = /^(?:hours?|hrs?|h|days?|weeks?|months?|std|stunden|tage|wochen|jours|heures|semaines|horas|d[ií]as|semanas|godzin|dni|timer|dagar|dage|dagen|uur|ore|giorni)$/i;

export function readSalaryText(raw: string): TextReading {
  const text = raw.slice(0, READ_LIMIT).normalize('NFKC');
  const tokens = tokenise(text);
  const groups = rangeGroups(tokens);
  const notStated = tokens.some((token) => token.kind === 'not-stated');
  const attached = groups.map((group) => attachedTokens(tokens, group));
  const claimed = new Set(attached.flat());
  const floating = tokens.filter((token, index) => token.kind === 'currency' && !token.weak && !claimed.has(index));

  const hasCurrency = (index: number): boolean => (attached[index] ?? []).some((i) => tokens[i]?.kind === 'currency');
  let chosen = groups.findIndex((_, index) => hasCurrency(index));
  if (chosen === -1) chosen = 0;
  const group = groups[chosen];
  if (group === undefined) {
    return notStated ? { kind: 'not-stated' } : { kind: 'unreadable', why: 'has no figure' };
  }
  const first = figureAt(tokens, group.first);
  const last = figureAt(tokens, group.last);
  const ownMarks = (attached[chosen] ?? []).map((i) => tokens[i]).filter((token) => token !== undefined);
  const ownCurrencies = ownMarks.filter((token) => token.kind === 'currency');
  // A weak mark (`ALL` in `£50k ALL IN`, `kr` beside `DKK`) only decides when nothing stronger does.
  const strong = ownCurrencies.filter((token) => !token.weak);
  const currencyTokens = strong.length > 0 ? strong : ownCurrencies.length > 0 ? ownCurrencies : floating;
  const marks = currencyTokens.flatMap((token) => (token.kind === 'currency' ? [{ written: token.written, reading: token.reading }] : []));

  if (notStated && marks.length === 0 && !looksLikeMoney(first, last)) return { kind: 'not-stated' };
  for (const figure of [first, last]) {
    if (figure.value === null) return { kind: 'unreadable', why: `has \`${figure.written}\`, which is not a well-formed number` };
  }
  const [min, max] = scaledEnds(first, last);
  const unknown = ownMarks.find((token) => token.kind === 'unknown-code');
  return {
    kind: 'figures',
    figures: {
      min,
      max,
      negative: isNegated(tokens, group.first),
      marks,
      unknownCode: unknown?.kind === 'unknown-code' ? unknown.written : null,
      period: periodFor(tokens, group.first),
      lakhs: first.lakhs || last.lakhs,
    },
  };
}

/** Token indexes of the ends of a figure (both the same) or a two-figure range. */
interface Group {
  first: number;
  last: number;
}

function figureAt(tokens: readonly SalaryToken[], index: number): Figure {
  const token = tokens[index];
  if (token?.kind !== 'figure') throw new Error(`token ${index} is not a figure`);
  return token;
}

/** Each figure or two-figure range, in order. */
function rangeGroups(tokens: readonly SalaryToken[]): Group[] {
  const groups: Group[] = [];
  const isFigure = (index: number): boolean => {
    const token = tokens[index];
    return token?.kind === 'figure' && !token.percent;
  };
  const isMark = (index: number, periods: boolean): boolean => {
    const kind = tokens[index]?.kind;
    return kind === 'currency' || kind === 'unknown-code' || (periods && kind === 'period');
  };
  for (let index = 0; index < tokens.length; index++) {
    if (!isFigure(index)) continue;
    let next = index + 1;
    while (isMark(next, true)) next++;
    if (tokens[next]?.kind === 'joiner') {
      let other = next + 1;
      while (isMark(other, false)) other++;
      if (isFigure(other)) {
        groups.push({ first: index, last: other });
        index = other;
        continue;
      }
    }
    groups.push({ first: index, last: index });
  }
  return groups;
}

/** Indexes of the currency marks (and code-like words) touching a group: before it, between its ends, after it. */
function attachedTokens(tokens: readonly SalaryToken[], { first, last }: Group): number[] {
  const indexes: number[] = [];
  const isMark = (index: number): boolean => tokens[index]?.kind === 'currency' || tokens[index]?.kind === 'unknown-code';
  let before = first - 1;
  // `$-500`: a minus between the mark and the figure.
  if (isMinus(tokens, before) && isMark(before - 1)) before--;
  for (; isMark(before); before--) indexes.push(before);
  for (let inner = first + 1; inner < last; inner++) if (isMark(inner)) indexes.push(inner);
  for (let after = last + 1; isMark(after) || tokens[after]?.kind === 'period'; after++) if (isMark(after)) indexes.push(after);
  return indexes.sort((a, b) => a - b);
}

function isMinus(tokens: readonly SalaryToken[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  return token?.kind === 'joiner' && (token.written === '-' || token.written === '−') && next !== undefined && next.start === token.end;
}

/** A minus glued to the figure or its leading currency mark, with no figure before it to make it a range. */
function isNegated(tokens: readonly SalaryToken[], firstIndex: number): boolean {
  let index = firstIndex - 1;
  if (isMinus(tokens, index)) return tokens[index - 1]?.kind !== 'figure';
  while (tokens[index]?.kind === 'currency') index--;
  return index < firstIndex - 1 && isMinus(tokens, index) && tokens[index - 1]?.kind !== 'figure';
}

/** `80-100k`: a multiplier on one end carries to a small bare other end. */
function scaledEnds(first: Figure, last: Figure): [number, number] {
  const scale = (figure: Figure, factor: number | null): number => Math.round((figure.value ?? 0) * (factor ?? 1) * 100) / 100;
  const carried = (bare: Figure, other: Figure): number | null =>
    bare.factor === null && other.factor !== null && (bare.value ?? 0) < 1000 ? other.factor : bare.factor;
  return [scale(first, carried(first, last)), scale(last, carried(last, first))];
}

// Whether a figure beside "Competitive" still reads as pay (`Competitive, 50-60k`)
// rather than some other number (`Competitive + 25 days holiday`).
function looksLikeMoney(first: Figure, last: Figure): boolean {
  return first.factor !== null || last.factor !== null || (first.value ?? 0) >= 1000 || (last.value ?? 0) >= 1000;
}

/** The first pay period after the salary starts, else the last one before it. */
function periodFor(tokens: readonly SalaryToken[], firstIndex: number): SalaryPeriod | null {
  let before: SalaryPeriod | null = null;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.kind !== 'period') continue;
    const previous = tokens[index - 1];
    if (previous?.kind === 'filler' && SCHEDULE_WORDS.test(previous.written)) continue;
    if (index > firstIndex) return token.period;
    before = token.period;
  }
  return before;
}
