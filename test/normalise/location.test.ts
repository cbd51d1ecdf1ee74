import countries from 'i18n-iso-countries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countryName,
  normaliseCountryField,
  normaliseLocation,
  parseRemote,
  readLocationText,
  resolveCountry,
  suggestCountry,
} from '../../src/normalise/location/index.ts';
import { isRuleId } from '../../src/diagnostics/rules.ts';

const ALL_ALPHA2 = Object.keys(countries.getAlpha2Codes());
const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

describe('resolveCountry', () => {
  it.each([
    // English names
    ['Germany', 'DE'],
    ['United Kingdom', 'GB'],
    ['United States of America', 'US'],
    ['United States', 'US'],
    ['Bosnia and Herzegovina', 'BA'],
    ['Trinidad & Tobago', 'TT'],
    ['Guinea-Bissau', 'GW'],
    ['Papua New Guinea', 'PG'],
    ['South Africa', 'ZA'],
    ['New Zealand', 'NZ'],
    // aliases
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Northern Ireland', 'GB'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['America', 'US'],
    ['Holland', 'NL'],
    ['the Netherlands', 'NL'],
    ['Netherlands, The', 'NL'],
    ['South Korea', 'KR'],
    ['Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['North Korea', 'KP'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['UAE', 'AE'],
    ['Russia', 'RU'],
    ['Vietnam', 'VN'],
    ['Viet Nam', 'VN'],
    ['Burma', 'MM'],
    ['DRC', 'CD'],
    ['Congo', 'CG'],
    ['St. Lucia', 'LC'],
    ['Saint Kitts & Nevis', 'KN'],
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['España', 'ES'],
    ['Österreich', 'AT'],
    ['日本', 'JP'],
    // alpha-2 and alpha-3, any case
    ['DE', 'DE'],
    ['de', 'DE'],
    ['IN', 'IN'],
    ['CA', 'CA'],
    ['GB', 'GB'],
    ['DEU', 'DE'],
    ['gbr', 'GB'],
    ['usa', 'US'],
    ['CAN', 'CA'],
    // case, spacing, punctuation and diacritics
    ['  germany  ', 'DE'],
    ['GERMANY', 'DE'],
    ['Germany.', 'DE'],
    ['turkiye', 'TR'],
    ['cote divoire', 'CI'],
    ['SÃO TOMÉ AND PRÍNCIPE', 'ST'],
    ['Sao Tome and Principe', 'ST'],
    ['São Tomé and Príncipe', 'ST'],
    ['Curacao', 'CW'],
    ['Åland Islands', 'AX'],
    // not countries
    ['Narnia', null],
    ['Germnay', null],
    ['EMEA', null],
    ['Europe', null],
    ['EU', null],
    ['Remote', null],
    ['Worldwide', null],
    ['California', null],
    ['TX', null],
    ['XX', null],
    ['ZZZ', null],
    ['', null],
    ['   ', null],
    ['Paris', null],
    ['Germany'.repeat(100), null],
  ])('%j → %j', (input, expected) => {
    expect(resolveCountry(input)).toBe(expected);
  });

  it('resolves every code, alpha-3 code and display name the package knows back to its code', () => {
    for (const code of ALL_ALPHA2) {
      expect(resolveCountry(code), code).toBe(code);
      expect(resolveCountry(code.toLowerCase()), code).toBe(code);
      expect(resolveCountry(countries.alpha2ToAlpha3(code) ?? ''), code).toBe(code);
      expect(resolveCountry(countryName(code)), countryName(code)).toBe(code);
      expect(resolveCountry(countries.getName(code, 'en') ?? ''), code).toBe(code);
    }
  });
});

describe('suggestCountry', () => {
  it.each([
    ['Germnay', 'Germany'],
    ['Untied States', 'United States'],
    ['Phillipines', 'Philippines'],
    ['Columbia', 'Colombia'],
    ['Swizerland', 'Switzerland'],
    ['Frnace', 'France'],
    ['Argentinia', 'Argentina'],
    ['germany', 'Germany'],
    ['Narnia', null],
    ['xyz', null],
    ['', null],
    ['Lorem ipsum dolor sit amet', null],
  ])('%j → %j', (input, expected) => {
    expect(suggestCountry(input)).toBe(expected);
  });
});

describe('countryName', () => {
  it.each([
    ['GB', 'United Kingdom'],
    ['US', 'United States'],
    ['DE', 'Germany'],
    ['de', 'Germany'],
    ['KR', 'South Korea'],
    ['RU', 'Russia'],
    ['CI', "Côte d'Ivoire"],
  ])('%s → %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });

  it('gives every code a name without commas or parentheses', () => {
    for (const code of ALL_ALPHA2) expect(countryName(code), code).not.toMatch(/[,()]/);
  });
});

describe('readLocationText', () => {
  it.each<[string, string[], boolean, string | null]>([
    ['Remote,Warszawa, Poland', ['PL'], false, 'remote'],
    ['Oakland, CA', ['US'], false, null],
    ['Remote - US', ['US'], false, 'remote'],
    ['Austin, TX', ['US'], false, null],
    ['Austin, TX 78701', ['US'], false, null],
    ['New York, NY', ['US'], false, null],
    ['Indianapolis, IN', ['US'], false, null],
    ['St. Louis, MO', ['US'], false, null],
    ['Washington, D.C.', ['US'], false, null],
    ['Lebanon, PA', ['US'], false, null],
    ['Jersey City, NJ', ['US'], false, null],
    ['Ontario, CA', ['US'], false, null],
    ['Atlanta, Georgia', ['US'], false, null],
    ['Tbilisi, Georgia', ['GE'], false, null],
    ['Georgia', ['GE'], false, null],
    ['Savannah, Georgia, USA', ['US'], false, null],
    ['Toronto, Ontario', ['CA'], false, null],
    ['Vancouver, BC', ['CA'], false, null],
    ['Amsterdam, NL', ['NL'], false, null],
    ['Berlin, DE, Germany', ['DE'], false, null],
    // A code that is both a country and a US state: the city decides, and "City, ST" is the US habit.
    ['Berlin, DE', ['DE'], false, null],
    ['München, DE', ['DE'], false, null],
    ['Frankfurt am Main, DE', ['DE'], false, null],
    ['Dover, DE', ['US'], false, null],
    ['Toronto, CA', ['CA'], false, null],
    ['Fresno, CA', ['US'], false, null],
    ['Bengaluru, IN', ['IN'], false, null],
    ['Remote or New Delhi, IN', ['IN'], false, 'remote'],
    ['Tel Aviv, IL', ['IL'], false, null],
    ['Chicago, IL', ['US'], false, null],
    ['Bogotá, CO', ['CO'], false, null],
    ['Denver, CO', ['US'], false, null],
    ['Hamburg, DE or remote', ['DE'], false, 'remote'],
    ['Sydney, NSW', ['AU'], false, null],
    ['Remote - United States, Canada', ['US', 'CA'], false, 'remote'],
    ['London / UK Remote', ['GB'], false, 'remote'],
    ['Berlin, Germany (Hybrid)', ['DE'], false, 'hybrid'],
    ['Anywhere', [], true, 'remote'],
    ['Worldwide', [], true, 'remote'],
    ['Remote (Worldwide)', [], true, 'remote'],
    ['Anywhere in the world', [], true, 'remote'],
    ['Anywhere in the US', ['US'], false, 'remote'],
    ['Remote - Anywhere in EMEA', [], false, 'remote'],
    ['EMEA', [], false, null],
    ['North America', [], false, null],
    ['South America', [], false, null],
    ['Europe', [], false, null],
    ['APAC', [], false, null],
    ['LATAM', [], false, null],
    ['Remote (EU)', [], false, 'remote'],
    ['Remote (US or Canada)', ['US', 'CA'], false, 'remote'],
    ['Paris', [], false, null],
    ['São Paulo, Brazil', ['BR'], false, null],
    ['Zürich, Switzerland', ['CH'], false, null],
    ['Bengaluru, India', ['IN'], false, null],
    ['Remote - IN', ['IN'], false, 'remote'],
    ['Remote, CA', ['CA'], false, 'remote'],
    ['US, CA', ['US', 'CA'], false, null],
    ['US/Canada', ['US', 'CA'], false, null],
    ['UK or EU', ['GB'], false, null],
    ['Remote in Germany', ['DE'], false, 'remote'],
    ['DE/AT/CH', ['DE', 'AT', 'CH'], false, null],
    ['Germany | France; Spain / Italy or Portugal and Austria & Belgium', ['DE', 'FR', 'ES', 'IT', 'PT', 'AT', 'BE'], false, null],
    ['Bosnia and Herzegovina', ['BA'], false, null],
    ['Trinidad & Tobago', ['TT'], false, null],
    ['New Mexico', ['US'], false, null],
    ['Mexico City, Mexico', ['MX'], false, null],
    ['REMOTE IN US', ['US'], false, 'remote'],
    ['Join us in our office', [], false, 'onsite'],
    ['On-site, Munich', [], false, 'onsite'],
    ['Not remote', [], false, 'onsite'],
    ['Hybrid remote - London, England', ['GB'], false, 'hybrid'],
    ['Work from home (U.S.A.)', ['US'], false, 'remote'],
    ['San Francisco, CA or Remote (US)', ['US'], false, 'remote'],
    ['Austin, TX and remote', ['US'], false, 'remote'],
    ['CA, USA', ['US'], false, null],
    ['ON, Canada', ['CA'], false, null],
    ['London, ON', ['CA'], false, null],
    ['Worldwide (except US)', [], true, 'remote'],
    ['Worldwide except US, UK', [], true, 'remote'],
    ['Remote — US (excluding CA, NY)', ['US'], false, 'remote'],
    ['Remote (outside the EU)', [], false, 'remote'],
    ['Remote (UK/EU timezones)', ['GB'], false, 'remote'],
    ['Chennai, Tamil Nadu, India', ['IN'], false, null],
    ['Belfast, Northern Ireland', ['GB'], false, null],
    ['Join us!', [], false, null],
    ['', [], false, null],
  ])('%j → %j, worldwide %j, remote %j', (text, expectedCountries, worldwide, remote) => {
    expect(readLocationText(text)).toEqual({ countries: expectedCountries, worldwide, remote });
  });

  it('reads every country name on its own as that country', () => {
    for (const code of ALL_ALPHA2) {
      expect(readLocationText(countryName(code)).countries, countryName(code)).toEqual([code]);
    }
  });

  it('only reads the first 1,000 characters, and never half a word', () => {
    expect(readLocationText(`${'x '.repeat(1000)}Germany`).countries).toEqual([]);
    expect(readLocationText(`${'x'.repeat(993)} India${'na'}`).countries).toEqual([]);
    expect(readLocationText(`Germany ${'x '.repeat(100_000)}`).countries).toEqual(['DE']);
  });
});

describe('parseRemote', () => {
  it.each<[unknown, string | null]>([
    [true, 'remote'],
    [false, 'onsite'],
    ['remote', 'remote'],
    ['Remote', 'remote'],
    ['fully remote', 'remote'],
    ['yes', 'remote'],
    ['WFH', 'remote'],
    ['hybrid', 'hybrid'],
    ['Hybrid', 'hybrid'],
    ['partially remote', 'hybrid'],
    ['onsite', 'onsite'],
    ['on-site', 'onsite'],
    ['On Site', 'onsite'],
    ['office', 'onsite'],
    ['in-office', 'onsite'],
    ['no', 'onsite'],
    ['Remote (EU only)', 'remote'],
    [null, null],
    [undefined, null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseRemote(input)).toEqual({ value: expected, findings: [] });
  });

  it.each<[unknown]>([['maybe'], ['Berlin'], [1], [['remote']], [{ remote: true }], ['x'.repeat(500)]])(
    '%j is remote-invalid',
    (input) => {
      const { value, findings } = parseRemote(input);
      expect(value).toBeNull();
      expect(findings).toHaveLength(1);
      expect(findings[0]?.rule).toBe('remote-invalid');
      expect(findings[0]?.reason).toMatch(/^`remote` must be true, false, `remote`, `hybrid` or `onsite`/);
    },
  );
});

describe('normaliseCountryField', () => {
  it.each<[unknown, string[], boolean]>([
    ['Germany', ['DE'], false],
    ['de', ['DE'], false],
    ['CA', ['CA'], false],
    ['IN', ['IN'], false],
    ['US, Canada', ['US', 'CA'], false],
    ['DE/AT/CH', ['DE', 'AT', 'CH'], false],
    ['UK; Ireland', ['GB', 'IE'], false],
    ['US or Canada', ['US', 'CA'], false],
    ['Bosnia and Herzegovina or Croatia', ['BA', 'HR'], false],
    ['Korea, Republic of, Japan', ['KR', 'JP'], false],
    ['Trinidad&Tobago', ['TT'], false],
    [['UK', 'France'], ['GB', 'FR'], false],
    [['Germany', 'germany', 'DEU'], ['DE'], false],
    ['Worldwide', [], true],
    ['Anywhere', [], true],
    ['Global', [], true],
    ['Remote', [], true],
    ['Remote (Worldwide)', [], true],
    ['Remote - US', ['US'], false],
    ['US only', ['US'], false],
  ])('%j → %j, worldwide %j', (input, expectedCountries, worldwide) => {
    expect(normaliseCountryField(input)).toEqual({ value: { countries: expectedCountries, worldwide }, findings: [] });
  });

  it.each([[undefined], [null], [''], ['  '], [[]]])('%j is no value and no finding', (input) => {
    expect(normaliseCountryField(input)).toEqual({ value: null, findings: [] });
  });

  it('suggests the nearest country for a misspelling', () => {
    const { value, findings } = normaliseCountryField('Germnay');
    expect(value).toBeNull();
    expect(findings).toEqual([
      { rule: 'country-unknown', reason: '`Germnay` is not a country name, alias or ISO code; did you mean `Germany`?' },
    ]);
  });

  it('keeps the good entries and reports each bad one once', () => {
    const { value, findings } = normaliseCountryField('Germany, Frnace, Narnia, Narnia');
    expect(value).toEqual({ countries: ['DE'], worldwide: false });
    expect(findings.map((finding) => finding.rule)).toEqual(['country-unknown', 'country-unknown']);
    expect(findings[0]?.reason).toContain('did you mean `France`?');
    expect(findings[1]?.reason).toContain('`Narnia`');
    expect(findings[1]?.reason).not.toContain('did you mean');
  });

  it.each([['EMEA'], ['Europe'], ['APAC']])('%j is a region: a warning, kept as the location text, no countries', (input) => {
    const field = normaliseCountryField(input);
    expect(field.value).toBeNull();
    expect(field.findings.map((finding) => finding.rule)).toEqual(['country-region']);
    const location = normaliseLocation({ country: input });
    expect(location.value).toMatchObject({ countries: [], worldwide: false, text: input });
    expect(location.findings.map((finding) => finding.rule)).toEqual(['country-region']);
  });

  it.each([
    ['UTC-3 to UTC+3', [], false, '`UTC-3 to UTC+3`'],
    ['Remote (UTC-3 to UTC+3)', [], false, '`UTC-3 to UTC+3`'],
    ['GMT+1 - GMT+3', [], false, '`GMT+1 - GMT+3`'],
    ['UTC ±2 hours', [], false, '`UTC ±2 hours`'],
    ['Brazil (UTC−3)', ['BR'], false, '`UTC−3`'],
    ['Germany, Portugal / UTC+0', ['DE', 'PT'], false, '`UTC+0`'],
  ])('%j holds a time zone: one warning quoting it, never a piece of it as an unknown country', (input, countries, worldwide, quoted) => {
    const field = normaliseCountryField(input);
    expect(field.findings.map((finding) => finding.rule)).toEqual(['country-time-zone']);
    expect(field.findings[0]!.reason).toContain(quoted);
    expect(field.value ?? { countries: [], worldwide: false }).toEqual({ countries, worldwide });
    const location = normaliseLocation({ country: input });
    expect(location.findings.map((finding) => finding.rule)).toEqual(['country-time-zone']);
    expect(location.value.worldwide).toBe(false);
  });

  it.each([
    ['California', /not a country but part of United States; write `US`/],
    ['TX', /part of United States/],
    ['Ontario', /part of Canada; write `CA`/],
  ])('%j is country-unknown with a pointed reason', (input, reason) => {
    const { value, findings } = normaliseCountryField(input);
    expect(value).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0]?.rule).toBe('country-unknown');
    expect(findings[0]?.reason).toMatch(reason);
  });

  it.each([[42], [true], [false], [{ name: 'Germany' }]])('%j is value-type', (input) => {
    const { value, findings } = normaliseCountryField(input);
    expect(value).toBeNull();
    expect(findings.map((finding) => finding.rule)).toEqual(['value-type']);
  });

  it('hints at Norway when YAML turned NO into false', () => {
    expect(normaliseCountryField(false).findings[0]?.reason).toContain('Norway');
  });

  it('stays fast on hostile lists and strings', () => {
    const start = performance.now();
    normaliseCountryField(Array.from({ length: 300 }, () => 'a,'.repeat(500)));
    normaliseCountryField('Germnay, '.repeat(100_000));
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('bounds the findings of a hostile list', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => `Nowhere${i}`);
    const { findings } = normaliseCountryField(list);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThanOrEqual(10);
  });
});

