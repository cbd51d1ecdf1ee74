// Which currency a code, symbol or word in salary text names. ISO 4217 codes
// come from the runtime's ICU data; symbols are read off Intl's own currency
// formatting in a spread of locales, so anything Intl prints (`CA$`, `$US`,
// `CN¥`, `₹`) reads back, plus the few spellings editors use that Intl never
// prints (`kr`, `Rs`, `Fr.`, `R`). Ambiguous symbols (`$`, `kr`, `¥`) keep all
// their readings and are narrowed by the posting's countries later.

/** One way of writing a currency, with every currency it can stand for. */
export interface CurrencySign {
  /** Currencies it can stand for, ISO 4217, sorted. */
  candidates: readonly string[];
  /** The reading when nothing narrows it (`$` → USD); null when no reading is safe (`kr`). */
  fallback: string | null;
}

/**
 * What lakhs and crores (`12-18 LPA`, `15 lakh`) say about an unmarked figure:
 * they count money in South Asia, and in India's far more than anywhere else.
 * Read like a sign, so the posting's country picks among them.
 */
export const LAKH_CURRENCIES: CurrencySign = { candidates: ['BDT', 'INR', 'LKR', 'NPR', 'PKR'], fallback: 'INR' };

const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isIsoCurrency(code: string): boolean {
  return ISO_CODES.has(code);
}

// Locales whose symbols editors paste most; narrow symbols come from `en`
// because CLDR's narrow forms barely vary by locale.
const SYMBOL_LOCALES = ['en', 'en-GB', 'en-IN', 'de', 'de-CH', 'fr', 'fr-CH', 'fr-CA', 'es', 'pt-BR', 'nl', 'da', 'sv', 'ja', 'zh', 'ru'];

// Readings Intl lacks or gets wrong for job ads: `C$` is Canadian in English
// postings (Intl says Nicaraguan córdoba), `р.` is roubles in Russian text,
// `£` is Egypt's pound too. (`₨` needs no entry: NFKC turns it into `Rs`.)
const EXTRA_SIGNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['US$', ['USD']],
  ['U$S', ['USD']],
  ['C$', ['CAD']],
  ['S$', ['SGD']],
  ['AU$', ['AUD']],
  ['NZ$', ['NZD']],
  ['Rs.', ['INR', 'LKR', 'MUR', 'NPR', 'PKR']],
  ['kr.', ['DKK', 'ISK', 'NOK', 'SEK']],
  ['Kr.', ['DKK', 'ISK', 'NOK', 'SEK']],
  ['Fr.', ['CHF']],
  ['SFr.', ['CHF']],
  ['sFr.', ['CHF']],
  ['р.', ['BYN', 'RUB']],
  ['руб.', ['RUB']],
  ['円', ['JPY']],
  ['원', ['KRW']],
  ['€', ['EUR']],
  ['£', ['EGP']],
];

// Where one reading dominates job ads so strongly that refusing would be
// pedantic. Symbols missing here (`kr`, `Rs`) have no safe default.
const FALLBACKS: Readonly<Record<string, string>> = {
  '$': 'USD',
  '¥': 'JPY',
  '£': 'GBP',
  '₩': 'KRW',
  '₱': 'PHP',
  'C$': 'CAD',
  'р.': 'RUB',
};

// Symbols made only of ASCII letters are read as whole words, never inside
// other words, and only these: the rest Intl prints (`P`, `Q`, `K`, `L`, `Db`)
// would match ordinary words and multipliers.
const WORD_SIGNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['kr', ['DKK', 'ISK', 'NOK', 'SEK']],
  ['Kr', ['DKK', 'ISK', 'NOK', 'SEK']],
  ['Dkr', ['DKK']],
  ['DKr', ['DKK']],
  ['Skr', ['SEK']],
  ['SKr', ['SEK']],
  ['Nkr', ['NOK']],
  ['NKr', ['NOK']],
  ['Ikr', ['ISK']],
  ['KR', ['DKK', 'ISK', 'NOK', 'SEK']],
  ['Rs', ['INR', 'LKR', 'MUR', 'NPR', 'PKR']],
  ['RS', ['INR', 'LKR', 'MUR', 'NPR', 'PKR']],
  ['Fr', ['CHF']],
  ['SFr', ['CHF']],
  ['zl', ['PLN']],
  ['RM', ['MYR']],
  ['Rp', ['IDR']],
  ['Ft', ['HUF']],
  ['lei', ['RON']],
  ['FCFA', ['XAF', 'XOF']],
  ['R', ['ZAR']],
];

