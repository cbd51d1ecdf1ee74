// Dates in postings decide when a job is open, so only real calendar dates
// are accepted: `2026-02-30` is refused instead of rolling over to March.
import { shortenForMessage } from '../../diagnostics/shorten-for-message.ts';
import type { Normalised } from '../../diagnostics/finding.ts';
import { describeValue } from './describe-value.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `YYYY-MM-DD` (YAML leaves dates as strings with the core schema). */
export function parseDate(value: unknown, key: string): Normalised<string | null> {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  if (text === null) {
    return { value: null, findings: [{ rule: 'date-invalid', reason: `\`${key}\` must be a date written as YYYY-MM-DD, not ${describeValue(value)}.` }] };
  }
  const match = ISO_DATE.exec(text);
  if (!match) {
    return { value: null, findings: [{ rule: 'date-invalid', reason: `\`${key}\` is \`${shortenForMessage(text)}\`; write it as YYYY-MM-DD, for example 2026-11-27.` }] };
  }
  if (!isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return { value: null, findings: [{ rule: 'date-invalid', reason: `\`${key}\` is ${text}, which is not a real date; check the day and month.` }] };
  }
  return { value: text, findings: [] };
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` plus a number of days, in UTC so that time zones never shift it. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The `YYYY-MM-DD-` prefix of a file name, when it is a real date. */
export function dateFromFileName(name: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[-_ ]|\.|$)/.exec(name);
  if (!match) return null;
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
