// A salary as a yearly range, so that an hourly contract and a monthly wage
// can be held against one minimum. Full-time conventions: 2080 hours
// (40 × 52), 260 working days (5 × 52), 52 weeks, 12 months.
import type { Salary } from '../../posting.ts';
import { PERIODS_PER_YEAR } from '../../normalise/salary/index.ts';

export { PERIODS_PER_YEAR };

export interface YearlySalary {
  min: number;
  max: number;
  currency: string;
}

/** Whole units of the salary's own currency per year, or null when the record cannot be compared. */
export function yearlySalary(salary: Salary | null): YearlySalary | null {
  if (salary === null || typeof salary !== 'object') return null;
  if (!Object.hasOwn(PERIODS_PER_YEAR, salary.period)) return null;
  const factor = PERIODS_PER_YEAR[salary.period];
  const { min, max, currency } = salary;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return null;
  if (!isAmount(min) || !isAmount(max) || min > max) return null;
  return { min: Math.round(min * factor), max: Math.round(max * factor), currency };
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
