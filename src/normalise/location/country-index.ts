// Look-up tables over i18n-iso-countries: every English name and alias the
// package knows, our extra aliases, and (for single `country` values only)
// the names in the package's other languages when they are unambiguous.
// Each is built once, on first use, so that importing the module stays cheap.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { COUNTRY_ALIASES } from './country-aliases.ts';
import { phraseKey } from './location-words.ts';

// The package's Node entry registers every locale itself; registering English
// again is harmless and keeps us working if that ever changes.
countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));

export interface CountryIndex {
  /** Phrase key → alpha-2, English names, package aliases and our aliases. */
  english: ReadonlyMap<string, string>;
  /** Every valid alpha-2 code. */
  alpha2: ReadonlySet<string>;
}

/** Shorter spellings of a package name: without `(…)`, and `X, Republic of` turned round. */
function nameVariants(name: string): string[] {
  const variants = [name];
  const withoutParentheses = name.replace(/\s*\([^)]*\)/g, '').trim();
  if (withoutParentheses !== name) variants.push(withoutParentheses);
  const comma = withoutParentheses.match(/^([^,]+),\s*(.+)$/);
  if (comma?.[1] && comma[2]) {
    variants.push(`${comma[2]} ${comma[1]}`, comma[1]);
  }
  return variants;
}

/** Phrase key without a leading or trailing `the` (`the Netherlands`, `Gambia, The`). */
export function countryKey(name: string): string {
  return phraseKey(name).replace(/^the /, '').replace(/ the$/, '');
}

function addName(table: Map<string, Set<string>>, name: string, code: string): void {
  const key = countryKey(name);
  if (key === '') return;
  const codes = table.get(key) ?? new Set<string>();
  codes.add(code);
  table.set(key, codes);
}

function unambiguous(table: Map<string, Set<string>>): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, codes] of table) {
    const [only] = codes;
    if (codes.size === 1 && only) result.set(key, only);
  }
  return result;
}

function buildIndex(): CountryIndex {
  const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));

  const englishNames = new Map<string, Set<string>>();
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) for (const variant of nameVariants(name)) addName(englishNames, variant, code);
  }
  const english = unambiguous(englishNames);
  // Our aliases settle what the package leaves ambiguous (`Congo`).
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    if (alpha2.has(code)) english.set(countryKey(alias), code);
  }

  return { english, alpha2 };
}

/** Phrase key → alpha-2 from the package's other languages, unambiguous only. */
function buildForeignNames(english: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map<string, Set<string>>();
  for (const lang of countries.langs()) {
    if (lang === 'en') continue;
    for (const [code, localNames] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of localNames) addName(names, name, code);
    }
  }
  const foreign = new Map<string, string>();
  for (const [key, code] of unambiguous(names)) {
    // Short Latin-script foreign names are too often English words or
    // abbreviations (`my`, `pole`, `mena`); short names in other scripts (日本) are not.
    const tooShort = key.length < 5 && /^[a-z0-9 ]*$/.test(key);
    if (!tooShort && !english.has(key)) foreign.set(key, code);
  }
  return foreign;
}

let index: CountryIndex | undefined;
let foreignNames: Map<string, string> | undefined;

export function countryIndex(): CountryIndex {
  index ??= buildIndex();
  return index;
}

/** Built apart and only when an English look-up fails: it reads every locale. */
export function foreignCountryNames(): ReadonlyMap<string, string> {
  foreignNames ??= buildForeignNames(countryIndex().english);
  return foreignNames;
}

export function isAlpha2(code: string): boolean {
  return countryIndex().alpha2.has(code);
}

/** Alpha-2 for an alpha-2 or alpha-3 code in any case, else null. */
export function codeToAlpha2(code: string): string | null {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(upper)) return null;
  if (upper.length === 2) return isAlpha2(upper) ? upper : null;
  return countries.alpha3ToAlpha2(upper) ?? null;
}

export function englishName(alpha2: string): string | undefined {
  return countries.getName(alpha2, 'en');
}