// Currency names and unofficial codes, matched case-insensitively as words.
const CURRENCY_WORDS: ReadonlyArray<readonly [readonly string[], readonly string[], string | null]> = [
  [['euro', 'euros'], ['EUR'], null],
  [['dollar', 'dollars'], [], '$'],
  [['pound', 'pounds', 'sterling', 'quid'], [], '£'],
  [['yen'], ['JPY'], null],
  [['yuan', 'renminbi', 'rmb'], ['CNY'], null],
  [['ntd'], ['TWD'], null],
  [['rupee', 'rupees'], ['INR', 'LKR', 'MUR', 'NPR', 'PKR'], null],
  [['krone', 'kroner', 'kronor', 'krona', 'kronur'], ['DKK', 'ISK', 'NOK', 'SEK'], null],
  [['zloty', 'złoty', 'złotych', 'zł'], ['PLN'], null],
  [['reais'], ['BRL'], null],
  [['rand'], ['ZAR'], null],
  [['forint'], ['HUF'], null],
  [['franken'], ['CHF'], null],
];

let signTable: Map<string, CurrencySign> | null = null;
let longestSign = 0;

function buildSignTable(): Map<string, CurrencySign> {
  const readings = new Map<string, Set<string>>();
  const add = (written: string, code: string): void => {
    // Salary text is NFKC-normalised before scanning, so symbols must be too.
    const sign = written.normalize('NFKC').trim();
    if (sign === '' || sign === code) return;
    // Pure-ASCII-letter symbols would match ordinary words; see WORD_SIGNS.
    if (/^[A-Za-z]+$/.test(sign)) return;
    let set = readings.get(sign);
    if (!set) readings.set(sign, (set = new Set()));
    set.add(code);
  };
  const currencyPart = (locale: string, code: string, display: 'symbol' | 'narrowSymbol'): string =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: display })
      .formatToParts(1)
      .find((part) => part.type === 'currency')?.value ?? '';
  for (const code of ISO_CODES) {
    for (const locale of SYMBOL_LOCALES) add(currencyPart(locale, code, 'symbol'), code);
    add(currencyPart('en', code, 'narrowSymbol'), code);
  }
  for (const [sign, codes] of EXTRA_SIGNS) for (const code of codes) add(sign, code);
  addCountryDollars(readings);
  const table = new Map<string, CurrencySign>();
  for (const [sign, codes] of readings) {
    table.set(sign, { candidates: [...codes].sort(), fallback: FALLBACKS[sign] ?? null });
    longestSign = Math.max(longestSign, sign.length);
  }
  return table;
}

/**
 * `BR$`, `$AR`, `CO$`: a dollar or peso sign with a country prefix or suffix
 * that no locale above prints. ISO 4217 codes begin with the country code,
 * so the prefix names the currency when one code (or one `$` currency) has it.
 */
function addCountryDollars(readings: Map<string, Set<string>>): void {
  const dollars = readings.get('$') ?? new Set<string>();
  const byCountry = new Map<string, string[]>();
  for (const code of ISO_CODES) {
    const country = code.slice(0, 2);
    byCountry.set(country, [...(byCountry.get(country) ?? []), code]);
  }
  for (const [country, codes] of byCountry) {
    const dollar = codes.filter((code) => dollars.has(code));
    const [code] = codes.length === 1 ? codes : dollar.length === 1 ? dollar : [];
    if (code === undefined) continue;
    for (const sign of [`${country}$`, `$${country}`]) if (!readings.has(sign)) readings.set(sign, new Set([code]));
  }
}

function signs(): Map<string, CurrencySign> {
  signTable ??= buildSignTable();
  return signTable;
}

const LATIN_OR_CYRILLIC_WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;

/**
 * The longest currency symbol starting at `index` (`R$` before `$`), or null.
 * A symbol that begins or ends with a letter must not run into a neighbouring
 * word, so `kr.` is found in `982.000 kr.` but not in `Bankr.`.
 */
