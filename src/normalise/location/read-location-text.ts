// Reads countries, "worldwide" and the remote mode from free location text
// (`Remote - US`, `Oakland, CA`, `Berlin, Germany (Hybrid)`) the way a careful
// reader would: longest phrase first, two-letter codes only where their place
// makes them codes, regions (`EMEA`) never guessed into countries, and bare
// cities (`Paris`) never guessed at all — the caller asks for `country:`.
import type { RemoteMode } from '../../posting.ts';
import { codeToAlpha2 } from './country-index.ts';
import { locationDictionary, type Meaning } from './location-dictionary.ts';
import { EXCLUDING_WORDS, FILLER_WORDS, NARROWING_WORDS } from './location-vocabulary.ts';
import { closeDottedAbbreviations, splitWords, type LocationWord } from './location-words.ts';
import { isCityOf } from './cities-of-clashing-countries.ts';
import type { Subdivision } from './subdivisions.ts';

export interface LocationReading {
  countries: string[];
  worldwide: boolean;
  remote: RemoteMode | null;
}

export interface DetailedLocationReading extends LocationReading {
  /** Regions named (`emea`, `north america`): places, but no single country. */
  regions: string[];
}

// Location text is a line, not an essay: what matters is in its first words.
const MAX_TEXT_LENGTH = 1000;

