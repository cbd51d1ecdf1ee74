// Reads the `country` front-matter value: one country, a separated string
// (`US, Canada`, `DE/AT/CH`), a list, or `Worldwide`. Every entry that is not
// a country gets its own error, with the nearest country name when one is close.
import type { Finding, Normalised } from '../../diagnostics/finding.ts';
import { countryName } from './country-name.ts';
import { locationDictionary } from './location-dictionary.ts';
import { FILLER_WORDS, REGION_PHRASES, REMOTE_PHRASES, WORLDWIDE_PHRASES } from './location-vocabulary.ts';
import { closeDottedAbbreviations, phraseKey, splitWords } from './location-words.ts';
import { describeValue, quoteValue } from './quote-value.ts';
import { resolveCountry, suggestCountry } from './resolve-country.ts';

export interface CountryField {
  /** ISO 3166-1 alpha-2, upper-case, unique, in the order given. */
  countries: string[];
  worldwide: boolean;
}

// There are about 250 countries: longer lists or strings are not country lists.
const MAX_ENTRIES = 300;
const MAX_TEXT_LENGTH = 1000;
// One error per bad entry, but a hostile list must not produce thousands.
const MAX_FINDINGS = 10;

// Separators between entries, kept when splitting so that a run of pieces can
// be joined back as written: `Bosnia and Herzegovina`, `Korea, Republic of`.
const SEPARATOR = /(\s+-+\s+|[–—]+|[,;|/\\()[\]{}\n\r\t]|\s+(?:and|or)\s+|\s*[&+]\s*)/iu;
// A time-zone offset or range (`UTC-3 to UTC+3`, `GMT+1`, `UTC ±2`): when people
// work, not where they live. Read before splitting, whose `-`, `+` and `to`
// would cut it into pieces that look like unknown countries (`3`).
const OFFSET = String.raw`[+\-−±]\s*\d{1,2}(?:[:.]?\d{2})?(?:\s*h(?:ours?|rs?)?\b)?`;
const TIME_ZONE = new RegExp(String.raw`\b(?:UTC|GMT)(?:\s*${OFFSET})?(?:\s*(?:to|until|through|-|–|—|/)\s*(?:(?:UTC|GMT)(?:\s*${OFFSET})?|${OFFSET}))?(?![\p{L}\p{N}])`, 'giu');
// No country name spans more pieces than `Bonaire, Sint Eustatius and Saba` (three).
const MAX_PIECES_PER_NAME = 4;

const REGIONS = new Set(REGION_PHRASES.map(phraseKey));
const WORLDWIDE = new Set(WORLDWIDE_PHRASES.map(phraseKey));
/** Words that may pad a country in this field: `Remote US`, `US only`, `fully remote`. */
const PADDING = new Set([...FILLER_WORDS, ...REMOTE_PHRASES.remote.map(phraseKey), 'fully', '100', 'hybrid', 'onsite']);

type Reading =
  | { kind: 'countries'; codes: string[] }
  | { kind: 'worldwide' }
  | { kind: 'remote' }
  | { kind: 'unknown'; entry: string };

function unknownReason(entry: string): string {
  const quoted = quoteValue(entry);
  const key = phraseKey(entry);
  const words = splitWords(entry);
  const [only] = words;
  const { phrases, subdivisionCodes } = locationDictionary();
  const subdivision =
    words.length === 1 && only?.upper ? subdivisionCodes.get(only.raw)?.country : undefined;
  const meaning = phrases.get(key);
  const stateOf = subdivision ?? (meaning?.kind === 'subdivision' ? meaning.country : undefined);
  if (stateOf) {
    return `${quoted} is not a country but part of ${countryName(stateOf)}; write \`${stateOf}\` in \`country\` and keep the place in \`location\`.`;
  }
  const suggestion = suggestCountry(entry);
  if (suggestion) return `${quoted} is not a country name, alias or ISO code; did you mean \`${suggestion}\`?`;
  return `${quoted} is not a country name, alias or ISO code; write the English country name or its ISO code (for example \`Germany\` or \`DE\`).`;
}

/** `Remote US`, `US only`: the country with padding words trimmed off both ends. */
function withoutPadding(entry: string): string | null {
  const words = splitWords(entry);
  let start = 0;
  let end = words.length;
  while (start < end && PADDING.has(words[start]?.key ?? '')) start++;
  while (end > start && PADDING.has(words[end - 1]?.key ?? '')) end--;
  if (start === 0 && end === words.length) return null;
  return words
    .slice(start, end)
    .map((word) => word.raw)
    .join(' ');
}

/** The longest run of pieces from `start` that names one country, if any. */
function longestCountryRun(parts: readonly string[], start: number): { code: string; end: number } | null {
  const last = Math.min(parts.length - 1, start + 2 * (MAX_PIECES_PER_NAME - 1));
  for (let end = last; end > start; end -= 2) {
    const code = resolveCountry(parts.slice(start, end + 1).join(''));
    if (code) return { code, end };
  }
  return null;
}

