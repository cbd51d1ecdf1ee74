// Reads one country value (name, alias, endonym, ISO alpha-2 or alpha-3) as
// an alpha-2 code, and finds the nearest country name for "did you mean".
import { distance } from 'fastest-levenshtein';
import { codeToAlpha2, countryIndex, countryKey, foreignCountryNames } from './country-index.ts';
import { countryName } from './country-name.ts';
import { closeDottedAbbreviations } from './location-words.ts';

// No country name is longer than ~50 characters; longer values are not one.
const MAX_VALUE_LENGTH = 120;

export function resolveCountry(value: string): string | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return null;
  const bare = closeDottedAbbreviations(value.trim()).replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  if (/^[A-Za-z]{2,3}$/.test(bare)) {
    const code = codeToAlpha2(bare);
    if (code) return code;
  }
  const key = countryKey(value);
  if (key === '') return null;
  return countryIndex().english.get(key) ?? foreignCountryNames().get(key) ?? null;
}

function allowedDistance(length: number): number {
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

/** The display name of the country closest in spelling to `value`, or null if none is close. */
export function suggestCountry(value: string): string | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) return null;
  const exact = resolveCountry(value);
  if (exact) return countryName(exact);
  const key = countryKey(value);
  if (key.length < 3) return null;
  const limit = allowedDistance(key.length);
  let best: { code: string; distance: number } | null = null;
  for (const [candidate, code] of countryIndex().english) {
    // Two-letter aliases (`us`, `uk`) are near almost every short typo.
    if (candidate.length < 4 || Math.abs(candidate.length - key.length) > limit) continue;
    const d = distance(key, candidate);
    if (d <= limit && (best === null || d < best.distance)) best = { code, distance: d };
  }
  return best ? countryName(best.code) : null;
}
