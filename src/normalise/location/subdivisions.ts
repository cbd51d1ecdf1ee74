// States and provinces that postings write after a city (`Austin, TX`,
// `Toronto, Ontario`). ISO 3166-2 lists them, but i18n-iso-countries does not,
// so the few countries whose "City, ST" habit matters are listed here.

export interface Subdivision {
  /** Postal abbreviation; absent where it would clash too often with other meanings. */
  code?: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the country it belongs to. */
  country: string;
}

const US_STATES: ReadonlyArray<readonly [string, string]> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'],
  ['CA', 'California'], ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'],
  ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'],
  ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
  ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'],
  ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'],
  ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
  ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'],
  ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['DC', 'District of Columbia'],
];

const CANADIAN_PROVINCES: ReadonlyArray<readonly [string, string]> = [
  ['AB', 'Alberta'], ['BC', 'British Columbia'], ['MB', 'Manitoba'], ['NB', 'New Brunswick'],
  ['NL', 'Newfoundland and Labrador'], ['NS', 'Nova Scotia'], ['NT', 'Northwest Territories'],
  ['NU', 'Nunavut'], ['ON', 'Ontario'], ['PE', 'Prince Edward Island'], ['QC', 'Quebec'],
  ['SK', 'Saskatchewan'], ['YT', 'Yukon'],
];

// The WA, SA and NT codes are left out (Washington, Saudi Arabia, Northwest
// Territories); "Western Australia" already reads as Australia. `Victoria`
// only counts after a city, because Victoria BC and people share the name.
const AUSTRALIAN_STATES: readonly Subdivision[] = [
  { code: 'NSW', name: 'New South Wales', country: 'AU' },
  { code: 'QLD', name: 'Queensland', country: 'AU' },
  { code: 'VIC', name: 'Victoria', country: 'AU' },
  { code: 'TAS', name: 'Tasmania', country: 'AU' },
  { code: 'ACT', name: 'Australian Capital Territory', country: 'AU' },
];

export const SUBDIVISIONS: readonly Subdivision[] = [
  ...US_STATES.map(([code, name]) => ({ code, name, country: 'US' })),
  { name: 'Washington DC', country: 'US' },
  { name: 'New England', country: 'US' },
  { name: 'Newfoundland', country: 'CA' },
  ...CANADIAN_PROVINCES.map(([code, name]) => ({ code, name, country: 'CA' })),
  ...AUSTRALIAN_STATES,
];

/** Names only read as a subdivision after a city, never on their own. */
export const NAMES_ONLY_AFTER_CITY: ReadonlySet<string> = new Set(['victoria']);
