import { describe, expect, it } from 'vitest';
import type { Salary } from '../../src/posting.ts';
import { formatSalary } from '../../src/render/format-salary.ts';

const salary = (min: number, max: number, currency: string, period: Salary['period']): Salary => ({ min, max, currency, period, text: '' });

describe('formatSalary', () => {
  it.each<[Salary, string | undefined, string]>([
    [salary(95000, 150000, 'GBP', 'year'), undefined, '£95,000 – £150,000 a year'],
    [salary(45, 45, 'USD', 'hour'), undefined, '$45 an hour'],
    [salary(45.5, 45.5, 'USD', 'hour'), undefined, '$45.50 an hour'],
    [salary(45, 52.5, 'USD', 'hour'), undefined, '$45.00 – $52.50 an hour'],
    [salary(1800000, 2500000, 'INR', 'year'), undefined, '₹1,800,000 – ₹2,500,000 a year'],
    [salary(1800000, 2500000, 'INR', 'year'), 'en-IN', '₹18,00,000 – ₹25,00,000 a year'],
    [salary(500, 500, 'EUR', 'day'), undefined, '€500 a day'],
    [salary(2000, 2500, 'USD', 'week'), 'en-US', '$2,000 – $2,500 a week'],
    [salary(4500, 4500, 'EUR', 'month'), 'de-DE', '4.500\u00a0€ a month'],
    [salary(8000000, 8000000, 'JPY', 'year'), undefined, '¥8,000,000 a year'],
    [salary(120000, 140000, 'CHF', 'year'), 'de-CH', "CHF\u00a0120'000 – CHF\u00a0140'000 a year"],
    [salary(120000, 160000, 'CAD', 'year'), undefined, 'CA$120,000 – CA$160,000 a year'],
    [salary(982000, 1427000, 'DKK', 'year'), undefined, 'DKK\u00a0982,000 – DKK\u00a01,427,000 a year'],
  ])('%j in %s → %s', (input, locale, expected) => {
    expect(formatSalary(input, locale)).toBe(expected);
  });

  it('falls back to English for a locale Intl rejects', () => {
    expect(formatSalary(salary(95000, 150000, 'GBP', 'year'), 'not a locale!')).toBe('£95,000 – £150,000 a year');
  });

  it('still writes the figures when the currency code is invalid', () => {
    expect(formatSalary(salary(95000, 95000, 'X1', 'year'))).toBe('X1 95,000 a year');
  });

  it('is deterministic', () => {
    const input = salary(57582.12, 106345.1, 'USD', 'year');
    expect(formatSalary(input)).toBe('$57,582.12 – $106,345.10 a year');
    expect(formatSalary(input)).toBe(formatSalary({ ...input }));
  });
});