describe('normaliseLocation', () => {
  it('lets the country field win over the location text', () => {
    expect(normaliseLocation({ country: 'DE', location: 'London / UK Remote' })).toEqual({
      value: { countries: ['DE'], worldwide: false, remote: 'remote', text: 'London / UK Remote' },
      findings: [],
    });
  });

  it('reads countries and the mode from the text when there is no country field', () => {
    expect(normaliseLocation({ location: ' Berlin, Germany (Hybrid) ' })).toEqual({
      value: { countries: ['DE'], worldwide: false, remote: 'hybrid', text: 'Berlin, Germany (Hybrid)' },
      findings: [],
    });
  });

  it('lets the remote key win over what the text implies', () => {
    expect(normaliseLocation({ location: 'Remote - US', remote: 'hybrid' }).value.remote).toBe('hybrid');
    expect(normaliseLocation({ location: 'Remote - US', remote: false }).value.remote).toBe('onsite');
  });

  it('falls back to the text when the remote key is invalid, and says so', () => {
    const { value, findings } = normaliseLocation({ location: 'Remote - US', remote: 'maybe' });
    expect(value.remote).toBe('remote');
    expect(findings.map((finding) => finding.rule)).toEqual(['remote-invalid']);
  });

  it('takes worldwide postings as remote unless told otherwise', () => {
    expect(normaliseLocation({ country: 'Worldwide' }).value).toEqual({
      countries: [],
      worldwide: true,
      remote: 'remote',
      text: null,
    });
  });

  it.each([
    [{ location: 'Paris' }, /`Paris`.*add `country:`/],
    [{ location: 'EMEA' }, /region \(`EMEA`\).*add `country:`/],
    [{ location: 'Remote' }, /says remote but names no country/],
    [{}, /no `country` and no `location`/],
  ])('%j asks for `country:`', (input, reason) => {
    const { value, findings } = normaliseLocation(input);
    expect(value.countries).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.rule).toBe('country-missing');
    expect(findings[0]?.reason).toMatch(reason);
  });

  it('does not also ask for `country:` when the country field was wrong', () => {
    const { value, findings } = normaliseLocation({ country: 'Germnay', location: 'Berlin' });
    expect(value.countries).toEqual([]);
    expect(findings.map((finding) => finding.rule)).toEqual(['country-unknown']);
  });

  it('joins a list of places into one line of text', () => {
    expect(normaliseLocation({ location: ['London', 'Berlin, Germany'] }).value).toMatchObject({
      countries: ['DE'],
      text: 'London / Berlin, Germany',
    });
  });
});

