// One phrase dictionary for reading location text: every phrase key that
// means something (a country, a state, a region, a remote mode, worldwide),
// so that the reader can take the longest match and `North America` is never
// read as `America`, nor `New Mexico` as `Mexico`.
import type { RemoteMode } from '../../posting.ts';
import { countryIndex } from './country-index.ts';
import { phraseKey } from './location-words.ts';
import { REGION_PHRASES, REMOTE_PHRASES, WORLDWIDE_PHRASES } from './location-vocabulary.ts';
import { NAMES_ONLY_AFTER_CITY, SUBDIVISIONS, type Subdivision } from './subdivisions.ts';

export type Meaning =
  /** `needsCapitals`: two-letter aliases (`US`, `UK`) only count in capitals, never `us`. */
  | { kind: 'country'; code: string; needsCapitals: boolean }
  | { kind: 'subdivision'; country: string; onlyAfterCity: boolean }
  /** A country and a state share the name (Georgia); the reader decides from context. */
  | { kind: 'country-or-state'; code: string; stateOf: string }
  | { kind: 'region' }
  | { kind: 'mode'; mode: RemoteMode }
  | { kind: 'worldwide' };

export interface LocationDictionary {
  phrases: ReadonlyMap<string, Meaning>;
  /** Longest phrase, in words: bounds the matcher's look-ahead. */
  maxWords: number;
  /** Postal abbreviation (`TX`, `ON`, `NSW`) → subdivision. */
  subdivisionCodes: ReadonlyMap<string, Subdivision>;
}

function buildDictionary(): LocationDictionary {
  const phrases = new Map<string, Meaning>();
  // Later entries win, so the order is the precedence: a region or remote
  // phrase beats a state, which beats a country of the same spelling.
  for (const [key, code] of countryIndex().english) {
    phrases.set(key, { kind: 'country', code, needsCapitals: key.length <= 2 });
  }
  const subdivisionCodes = new Map<string, Subdivision>();
  for (const subdivision of SUBDIVISIONS) {
    const key = phraseKey(subdivision.name);
    const existing = phrases.get(key);
    phrases.set(
      key,
      existing?.kind === 'country'
        ? { kind: 'country-or-state', code: existing.code, stateOf: subdivision.country }
        : { kind: 'subdivision', country: subdivision.country, onlyAfterCity: NAMES_ONLY_AFTER_CITY.has(key) },
    );
    if (subdivision.code) subdivisionCodes.set(subdivision.code, subdivision);
  }
  for (const region of REGION_PHRASES) phrases.set(phraseKey(region), { kind: 'region' });
  for (const phrase of WORLDWIDE_PHRASES) phrases.set(phraseKey(phrase), { kind: 'worldwide' });
  for (const [mode, list] of Object.entries(REMOTE_PHRASES) as Array<[RemoteMode, readonly string[]]>) {
    for (const phrase of list) phrases.set(phraseKey(phrase), { kind: 'mode', mode });
  }
  let maxWords = 1;
  for (const key of phrases.keys()) maxWords = Math.max(maxWords, key.split(' ').length);
  return { phrases, maxWords, subdivisionCodes };
}

let dictionary: LocationDictionary | undefined;

export function locationDictionary(): LocationDictionary {
  dictionary ??= buildDictionary();
  return dictionary;
}
