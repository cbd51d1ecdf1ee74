// Writes a salary for people: `£95,000 – £150,000 a year`, `$45.50 an hour`.
// Figures follow the locale's currency format; the period is always English
// words, like the rest of the page.
import type { Salary, SalaryPeriod } from '../posting.ts';

const PERIOD_WORDS: Readonly<Record<SalaryPeriod, string>> = {
  hour: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
};

const DEFAULT_LOCALE = 'en';

export function formatSalary(salary: Salary, locale?: string): string {
  // Cents are shown only when a figure has them (`$45.50 an hour`), on both ends alike.
  const cents = !Number.isInteger(salary.min) || !Number.isInteger(salary.max);
  const money = moneyFormat(locale ?? DEFAULT_LOCALE, salary.currency, cents ? 2 : 0);
  const figures = salary.min === salary.max ? money(salary.max) : `${money(salary.min)} – ${money(salary.max)}`;
  return `${figures} ${PERIOD_WORDS[salary.period] ?? `per ${salary.period}`}`;
}

// Making an Intl.NumberFormat costs far more than using one, and a board formats thousands of salaries in a few currencies.
const moneyFormats = new Map<string, (figure: number) => string>();

function moneyFormat(locale: string, currency: string, fractionDigits: number): (figure: number) => string {
  const key = `${locale}\u0000${currency}\u0000${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = makeMoneyFormat(locale, currency, fractionDigits);
    moneyFormats.set(key, format);
  }
  return format;
}

function makeMoneyFormat(locale: string, currency: string, fractionDigits: number): (figure: number) => string {
  const digits = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  for (const tryLocale of [locale, DEFAULT_LOCALE]) {
    try {
      const format = new Intl.NumberFormat(tryLocale, { style: 'currency', currency, ...digits });
      return (figure) => format.format(figure);
    } catch {
      // An unknown locale falls back to English; an invalid currency code to the plain number below.
    }
  }
  const plain = new Intl.NumberFormat(DEFAULT_LOCALE, digits);
  return (figure) => `${currency} ${plain.format(figure)}`;
}
