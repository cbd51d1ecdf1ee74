// How big a salary figure is, comparably across currencies: enough to infer
// an unstated period (by purchasing power where purchasing-power.ts lists
// the currency, else by exchange rate) and to refuse absurd figures.
// Exchange rates are kept as half-decade buckets (1, 3, 10, 30, ...) of units
// per US dollar: coarse on purpose, so ordinary rate movements never change a
// bucket and the table needs no upkeep. Only the order of magnitude matters.
import type { SalaryPeriod } from '../../posting.ts';
import { unitsPerInternationalDollar } from './purchasing-power.ts';

// Units per USD, to the nearest half decade (mid-2020s rates). A currency
// missing here and in purchasing-power.ts has no known scale: its period is
// inferred as if it were dollar-sized and it is never called absurd for its size.
const UNITS_PER_USD_BUCKETS: ReadonlyArray<readonly [number, string]> = [
  [0.3, 'BHD KWD OMR'],
  [1, 'AUD AZN BMD BND BSD CAD CHF CUC EUR FKP GBP GIP JOD KYD NZD PAB SGD SHP USD XDR XSU'],
  [3, 'AED ANG AWG BAM BBD BGN BRL BYN BZD FJD GEL ILS LYD MYR PEN PGK PLN QAR RON SAR TMT TND TOP WST XCD XCG'],
  [10, 'BOB BWP CNY DKK ERN GHS GTQ HKD LSL MAD MOP MVR MXN NAD NOK SBD SCR SEK SVC SZL TJS TTD ZAR ZWG'],
  [30, 'CUP CZK EGP HNL HRK MDL MRU NIO SLE SRD STN THB TRY TWD UAH UYU VES'],
  [100, 'AFN ALL BDT BTN CVE DOP DZD ETB GMD HTG INR ISK JMD JPY KES KGS MKD NPR PHP RSD RUB VUV XPF'],
  [300, 'AMD CRC DJF GYD HUF KMF KZT LKR LRD PKR SDG SOS XAF XOF YER ZWL'],
  [1000, 'AOA ARS CLP IQD KPW KRW MWK NGN RWF MMK'],
  [3000, 'BIF CDF COP KHR MGA MNT SSP TZS UGX'],
  [10000, 'GNF IDR PYG SYP UZS'],
  [30000, 'IRR LAK SLL VND'],
  [100000, 'LBP'],
];

const UNITS_PER_USD: ReadonlyMap<string, number> = new Map(
  UNITS_PER_USD_BUCKETS.flatMap(([units, codes]) => codes.split(' ').map((code) => [code, units] as const)),
);

/** Approximate units of `currency` per US dollar, or null when unknown. */
export function unitsPerUsd(currency: string): number | null {
  return UNITS_PER_USD.get(currency) ?? null;
}

/** Paid periods in a full-time year, to compare figures across periods. */
export const PERIODS_PER_YEAR: Readonly<Record<SalaryPeriod, number>> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

// Upper bounds of each inferred period, in dollars of US purchasing power:
// contractors' hourly rates stay under $300, day rates under $2,000, monthly
// pay under $20,000.
const INFERENCE_CEILINGS: ReadonlyArray<readonly [number, SalaryPeriod]> = [
  [300, 'hour'],
  [2000, 'day'],
  [20000, 'month'],
];

/** The period a figure most likely is, judged by what it buys where it is paid (purchasing-power.ts). */
export function inferPeriod(figure: number, currency: string): SalaryPeriod {
  const dollars = figure / (unitsPerInternationalDollar(currency) ?? unitsPerUsd(currency) ?? 1);
  return INFERENCE_CEILINGS.find(([ceiling]) => dollars < ceiling)?.[1] ?? 'year';
}

// A full-time year outside $100 – $10,000,000 is a typo, a wrong period or a
// wrong currency; publishing it would mislead more than publishing nothing.
const YEARLY_FLOOR_USD = 100;
const YEARLY_CEILING_USD = 10_000_000;

/** Why a figure cannot be a real salary for this period, or null when it can be. */
export function implausibility(figure: number, currency: string, period: SalaryPeriod): 'too-small' | 'too-large' | null {
  if (!Number.isFinite(figure)) return 'too-large';
  if (figure <= 0) return 'too-small';
  const units = unitsPerUsd(currency);
  if (units === null) return null;
  const yearlyDollars = (figure * PERIODS_PER_YEAR[period]) / units;
  if (yearlyDollars < YEARLY_FLOOR_USD) return 'too-small';
  if (yearlyDollars > YEARLY_CEILING_USD) return 'too-large';
  return null;
}
