// Normalises a posting's front-matter `salary` (free text, a number, or a
// mapping) into a `Salary`: figures, an ISO 4217 currency and a pay period.
// It refuses rather than guesses: a figure it cannot place with confidence
// (no currency, ambiguous symbol, inverted or absurd range) yields no value
// and one finding saying what to fix.
import type { Finding, Normalised } from '../../diagnostics/finding.ts';
import type { RuleId, Severity } from '../../diagnostics/rules.ts';
import type { Salary, SalaryPeriod } from '../../posting.ts';
import { LAKH_CURRENCIES, readCurrencyName, resolveReading, type CurrencyContext } from './currencies.ts';
import { implausibility, inferPeriod } from './magnitude.ts';
import { describeValue, isSalaryMap, readSalaryMap } from './read-salary-map.ts';
import { readSalaryText, type CurrencyMark, type SalaryFigures } from './read-salary-text.ts';
import { salaryText } from './salary-text.ts';

export interface SalaryContext {
  /** The posting's front-matter `currency:`, used when the salary itself names none. */
  currency?: string | null;
  /** ISO 3166-1 alpha-2 codes of the posting, to read `$`, `kr` and `¥`. */
  countries?: string[];
}

const EXAMPLE = '`£50,000 – £60,000 a year`';
const MAX_QUOTED_LENGTH = 60;

export function parseSalary(input: unknown, context: SalaryContext = {}): Normalised<Salary | null> {
  try {
    return parseAny(input, context);
  } catch {
    // Only a hostile object (a throwing getter or proxy) can get here; YAML never makes one.
    return { value: null, findings: [finding('salary-unreadable', 'The salary could not be read; write it as text like ' + EXAMPLE + '.')] };
  }
}

function parseAny(input: unknown, context: SalaryContext): Normalised<Salary | null> {
  if (input === undefined || input === null) return { value: null, findings: [] };
  const text = salaryText(input);
  if (typeof input === 'string') {
    if (text === null) return { value: null, findings: [] };
    const reading = readSalaryText(text);
    if (reading.kind === 'not-stated') return notStated(text);
    if (reading.kind === 'unreadable') return unreadable(text, reading.why);
    return finish(reading.figures, text, context, null);
  }
  if (typeof input === 'number' || typeof input === 'bigint') {
    const figure = Number(input);
    if (!Number.isFinite(figure)) return unreadable(String(input), 'is not a finite number');
    return finish({ min: figure, max: figure, negative: figure < 0, marks: [], unknownCode: null, period: null, lakhs: false }, text ?? String(figure), context, null);
  }
  if (isSalaryMap(input)) {
    const reading = readSalaryMap(input);
    switch (reading.kind) {
      case 'not-stated':
        return notStated(text);
      case 'unreadable':
        return unreadable(text, reading.why);
      case 'currency-unknown':
        return fail(finding('salary-currency-unknown', `The salary currency ${quote(reading.written)} is not an ISO 4217 code or currency symbol; use a code such as \`EUR\` or \`USD\`.`));
      case 'figures':
        return finish(reading.figures, text ?? '', context, reading.periodProblem);
    }
  }
  const kind = Array.isArray(input) ? 'a list' : typeof input === 'boolean' ? 'true/false' : input instanceof Date ? 'a date' : `a value of type ${typeof input}`;
  return fail(finding('value-type', `\`salary\` is ${kind}; write it as text like ${EXAMPLE} or as a mapping with \`min\`, \`max\`, \`currency\` and \`period\`.`));
}

function finish(figures: SalaryFigures, text: string, context: SalaryContext, periodProblem: string | null): Normalised<Salary | null> {
  const findings: Finding[] = [];
  const countries = sanitiseCountries(context.countries);
  const stated = statedCurrency(context.currency, countries);
  if (stated.finding) findings.push(stated.finding);
  const failWith = (problem: Finding): Normalised<Salary | null> => ({ value: null, findings: [...findings, problem] });

  const { min, max } = figures;
  if (figures.negative) {
    return failWith(finding('salary-negative', `The salary ${quote(text)} is negative; write the amount without a minus sign.`));
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return failWith(finding('salary-absurd', `The salary ${quote(text)} is too large to be a number; check the figure.`));
  }
  if (min === 0 || max === 0) {
    return failWith(finding('salary-absurd', `The salary ${quote(text)} is zero; give the real figure, or write \`Unpaid\` if there is none.`));
  }
  if (min > max) {
    return failWith(finding('salary-range-inverted', `The salary minimum ${plain(min)} is greater than the maximum ${plain(max)} in ${quote(text)}; swap the two ends.`));
  }

  const currency = resolveCurrency(figures, text, { currency: stated.code, countries });
  if ('problem' in currency) {
    // A broken `currency:` has its own finding; "add `currency:`" would only confuse.
    if (currency.problem.rule === 'salary-currency-missing' && stated.finding) return { value: null, findings };
    return failWith(currency.problem);
  }
  if (currency.fromSalary && stated.code !== null && stated.code !== currency.code) {
    findings.push(finding('salary-currency-conflict', `The salary ${quote(text)} is in ${currency.code} but \`currency:\` says ${stated.code}; the salary's own currency is used, so correct or remove \`currency:\`.`));
  }

  let period: SalaryPeriod;
  const inferred: Finding[] = [];
  if (figures.period !== null && periodProblem === null) {
    period = figures.period;
  } else {
    period = inferPeriod(max, currency.code);
    inferred.push(
      periodProblem === null
        ? finding('salary-period-inferred', `The salary ${quote(text)} does not say what it is paid per, so it was read as per ${period} from its size; add \`a year\`, \`an hour\` or the like if that is wrong.`)
        : finding('salary-period-inferred', `The salary period ${quote(periodProblem)} is not hour, day, week, month or year, so it was read as per ${period} from the size of the figure; use one of those words.`, 'warning'),
    );
  }

  for (const figure of min === max ? [min] : [min, max]) {
    const problem = implausibility(figure, currency.code, period);
    if (problem === null) continue;
    const bound = problem === 'too-large' ? 'more than US$10,000,000' : 'less than US$100';
    return failWith(finding('salary-absurd', `The salary ${quote(text)} comes to ${bound} a year when read as ${plain(figure)} ${currency.code} per ${period}; check the figure, its currency and its period.`));
  }
  return { value: { min, max, currency: currency.code, period, text }, findings: [...findings, ...inferred] };
}

