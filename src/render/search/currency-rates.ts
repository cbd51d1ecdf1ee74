// The dated exchange-rate table the minimum-salary filter converts with. It
// ships in the repository (currency-rates.json) and is never fetched, so two
// builds of the same content agree; replace the figures and the date together.
import { readFileSync } from 'node:fs';

export interface CurrencyRates {
  /** `YYYY-MM-DD`: the day the rates were published. */
  date: string;
  source: string;
  /** ISO 4217 code every rate is quoted against. */
  base: string;
  /** Units of each currency that one unit of `base` buys; the base itself is 1. */
  rates: ReadonlyMap<string, number>;
}

const CODE = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The table shipped beside this module; throws when it has been edited into something unusable. */
export function loadCurrencyRates(): CurrencyRates {
  const text = readFileSync(new URL('./currency-rates.json', import.meta.url), 'utf8');
  return parseCurrencyRates(JSON.parse(text) as unknown);
}

export function parseCurrencyRates(value: unknown): CurrencyRates {
  const table = (value ?? {}) as { date?: unknown; source?: unknown; base?: unknown; rates?: unknown };
  if (typeof table.date !== 'string' || !DATE.test(table.date)) throw new Error('The currency rates table needs a `date` in YYYY-MM-DD form.');
  if (typeof table.base !== 'string' || !CODE.test(table.base)) throw new Error('The currency rates table needs a `base` ISO 4217 code.');
  if (typeof table.rates !== 'object' || table.rates === null || Array.isArray(table.rates)) {
    throw new Error('The currency rates table needs `rates`, a map from ISO 4217 codes to numbers.');
  }
  const rates = new Map<string, number>();
  for (const [code, rate] of Object.entries(table.rates as Record<string, unknown>)) {
    if (!CODE.test(code) || typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      throw new Error(`The currency rates table has an unusable rate for ${JSON.stringify(code)}: ${JSON.stringify(rate)}.`);
    }
    rates.set(code, rate);
  }
  if (rates.get(table.base) !== 1) throw new Error(`The currency rates table must rate its base ${table.base} at 1.`);
  return { date: table.date, source: typeof table.source === 'string' ? table.source : '', base: table.base, rates };
}