/** One piece between separators: a country, `Worldwide`, `Remote`, or not a country. */
function readPiece(entry: string): Reading {
  const code = resolveCountry(entry);
  if (code) return { kind: 'countries', codes: [code] };
  const key = phraseKey(entry);
  if (key === 'remote' || key === 'fully remote' || key === 'remote only') return { kind: 'remote' };
  const words = key.split(' ');
  if (WORLDWIDE.has(key) || (words.some((word) => WORLDWIDE.has(word)) && words.every((word) => WORLDWIDE.has(word) || PADDING.has(word) || word === 'world'))) {
    return { kind: 'worldwide' };
  }
  const trimmed = withoutPadding(entry);
  const padded = trimmed ? resolveCountry(trimmed) : null;
  if (padded) return { kind: 'countries', codes: [padded] };
  return { kind: 'unknown', entry };
}

function typeFinding(value: unknown): Finding {
  // YAML 1.1 reads an unquoted `NO` (Norway) as false.
  if (value === false) {
    return { rule: 'value-type', reason: '`country` is the boolean false; if you meant Norway, quote it: `country: "NO"`.' };
  }
  const kind = Array.isArray(value) ? 'a nested list' : describeValue(value);
  return { rule: 'value-type', reason: `\`country\` must be a country name or ISO code, or a list of them, not ${kind}.` };
}

function entriesOf(value: unknown, findings: Finding[]): string[] {
  if (typeof value === 'string') return [value.slice(0, MAX_TEXT_LENGTH)];
  if (!Array.isArray(value)) {
    findings.push(typeFinding(value));
    return [];
  }
  const entries: string[] = [];
  let length = 0;
  for (const item of value.slice(0, MAX_ENTRIES)) {
    if (item === null || item === undefined) continue;
    if (typeof item !== 'string') {
      if (findings.length < MAX_FINDINGS) findings.push(typeFinding(item));
      continue;
    }
    length += item.length;
    if (length > MAX_TEXT_LENGTH * 10) break;
    entries.push(item.slice(0, MAX_TEXT_LENGTH));
  }
  return entries;
}

export function normaliseCountryField(value: unknown): Normalised<CountryField | null> {
  if (value === undefined || value === null) return { value: null, findings: [] };
  const findings: Finding[] = [];
  const countries = new Set<string>();
  let worldwide = false;
  let remoteOnly = false;
  const reported = new Set<string>();
  const add = (reading: Reading): void => {
    if (reading.kind === 'countries') for (const code of reading.codes) countries.add(code);
    else if (reading.kind === 'worldwide') worldwide = true;
    else if (reading.kind === 'remote') remoteOnly = true;
    else if (findings.length < MAX_FINDINGS && !reported.has(phraseKey(reading.entry))) {
      // The reason (with its did-you-mean search) is only worked out for entries reported.
      reported.add(phraseKey(reading.entry));
      // A region is a real place, only not a country: shown, never guessed into countries.
      if (REGIONS.has(phraseKey(reading.entry))) {
        findings.push({ rule: 'country-region', reason: `${quoteValue(reading.entry)} is a region, not a country: it is shown as the location but gives readers no country to filter by; list its countries in \`country\` (or write \`Worldwide\`).` });
      } else {
        findings.push({ rule: 'country-unknown', reason: unknownReason(reading.entry) });
      }
    }
  };
  let timeZoned = false;
  for (const written of entriesOf(value, findings)) {
    const zones = written.match(TIME_ZONE) ?? [];
    if (zones.length > 0) timeZoned = true;
    for (const zone of zones) {
      if (findings.length >= MAX_FINDINGS || reported.has(phraseKey(zone))) continue;
      reported.add(phraseKey(zone));
      findings.push({
        rule: 'country-time-zone',
        reason: `${quoteValue(zone.trim())} is a time zone, not a country: it says when people work, not where they may live; list those countries in \`country\` (or write \`Worldwide\`) and give the hours in the body.`,
      });
    }
    const entry = zones.length > 0 ? written.replace(TIME_ZONE, ',') : written;
    const parts = closeDottedAbbreviations(entry).split(SEPARATOR);
    // Even indices are pieces, odd ones the separators between them.
    let start = 0;
    while (start < parts.length) {
      const run = longestCountryRun(parts, start);
      if (run) {
        countries.add(run.code);
        start = run.end + 2;
        continue;
      }
      const piece = (parts[start] ?? '').trim();
      if (phraseKey(piece) !== '') add(readPiece(piece));
      start += 2;
    }
  }
  // A bare `Remote` opens the job to everyone; next to countries it only says how they work,
  // and next to a time zone it is remote within those hours: not worldwide either.
  if (remoteOnly && countries.size === 0 && !timeZoned) worldwide = true;
  if (countries.size === 0 && !worldwide) return { value: null, findings };
  return { value: { countries: [...countries], worldwide }, findings };
}