export function signAt(text: string, index: number): { sign: string; reading: CurrencySign } | null {
  const table = signs();
  for (let length = Math.min(longestSign, text.length - index); length > 0; length--) {
    const sign = text.slice(index, index + length);
    const reading = table.get(sign);
    if (!reading) continue;
    const first = sign.charAt(0);
    const last = sign.charAt(sign.length - 1);
    const before = text.charAt(index - 1);
    const after = text.charAt(index + length);
    if (LATIN_OR_CYRILLIC_WORD.test(first) && before !== '' && /\p{L}/u.test(before)) continue;
    if (LATIN_OR_CYRILLIC_WORD.test(last) && after !== '' && /\p{L}/u.test(after)) continue;
    return { sign, reading };
  }
  return null;
}

/**
 * A whole word naming a currency, or null. `symbol` tells a symbol spelt in
 * letters (`kr`, `Rs`, `R`), which only counts beside a figure, from a name
 * (`euros`, `dollars`). Codes are handled by `codeReading`.
 */
export function wordReading(word: string): { reading: CurrencySign; symbol: boolean } | null {
  for (const [sign, codes] of WORD_SIGNS) {
    if (sign === word) return { reading: { candidates: codes, fallback: null }, symbol: true };
  }
  const lower = word.toLowerCase();
  for (const [names, codes, sameAsSign] of CURRENCY_WORDS) {
    if (!names.includes(lower)) continue;
    const reading = sameAsSign === null ? { candidates: codes, fallback: null } : signs().get(sameAsSign);
    return reading ? { reading, symbol: false } : null;
  }
  return null;
}

/** An ISO 4217 code, any case (`usd`), as a reading; null when it is not one. */
export function codeReading(word: string): CurrencySign | null {
  const code = word.toUpperCase();
  return /^[A-Z]{3}$/.test(code) && ISO_CODES.has(code) ? { candidates: [code], fallback: null } : null;
}

/**
 * Reads a front-matter `currency:` value: a code in any case, a symbol or a
 * currency word. Returns the reading, or null when it names no currency.
 */
export function readCurrencyName(value: string): CurrencySign | null {
  const text = value.normalize('NFKC').trim();
  if (text === '') return null;
  const code = codeReading(text);
  if (code) return code;
  const sign = signs().get(text);
  if (sign) return sign;
  const word = wordReading(text);
  if (word) return word.reading;
  const named = englishNames().get(text.toLowerCase().replace(/s$/, ''));
  return named === undefined ? null : { candidates: [named], fallback: null };
}

let nameTable: Map<string, string> | null = null;

// `currency: US Dollar`, `currency: Swiss francs`: Intl knows every currency's English name.
function englishNames(): Map<string, string> {
  if (nameTable) return nameTable;
  const names = new Intl.DisplayNames('en', { type: 'currency' });
  nameTable = new Map();
  for (const code of ISO_CODES) {
    const name = names.of(code);
    if (name !== undefined) nameTable.set(name.toLowerCase().replace(/s$/, ''), code);
  }
  return nameTable;
}

export interface CurrencyContext {
  /** A currency the posting states elsewhere (front-matter `currency:`), already an ISO code. */
  currency: string | null;
  /** ISO 3166-1 alpha-2 codes of the posting, upper-case. */
  countries: readonly string[];
}

/**
 * Picks the one currency a reading means in this posting, or null when it
 * stays ambiguous. ISO 4217 codes start with the issuing country's alpha-2
 * code (CAD, DKK, CNY), which is what ties `$` in Canada to CAD without a
 * country-to-currency table.
 */
export function resolveReading(reading: CurrencySign, context: CurrencyContext): string | null {
  const [only] = reading.candidates;
  if (reading.candidates.length === 1 && only !== undefined) return only;
  if (context.currency !== null && reading.candidates.includes(context.currency)) return context.currency;
  const local = reading.candidates.filter((code) => context.countries.includes(code.slice(0, 2)));
  const [onlyLocal] = local;
  if (local.length === 1 && onlyLocal !== undefined) return onlyLocal;
  if (reading.fallback !== null && (local.length === 0 || local.includes(reading.fallback))) return reading.fallback;
  return null;
}