// Strong separators end a segment. A hyphen only separates with a space next
// to it, so that `Guinea-Bissau` and `on-site` stay whole. `or` separates
// (no country name contains it); `and` does not (`Bosnia and Herzegovina`).
const SEPARATOR = /(\s+-+\s*|\s*-+\s+|[–—]+|[,;|/\\()[\]{}<>:•·+!?"“”\n\r\t]|\.(?=\s|$)|\s+or\s+)/iu;

const hasDigit = (word: LocationWord): boolean => /\p{N}/u.test(word.key);

interface Match {
  meaning: Meaning;
  start: number;
  end: number;
}

interface Segment {
  words: LocationWord[];
  /** What came before the segment: `,`, `/`, ` or `…; undefined for the first. */
  separator: string | undefined;
  matches: Match[];
}

const openedByComma = (segment: Segment | undefined): boolean => segment?.separator === ',';

/** What the segment after `City,` says: a postal code or a state name. */
type StateReading =
  | { by: 'code'; subdivision: Subdivision; iso: string | null }
  | { by: 'name'; meaning: Meaning };

function truncate(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  // Drop the word cut in half, so `Indiana` never becomes `India`.
  return text.slice(0, MAX_TEXT_LENGTH).replace(/[\p{L}\p{M}\p{N}'’]+$/u, '');
}

function matchPhrases(words: readonly LocationWord[]): Match[] {
  const { phrases, maxWords } = locationDictionary();
  const matches: Match[] = [];
  let start = 0;
  while (start < words.length) {
    let matched = false;
    for (let length = Math.min(maxWords, words.length - start); length >= 1; length--) {
      const slice = words.slice(start, start + length);
      const meaning = phrases.get(slice.map((word) => word.key).join(' '));
      if (!meaning) continue;
      if (meaning.kind === 'country' && meaning.needsCapitals && !slice.every((word) => word.upper)) continue;
      matches.push({ meaning, start, end: start + length });
      start += length;
      matched = true;
      break;
    }
    if (!matched) start++;
  }
  return matches;
}

/** `TX and remote`: a leading postal code is cut from the rest, so that `Austin, TX` still pairs. */
function cutLeadingCode(words: LocationWord[]): LocationWord[][] {
  const [first] = words;
  if (!first?.upper || !locationDictionary().subdivisionCodes.has(first.raw)) return [words];
  let next = 1;
  while (words[next] && hasDigit(words[next] as LocationWord)) next++;
  if (words[next]?.key !== 'and') return [words];
  return [words.slice(0, next), words.slice(next + 1)];
}

function splitSegments(text: string): Segment[] {
  const parts = closeDottedAbbreviations(text).split(SEPARATOR);
  const segments: Segment[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const separator = parts[i - 1];
    cutLeadingCode(splitWords(parts[i] ?? '')).forEach((words, piece) => {
      if (words.length === 0) return;
      segments.push({ words, separator: piece === 0 ? separator : 'and', matches: matchPhrases(words) });
    });
  }
  return segments;
}

function isPlaceMeaning(meaning: Meaning): boolean {
  return meaning.kind === 'country' || meaning.kind === 'subdivision' || meaning.kind === 'country-or-state';
}

function coveringMatch(segment: Segment, index: number): Match | undefined {
  return segment.matches.find((match) => match.start <= index && index < match.end);
}

/** Words that could name a place: not remote/region vocabulary, filler or numbers. */
function placeWords(segment: Segment): LocationWord[] {
  return segment.words.filter((word, index) => {
    const match = coveringMatch(segment, index);
    if (match) return isPlaceMeaning(match.meaning);
    return !FILLER_WORDS.has(word.key) && !hasDigit(word);
  });
}

/** Words no phrase matched, numbers (postcodes) aside. */
function unmatchedWords(segment: Segment): LocationWord[] {
  return segment.words.filter((word, index) => !coveringMatch(segment, index) && !hasDigit(word));
}

/** A segment that can stand before `, ST`: some place word, and not just codes (`US, CA` is a list). */
function isCity(segment: Segment): boolean {
  const words = placeWords(segment);
  return words.length > 0 && !words.every((word) => word.upper && word.raw.length <= 3);
}

function readState(segment: Segment): StateReading | null {
  const { subdivisionCodes } = locationDictionary();
  const words = segment.words.filter((word) => !hasDigit(word));
  const [only] = words;
  if (words.length === 1 && only?.upper) {
    const subdivision = subdivisionCodes.get(only.raw);
    if (subdivision) return { by: 'code', subdivision, iso: only.raw.length === 2 ? codeToAlpha2(only.raw) : null };
  }
  const [match] = segment.matches;
  if (segment.matches.length !== 1 || !match) return null;
  const coversAll = words.every((word) => {
    const index = segment.words.indexOf(word);
    return match.start <= index && index < match.end;
  });
  if (!coversAll) return null;
  if (match.meaning.kind === 'subdivision' || match.meaning.kind === 'country-or-state') {
    return { by: 'name', meaning: match.meaning };
  }
  return null;
}

/** Longest city name listed, in words (`Frankfurt am Main`, `Tel Aviv Yafo`). */
const MAX_CITY_WORDS = 4;

/** Whether the segment names one of the country's own cities (cities-of-clashing-countries.ts). */
function namesCityOf(city: Segment, country: string): boolean {
  const keys = city.words.map((word) => word.key);
  for (let start = 0; start < keys.length; start++) {
    for (let end = start + 1; end <= Math.min(keys.length, start + MAX_CITY_WORDS); end++) {
      if (isCityOf(keys.slice(start, end).join(' '), country)) return true;
    }
  }
  return false;
}

/** Pairs `City, ST`: segment index of the state → its reading; the city segments are returned too. */
function findCityStatePairs(segments: readonly Segment[]): { states: Map<number, StateReading>; cities: Set<number> } {
  const states = new Map<number, StateReading>();
  const cities = new Set<number>();
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    const previous = segments[i - 1];
    if (!segment || !previous || !openedByComma(segment) || states.has(i - 1) || !isCity(previous)) continue;
    const state = readState(segment);
    if (!state) continue;
    // `Tbilisi, Georgia`, `Berlin, DE`, `Toronto, CA`: the city is the country's, so the name or code is the country.
    if (state.by === 'name' && state.meaning.kind === 'country-or-state' && namesCityOf(previous, state.meaning.code)) continue;
    if (state.by === 'code' && state.iso !== null && namesCityOf(previous, state.iso)) continue;
    states.set(i, state);
    cities.add(i - 1);
  }
  return { states, cities };
}

/** Countries the text names outright, and those a state or province points to. */
function collectEvidence(
  segments: readonly Segment[],
  states: ReadonlyMap<number, StateReading>,
  cities: ReadonlySet<number>,
): { named: Set<string>; evidence: Set<string> } {
  const named = new Set<string>();
  const evidence = new Set<string>();
  segments.forEach((segment, index) => {
    if (cities.has(index)) return;
    for (const { meaning } of segment.matches) {
      if (meaning.kind === 'country') named.add(meaning.code);
      if (meaning.kind === 'subdivision' && !meaning.onlyAfterCity) evidence.add(meaning.country);
    }
  });
  for (const state of states.values()) {
    if (state.by === 'code' && state.iso === null) evidence.add(state.subdivision.country);
    if (state.by === 'name' && state.meaning.kind === 'subdivision') evidence.add(state.meaning.country);
  }
  for (const code of named) evidence.add(code);
  return { named, evidence };
}

function stateCountry(state: StateReading, named: ReadonlySet<string>, evidence: ReadonlySet<string>): string | null {
  if (state.by === 'name') {
    if (state.meaning.kind === 'subdivision') return state.meaning.country;
    if (state.meaning.kind === 'country-or-state') return state.meaning.stateOf;
    return null;
  }
  const { subdivision, iso } = state;
  if (iso === null) return subdivision.country;
  // `Berlin, DE, Germany`: the text itself says which reading is meant.
  if (named.has(iso)) return iso;
  // "City, ST" is the US habit; a clashing Canadian code needs Canada nearby.
  if (subdivision.country === 'US' || evidence.has(subdivision.country)) return subdivision.country;
  return iso;
}

/** `Remote - DE`, `DE/AT/CH`: capital ISO codes standing alone in their segment. */
function standaloneCodes(segment: Segment): string[] {
  if (segment.matches.some((match) => isPlaceMeaning(match.meaning))) return [];
  const unmatched = unmatchedWords(segment);
  const [only] = unmatched;
  // A lone `IN` is India; among other words `in` is just a preposition.
  const candidates = unmatched.length === 1 && only ? [only] : unmatched.filter((word) => !FILLER_WORDS.has(word.key));
  if (candidates.length === 0) return [];
  const codes: string[] = [];
  for (const word of candidates) {
    const code = word.upper && /^[A-Z]{2,3}$/.test(word.raw) ? codeToAlpha2(word.raw) : null;
    if (!code) return [];
    codes.push(code);
  }
  return codes;
}

/** `CA, USA`, `ON, Canada`: a lone postal code followed by its own country is a state, not a country. */
function stateBeforeItsCountry(segment: Segment, next: Segment | undefined): string | null {
  const [only, ...rest] = segment.words;
  if (!only?.upper || rest.length > 0 || !next || !openedByComma(next)) return null;
  const subdivision = locationDictionary().subdivisionCodes.get(only.raw);
  if (!subdivision) return null;
  const followedByCountry = next.matches.some(
    ({ meaning }) => meaning.kind === 'country' && meaning.code === subdivision.country,
  );
  return followedByCountry ? subdivision.country : null;
}

function isNarrowed(segment: Segment, match: Match): boolean {
  const next = segment.words[match.end];
  return next !== undefined && NARROWING_WORDS.has(next.key);
}

/** Index of the first word that starts an exclusion (`except`, `outside`), or -1. */
function exclusionStart(segment: Segment): number {
  return segment.words.findIndex((word, index) => EXCLUDING_WORDS.has(word.key) && !coveringMatch(segment, index));
}

/** The full reading, regions included; `readLocationText` is its public face. */
export function scanLocationText(text: unknown): DetailedLocationReading {
  if (typeof text !== 'string' || text.trim() === '') return { countries: [], worldwide: false, remote: null, regions: [] };
  const segments = splitSegments(truncate(text));
  const { states, cities } = findCityStatePairs(segments);
  const { named, evidence } = collectEvidence(segments, states, cities);

  const countries = new Set<string>();
  const regions = new Set<string>();
  const modes = new Set<RemoteMode>();
  let worldwide = false;
  let remoteWord = false;
  // `Worldwide except US, UK`: an exclusion runs on through comma-separated places.
  let excluding = false;

  segments.forEach((segment, index) => {
    if (!openedByComma(segment)) excluding = false;
    const exclusion = exclusionStart(segment);
    const excludedFrom = excluding ? 0 : exclusion === -1 ? Infinity : exclusion;
    if (exclusion !== -1) excluding = true;

    const state = states.get(index);
    if (state) {
      const country = stateCountry(state, named, evidence);
      if (country && excludedFrom > 0) countries.add(country);
      return;
    }
    // A city's name says nothing about the country: `Lebanon, PA`, `Jersey City, NJ`.
    const readsPlaces = (match: Match): boolean => !cities.has(index) && match.start < excludedFrom;
    for (const match of segment.matches) {
      const { meaning } = match;
      switch (meaning.kind) {
        case 'country':
          if (readsPlaces(match)) countries.add(meaning.code);
          break;
        case 'subdivision':
          if (readsPlaces(match) && !meaning.onlyAfterCity) countries.add(meaning.country);
          break;
        case 'country-or-state':
          if (readsPlaces(match)) countries.add(evidence.has(meaning.stateOf) ? meaning.stateOf : meaning.code);
          break;
        case 'region':
          if (match.start < excludedFrom) regions.add(segment.words.slice(match.start, match.end).map((word) => word.key).join(' '));
          break;
        case 'worldwide':
          remoteWord = true;
          if (!isNarrowed(segment, match)) worldwide = true;
          break;
        case 'mode':
          modes.add(meaning.mode);
          break;
      }
    }
    if (cities.has(index) || excludedFrom !== Infinity) return;
    const ownCountry = stateBeforeItsCountry(segment, segments[index + 1]);
    if (ownCountry) countries.add(ownCountry);
    else for (const code of standaloneCodes(segment)) countries.add(code);
  });

  // Hybrid wins: "remote" next to "hybrid" describes the remote days.
  let remote: RemoteMode | null = null;
  if (modes.has('hybrid')) remote = 'hybrid';
  else if (modes.has('remote') || remoteWord) remote = 'remote';
  else if (modes.has('onsite')) remote = 'onsite';

  return {
    countries: [...countries],
    worldwide: worldwide && regions.size === 0,
    remote,
    regions: [...regions],
  };
}

export function readLocationText(text: string): LocationReading {
  const { countries, worldwide, remote } = scanLocationText(text);
  return { countries, worldwide, remote };
}
