// The salary as the editor wrote it, for display when no figure can be read
// and for `Salary.text`: text as given, a number or mapping rendered readably.
import { isSalaryMap, salaryMapRoles } from './read-salary-map.ts';
import { readPeriodName } from './periods.ts';

const PART_LIMIT = 100;

/** The editor's salary as one line of text, or null when there is none (or it is no salary-shaped value). */
export function salaryText(input: unknown): string | null {
  if (typeof input === 'string') return input.trim() === '' ? null : input.trim();
  if (typeof input === 'number') return Number.isFinite(input) ? String(input) : null;
  if (typeof input === 'bigint') return String(input);
  if (isSalaryMap(input)) return mapText(input, 0);
  return null;
}

function mapText(input: object, depth: number): string | null {
  const roles = salaryMapRoles(input);
  const text = roles.get('text');
  if (typeof text === 'string' && text.trim() !== '') return text.trim();
  const value = roles.get('value');
  // schema.org MonetaryAmount: figures and unit one level down, currency outside.
  const inner = depth === 0 && isSalaryMap(value) ? salaryMapRoles(value) : null;
  const figureRoles = inner ?? roles;
  const min = part(figureRoles.get('min'));
  const max = part(figureRoles.get('max'));
  const single = part(figureRoles.get('value'));
  const figures = min !== null && max !== null ? `${min} – ${max}` : min !== null ? `from ${min}` : max !== null ? `up to ${max}` : single;
  if (figures === null) return null;
  const currency = part(roles.get('currency')) ?? part(inner?.get('currency'));
  const periodWritten = part(inner?.get('period')) ?? part(roles.get('period'));
  const period = periodWritten === null ? null : readPeriodName(periodWritten) ?? periodWritten;
  return [figures, currency, period === null ? null : `per ${period}`].filter((piece) => piece !== null).join(' ');
}

function part(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed.slice(0, PART_LIMIT);
}