type CurrencyResult = { code: string; fromSalary: boolean } | { problem: Finding };

function resolveCurrency(figures: SalaryFigures, text: string, context: CurrencyContext): CurrencyResult {
  const { marks } = figures;
  if (marks.length === 0) {
    if (context.currency !== null) return { code: context.currency, fromSalary: false };
    if (figures.unknownCode !== null) {
      return { problem: finding('salary-currency-unknown', `The salary currency ${quote(figures.unknownCode)} is not an ISO 4217 code; use one such as \`EUR\` or \`USD\`.`) };
    }
    const lakhCurrency = figures.lakhs ? resolveReading(LAKH_CURRENCIES, context) : null;
    if (lakhCurrency !== null) return { code: lakhCurrency, fromSalary: true };
    return { problem: finding('salary-currency-missing', `The salary ${quote(text)} has no currency; put one on the figure (\`£50,000\`, \`EUR 50,000\`) or add \`currency:\`.`) };
  }
  const definite = unique(marks.flatMap((mark) => (mark.reading.candidates.length === 1 ? mark.reading.candidates : [])));
  if (definite.length > 1) return twoCurrencies(text, definite);
  const [only] = definite;
  if (only !== undefined) {
    const clash = marks.find((mark) => !mark.reading.candidates.includes(only));
    return clash ? twoCurrencies(text, [only, clash.written]) : { code: only, fromSalary: true };
  }
  const resolved: string[] = [];
  for (const mark of marks) {
    const code = resolveReading(mark.reading, context);
    if (code === null) return { problem: ambiguous(mark, text) };
    resolved.push(code);
  }
  const codes = unique(resolved);
  const [code] = codes;
  if (codes.length > 1 || code === undefined) return twoCurrencies(text, codes);
  return { code, fromSalary: true };
}

function ambiguous(mark: CurrencyMark, text: string): Finding {
  const candidates = mark.reading.candidates;
  const list = candidates.length <= 6 ? listed(candidates) : `${candidates.slice(0, 5).join(', ')} and others`;
  return finding('salary-currency-missing', `The salary ${quote(text)} uses ${quote(mark.written)}, which could be ${list}; write the ISO code (\`${candidates[0] ?? 'EUR'} 50,000\`) or add \`currency:\`.`);
}

function twoCurrencies(text: string, currencies: readonly string[]): { problem: Finding } {
  return { problem: finding('salary-unreadable', `The salary ${quote(text)} names more than one currency (${listed(currencies, 'and')}); keep only the one it is paid in.`) };
}

/** The front-matter `currency:` as an ISO code, or a finding when it names none. */
function statedCurrency(value: unknown, countries: readonly string[]): { code: string | null; finding?: Finding } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { code: null };
  const written = describeValue(value);
  const reading = typeof value === 'string' ? readCurrencyName(value) : null;
  const code = reading ? resolveReading(reading, { currency: null, countries }) : null;
  if (code !== null) return { code };
  const why = reading ? `could be ${listed(reading.candidates.slice(0, 6))}` : 'is not an ISO 4217 code or currency symbol';
  return { code: null, finding: finding('salary-currency-unknown', `${quote(`currency: ${written}`)} ${why}; use a code such as \`EUR\` or \`USD\`.`) };
}

function sanitiseCountries(countries: unknown): string[] {
  if (!Array.isArray(countries)) return [];
  return countries.filter((country): country is string => typeof country === 'string').map((country) => country.trim().toUpperCase());
}

function notStated(text: string | null): Normalised<null> {
  return fail(finding('salary-not-stated', `${subject(text)} publishes no figure; give a range like ${EXAMPLE} to show pay on the page and in search results.`));
}

function unreadable(text: string | null, why: string): Normalised<null> {
  return fail(finding('salary-unreadable', `${subject(text)} ${why}; write it like ${EXAMPLE}.`));
}

/** How a finding names the salary: by its text, or as the mapping when it has none. */
function subject(text: string | null): string {
  return text === null ? 'The `salary` mapping' : `The salary ${quote(text)}`;
}

function fail(problem: Finding): Normalised<null> {
  return { value: null, findings: [problem] };
}

function finding(rule: RuleId, reason: string, severity?: Severity): Finding {
  return severity === undefined ? { rule, reason } : { rule, reason, severity };
}

function quote(value: string): string {
  const line = value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ').replaceAll('`', "'").trim();
  const chars = Array.from(line);
  return `\`${chars.length > MAX_QUOTED_LENGTH ? `${chars.slice(0, MAX_QUOTED_LENGTH - 1).join('')}…` : line}\``;
}

function plain(figure: number): string {
  return figure.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function listed(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
