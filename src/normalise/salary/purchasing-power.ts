// What a salary figure buys where it is paid: local currency units per
// international dollar (purchasing-power parity). Pay follows local prices
// far more closely than exchange rates: ₹15,00,000 is an ordinary yearly
// salary in India but, at the exchange rate, only ~$18,000, the size of a
// good monthly salary in the US. Judging an unstated period by exchange rate
// read such Indian, Philippine or Brazilian yearly figures as monthly and
// monthly ones as daily; by purchasing power they fall where their own
// market puts them.
//
// Values: the World Bank's "PPP conversion factor, GDP (LCU per international
// $)" around 2023, rounded to two significant figures. Period inference only
// needs them within a factor of ~2 (a month's pay is 12 times a year's, a
// day's ~20 times less than a month's), so the table needs no upkeep until a
// currency moves that far. Currencies whose prices move that far within a
// year or two (ARS, VES, NGN, EGP, LBP, TRY …) are left out on purpose: for
// them, and for any currency not listed, callers use the exchange rate.

const UNITS_PER_INTERNATIONAL_DOLLAR: ReadonlyMap<string, number> = new Map([
  // Prices near or above the US's: their exchange rate says much the same.
  ['USD', 1],
  ['AUD', 1.4],
  ['CAD', 1.2],
  ['CHF', 1.1],
  ['DKK', 6.4],
  ['EUR', 0.7],
  ['GBP', 0.68],
  ['HKD', 5.6],
  ['ILS', 3.7],
  ['ISK', 140],
  ['JPY', 95],
  ['NOK', 9.8],
  ['NZD', 1.4],
  ['SEK', 8.5],
  ['SGD', 0.83],
  // Prices well below the US's.
  ['AED', 2.5],
  ['BDT', 32],
  ['BGN', 0.75],
  ['BRL', 2.5],
  ['CLP', 440],
  ['CNY', 3.6],
  ['COP', 1400],
  ['CZK', 13],
  ['GEL', 1],
  ['HUF', 170],
  ['IDR', 4800],
  ['INR', 21],
  ['KES', 46],
  ['KRW', 830],
  ['KZT', 170],
  ['LKR', 120],
  ['MAD', 4.1],
  ['MXN', 10],
  ['MYR', 1.6],
  ['NPR', 38],
  ['PEN', 1.8],
  ['PHP', 20],
  ['PKR', 66],
  ['PLN', 1.9],
  ['RON', 1.9],
  ['RSD', 44],
  ['SAR', 1.7],
  ['THB', 12],
  ['TWD', 13],
  ['UAH', 9],
  ['VND', 7500],
  ['ZAR', 7.2],
]);

/** Units of `currency` that buy what a US dollar buys in the US, approximately; null when not listed. */
export function unitsPerInternationalDollar(currency: string): number | null {
  return UNITS_PER_INTERNATIONAL_DOLLAR.get(currency) ?? null;
}
