// Reads a front-matter salary mapping (`{min, max, currency, period}`, or
// `value`, or schema.org's `{currency, value: {minValue, maxValue, unitText}}`)
// into the same figures free text yields. Key spellings are matched loosely
// (`minValue`, `min_value`, `Minimum` are one key) because editors copy them
// from everywhere.
import type { SalaryPeriod } from '../../posting.ts';
import { readCurrencyName } from './currencies.ts';
import { readPeriodName } from './periods.ts';
import { readSalaryText, type CurrencyMark, type SalaryFigures } from './read-salary-text.ts';

export type MapReading =
  | { kind: 'figures'; figures: SalaryFigures; periodProblem: string | null }
  | { kind: 'not-stated' }
  | { kind: 'unreadable'; why: string }
  | { kind: 'currency-unknown'; written: string };

type Role = 'min' | 'max' | 'value' | 'currency' | 'period' | 'text';

const KEY_ROLES: Readonly<Record<Role, readonly string[]>> = {
  min: ['min', 'minimum', 'minvalue', 'minsalary', 'salarymin', 'from', 'low', 'lower', 'lowerbound', 'floor', 'start', 'bottom', 'von', 'ab'],
  max: ['max', 'maximum', 'maxvalue', 'maxsalary', 'salarymax', 'to', 'high', 'upper', 'upperbound', 'ceiling', 'top', 'cap', 'upto', 'bis'],
  value: ['value', 'amount', 'figure', 'salary', 'exact', 'fixed', 'base', 'basesalary', 'pay', 'sum', 'quantitativevalue', 'range'],
  currency: ['currency', 'currencycode', 'cur', 'ccy', 'curr', 'iso', 'waehrung', 'währung', 'devise', 'moneda'],
  period: ['period', 'per', 'unit', 'unittext', 'interval', 'frequency', 'basis', 'rate', 'payperiod', 'timeunit', 'paid', 'every', 'unitcode', 'periode', 'zeitraum'],
  text: ['text', 'raw', 'display', 'label', 'description'],
};

const keyRole = (key: string): Role | null => {
  const squashed = key.toLowerCase().replace(/[^\p{L}]/gu, '');
  for (const role of Object.keys(KEY_ROLES) as Role[]) if (KEY_ROLES[role].includes(squashed)) return role;
  return null;
};

/** Entries of a plain object or a `Map`, keyed by role; the first spelling of a role wins. */
export function salaryMapRoles(input: object): Map<Role, unknown> {
  const entries: Array<[unknown, unknown]> = input instanceof Map ? [...input.entries()] : Object.entries(input);
  const roles = new Map<Role, unknown>();
  for (const [key, value] of entries.slice(0, 64)) {
    if (typeof key !== 'string') continue;
    const role = keyRole(key);
    if (role !== null && !roles.has(role)) roles.set(role, value);
  }
  return roles;
}

export function isSalaryMap(input: unknown): input is object {
  if (input instanceof Map) return true;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const prototype: unknown = Object.getPrototypeOf(input);
  return prototype === Object.prototype || prototype === null;
}

interface Amount {
  min: number;
  max: number;
  marks: CurrencyMark[];
  period: SalaryPeriod | null;
  lakhs: boolean;
}

type AmountResult = { kind: 'amount'; amount: Amount } | { kind: 'absent' } | { kind: 'not-stated' } | { kind: 'unreadable'; why: string };

function readAmount(value: unknown, key: string): AmountResult {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'amount', amount: { min: value, max: value, marks: [], period: null, lakhs: false } } : { kind: 'unreadable', why: `\`${key}\` is not a finite number` };
  }
  if (typeof value === 'string') {
    const reading = readSalaryText(value);
    if (reading.kind === 'not-stated') return reading;
    if (reading.kind === 'unreadable') return { kind: 'unreadable', why: `\`${key}\` ${reading.why}` };
    const { min, max, negative, marks, period, lakhs } = reading.figures;
    return { kind: 'amount', amount: { min: negative ? -min : min, max: negative ? -max : max, marks, period, lakhs } };
  }
  return { kind: 'unreadable', why: `\`${key}\` is neither a number nor text` };
}

/** Reads a salary mapping; `depth` stops schema.org-style nesting after one level. */
export function readSalaryMap(input: object, depth = 0): MapReading {
  const roles = salaryMapRoles(input);
  const nested = roles.get('value');
  if (depth === 0 && isSalaryMap(nested)) {
    // schema.org MonetaryAmount: the figures and unit sit one level down.
    const inner = readSalaryMap(nested, 1);
    if (inner.kind !== 'figures') return inner;
    const currency = roles.get('currency');
    return withOuterCurrency(inner, currency, roles.get('period'));
  }

  const results = { min: readAmount(roles.get('min'), 'min'), max: readAmount(roles.get('max'), 'max'), value: readAmount(roles.get('value'), 'value') };
  for (const result of Object.values(results)) if (result.kind === 'unreadable') return result;
  const amount = (result: AmountResult): Amount | null => (result.kind === 'amount' ? result.amount : null);
  const low = amount(results.min);
  const high = amount(results.max);
  const value = amount(results.value);
  if (!low && !high && !value) {
    if (Object.values(results).some((result) => result.kind === 'not-stated')) return { kind: 'not-stated' };
    return { kind: 'unreadable', why: 'has no `min`, `max` or `value` figure' };
  }
  const min = low?.min ?? value?.min ?? high?.max ?? 0;
  const max = high?.max ?? value?.max ?? low?.min ?? 0;
  const parts = [low, high, value].filter((part): part is Amount => part !== null);
  const figures: SalaryFigures = {
    min,
    max,
    negative: min < 0 || max < 0,
    marks: parts.flatMap((part) => part.marks),
    unknownCode: null,
    period: parts.find((part) => part.period !== null)?.period ?? null,
    lakhs: parts.some((part) => part.lakhs),
  };
  return withOuterCurrency({ kind: 'figures', figures, periodProblem: null }, roles.get('currency'), roles.get('period'));
}

/** Adds the mapping's own `currency` and `period` keys, which outrank marks inside the figures. */
function withOuterCurrency(reading: Extract<MapReading, { kind: 'figures' }>, currency: unknown, period: unknown): MapReading {
  const figures = { ...reading.figures };
  let periodProblem = reading.periodProblem;
  if (currency !== undefined && currency !== null && currency !== '') {
    const written = describeValue(currency);
    const sign = typeof currency === 'string' ? readCurrencyName(currency) : null;
    if (!sign) return { kind: 'currency-unknown', written };
    figures.marks = [{ written, reading: sign }, ...figures.marks];
  }
  if (period !== undefined && period !== null && period !== '') {
    const named = typeof period === 'string' ? readPeriodName(period) : null;
    if (named) figures.period = named;
    else periodProblem = describeValue(period);
  }
  return { kind: 'figures', figures, periodProblem };
}

/** A short, safe rendering of any value for a message (never calls an object's own `toString`). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 40);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}