describe('properties', () => {
  const locationish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'Remote', 'Hybrid', 'on-site', 'Anywhere', 'in', 'or', 'and', 'EMEA', 'US', 'UK', 'CA', 'IN', 'DE', 'NL',
          'TX', 'NY', 'Georgia', 'Atlanta', 'Tbilisi', 'Ontario', 'New', 'Mexico', 'Jersey', 'City', 'Korea',
          'Republic of', 'U.S.', 'Côte d’Ivoire', 'Bosnia', 'Herzegovina', 'Berlin', '12345', 'Victoria',
        ),
        fc.constantFrom(...ALL_ALPHA2).map((code) => countryName(code)),
        fc.constantFrom(', ', ' / ', ' - ', ' (', ')', '; ', ' | ', ' & ', ',', '.', ' '),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.join(''));

  const allCodesValid = (codes: readonly string[]): boolean =>
    codes.every(isCountryCode) && new Set(codes).size === codes.length;

  it('never throws on anything, and only ever returns valid, unique alpha-2 codes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), locationish), (input) => {
        const resolved = resolveCountry(input as string);
        expect(resolved === null || isCountryCode(resolved)).toBe(true);
        const suggested = suggestCountry(input as string);
        expect(suggested === null || typeof suggested === 'string').toBe(true);
        expect(typeof countryName(input as string)).toBe('string');

        const read = readLocationText(input as string);
        expect(allCodesValid(read.countries)).toBe(true);

        const field = normaliseCountryField(input);
        expect(field.value === null || allCodesValid(field.value.countries)).toBe(true);
        expect(field.findings.every((finding) => isRuleId(finding.rule) && finding.reason.length > 0)).toBe(true);

        const remote = parseRemote(input);
        expect([null, 'remote', 'hybrid', 'onsite']).toContain(remote.value);

        const location = normaliseLocation({ country: input, location: input, remote: input });
        expect(allCodesValid(location.value.countries)).toBe(true);
        expect(location.findings.every((finding) => isRuleId(finding.rule))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when the input object itself is hostile', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const { value } = normaliseLocation(input as never);
        expect(allCodesValid(value.countries)).toBe(true);
      }),
    );
  });

  it('finds a country named in text wherever it stands between separators', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_ALPHA2.filter((code) => code !== 'GE')),
        fc.constantFrom('Remote - ', 'Hybrid, ', '', 'Remote (', 'Berlin / '),
        fc.constantFrom('', ')', ' (Remote)', ' or Worldwide'),
        (code, before, after) => {
          expect(readLocationText(`${before}${countryName(code)}${after}`).countries).toContain(code);
        },
      ),
    );
  });
});
