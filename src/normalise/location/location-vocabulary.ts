// The non-country words of location text: how people say remote, hybrid and
// on-site, worldwide, and the regions (`EMEA`, `Europe`) that name no single
// country and so must never be guessed into one.
import type { RemoteMode } from '../../posting.ts';

export const REMOTE_PHRASES: Readonly<Record<RemoteMode, readonly string[]>> = {
  remote: [
    'remote', 'remotely', 'fully remote', 'full remote', 'remote first', 'remote only',
    'remote friendly', 'remote ok', 'work from home', 'working from home', 'wfh',
    'home based', 'homebased', 'homeoffice', 'telecommute', 'telecommuting',
    'telework', 'teleworking', 'distributed', 'work from anywhere', 'home office',
  ],
  hybrid: [
    'hybrid', 'hybrid remote', 'remote hybrid', 'partly remote', 'partially remote',
    'part remote', 'semi remote', 'flexible remote',
  ],
  onsite: [
    'onsite', 'on site', 'on premise', 'on premises', 'in office', 'office', 'office based',
    'in person', 'on location', 'no remote', 'not remote', 'non remote', 'remote not possible',
    'remote not available', 'onsite only', 'office only',
  ],
};

/** Open to applicants anywhere; also implies remote work. */
export const WORLDWIDE_PHRASES: readonly string[] = [
  'worldwide', 'world wide', 'anywhere', 'anywhere in the world', 'anywhere in world',
  'global', 'globally', 'everywhere', 'any location', 'any country', 'all countries',
  'all locations', 'planet earth',
];

/** A worldwide word followed by one of these is narrowed: `Anywhere in the US`. */
export const NARROWING_WORDS: ReadonlySet<string> = new Set([
  'in', 'within', 'across', 'inside', 'throughout', 'from',
]);

export const REGION_PHRASES: readonly string[] = [
  'emea', 'apac', 'apj', 'latam', 'amer', 'amers', 'americas', 'north america', 'south america',
  'latin america', 'central america', 'europe', 'european union', 'eu', 'eea', 'efta',
  'european economic area', 'eurozone', 'asia', 'asia pacific', 'southeast asia',
  'south east asia', 'east asia', 'south asia', 'central asia', 'africa', 'sub saharan africa',
  'north africa', 'west africa', 'east africa', 'middle east', 'mena', 'gcc', 'oceania',
  'australasia', 'nordics', 'nordic', 'nordic countries', 'scandinavia', 'dach', 'benelux',
  'baltics', 'baltic states', 'balkans', 'cee', 'eastern europe', 'western europe',
  'central europe', 'northern europe', 'southern europe', 'caribbean', 'anz',
];

/** Places after one of these are ruled out, not in: `Worldwide except US`, `outside the EU`. */
export const EXCLUDING_WORDS: ReadonlySet<string> = new Set([
  'except', 'excluding', 'excl', 'exclude', 'excludes', 'outside', 'not', 'ex',
]);

/** Words that carry no place: they neither make a city nor block a standalone code. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'in', 'only', 'based', 'from', 'within', 'across', 'the', 'of', 'or', 'and', 'any', 'all',
  'location', 'locations', 'area', 'time', 'timezone', 'timezones', 'zone', 'zones', 'hq',
  'also', 'with', 'near', 'remote', 'friendly', 'possible', 'preferred', 'required',
  'must', 'be', 'to', 'candidates', 'applicants', 'residents', 'citizens', 'located', 'for',
]);
