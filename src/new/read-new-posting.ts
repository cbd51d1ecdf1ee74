// Checks every value given to `jobsite new` with the same normalisers `check`
// runs, and turns the accepted ones into canonical front-matter values. What
// `check` would report as an error, or as a warning that drops or distrusts
// the value, refuses the posting: `new` never writes a file that needs fixing.
import type { Finding } from '../diagnostics/finding.ts';
import { rules, type RuleId, type Severity } from '../diagnostics/rules.ts';
import type { CanonicalKey } from '../normalise/front-matter/canonicalise-keys.ts';
import { checkApplyUrl } from '../normalise/fields/check-apply-url.ts';
import { checkCompanyUrl } from '../normalise/fields/check-company-url.ts';
import { cleanLine, requireText } from '../normalise/fields/clean-text.ts';
import { parseDate } from '../normalise/fields/parse-date.ts';
import { parseEmploymentType } from '../normalise/fields/parse-employment-type.ts';
import { parseTags } from '../normalise/fields/parse-tags.ts';
import { countryName, normaliseCountryField, normaliseLocation, parseRemote, type CountryField } from '../normalise/location/index.ts';
import { parseSalary } from '../normalise/salary/index.ts';
import { FIELD_OF_KEY, REQUIRED_KEYS, type NewPostingInput, type RequiredKey } from './new-posting-input.ts';

/** A finding about one flag. */
export interface FlagFinding {
  flag: string;
  /** The catalogue rule `check` would report, or null for a problem only `new` has. */
  rule: RuleId | null;
  severity: Severity;
  reason: string;
}

/** Front-matter values to write, by canonical key, in the form `check` reads them back. */
export type FrontMatterValues = Partial<Record<CanonicalKey, string | string[] | boolean>>;

export interface NewPostingReading {
  values: FrontMatterValues;
  /** Problems that stop the posting from being written. */
  refused: FlagFinding[];
  /** Findings that allow it (plain `http:`, an inferred salary period): worth telling, not refusing. */
  notes: FlagFinding[];
  /** Required keys with no value. */
  missing: RequiredKey[];
  /** Neither `country` nor `location` names a country (or `Worldwide`): `check` would warn, as a note says. */
  countryMissing: boolean;
}

/** Warnings about a posting that works as written: telling is enough. */
export const ACCEPTED_WARNINGS: ReadonlySet<RuleId> = new Set(['apply-url-insecure', 'country-missing']);
// Salary text, unlike a title, may be long; it is still one line.
const MAX_SALARY_LENGTH = 300;
const CURRENCY_RULES: ReadonlySet<RuleId> = new Set(['salary-currency-unknown', 'salary-currency-conflict']);

/** `today` is `YYYY-MM-DD`, the posting date when `date` is not given. */
export function readNewPosting(input: NewPostingInput, today: string): NewPostingReading {
  const values: FrontMatterValues = {};
  const refused: FlagFinding[] = [];
  const notes: FlagFinding[] = [];
  const missing: RequiredKey[] = [];
  const report = (key: CanonicalKey, findings: readonly Finding[]): boolean => {
    let accepted = true;
    for (const finding of findings) {
      const severity = finding.severity ?? rules[finding.rule].severity;
      const flagged = { flag: FIELD_OF_KEY[key].flag, rule: finding.rule, severity, reason: finding.reason };
      if (severity === 'info' || ACCEPTED_WARNINGS.has(finding.rule)) notes.push(flagged);
      else {
        refused.push(flagged);
        accepted = false;
      }
    }
    return accepted;
  };

  for (const key of ['title', 'company'] as const) {
    const text = given(input[key]);
    if (text === null) {
      missing.push(key);
      continue;
    }
    const result = requireText(text, key, key === 'title' ? 'title-missing' : 'company-missing');
    if (report(key, result.findings) && result.value !== null) values[key] = settledLine(result.value);
  }

  const companyUrl = given(input.companyUrl);
  if (companyUrl !== null) {
    const result = checkCompanyUrl(companyUrl);
    if (report('company_url', result.findings) && result.value !== null) values.company_url = result.value;
  }

  const country = given(input.country);
  let countryField: CountryField | null = null;
  if (country !== null) {
    const result = normaliseCountryField(country);
    if (report('country', result.findings) && result.value !== null) {
      countryField = result.value;
      values.country = countryValue(result.value);
    }
  }

  const location = given(input.location);
  if (location !== null) values.location = settledLine(cleanLine(location));

  const remote = given(input.remote);
  if (remote !== null) {
    const result = parseRemote(remote);
    if (report('remote', result.findings) && result.value !== null) values.remote = result.value;
  }

  // Read as `check` will: the country flag wins, else the location text is read for countries.
  const place = normaliseLocation({ country: countryField ? values.country : undefined, location: values.location });
  const countryMissing = country === null && place.findings.some((finding) => finding.rule === 'country-missing');
  if (countryMissing) report('country', place.findings.filter((finding) => finding.rule === 'country-missing'));

  const salary = given(input.salary);
  const currency = given(input.currency);
  if (salary !== null) {
    const text = cleanLine(salary, MAX_SALARY_LENGTH);
    const result = parseSalary(text, { currency, countries: place.value.countries });
    // What only appears with `--currency` is about that flag: it is the one to correct or drop.
    const withoutCurrency = currency === null ? result : parseSalary(text, { countries: place.value.countries });
    const fromCurrency = (finding: Finding) => CURRENCY_RULES.has(finding.rule) && !withoutCurrency.findings.some((other) => other.rule === finding.rule);
    const currencyAccepted = report('currency', result.findings.filter(fromCurrency));
    if (report('salary', result.findings.filter((finding) => !fromCurrency(finding))) && currencyAccepted) {
      values.salary = text;
      if (currency !== null) values.currency = currency;
    }
  } else if (currency !== null) {
    refused.push({ flag: FIELD_OF_KEY.currency.flag, rule: null, severity: 'error', reason: '`currency` only says what the salary is paid in; give `--salary` as well, or leave `--currency` out.' });
  }

  const applyUrl = given(input.applyUrl);
  if (applyUrl === null) missing.push('apply_url');
  else {
    const result = checkApplyUrl(applyUrl);
    if (report('apply_url', result.findings) && result.value !== null) values.apply_url = result.value;
  }

  const date = parseDate(given(input.date) ?? today, 'date');
  if (report('date', date.findings) && date.value !== null) values.date = date.value;
  const expiresText = given(input.expires);
  if (expiresText !== null) {
    const expires = parseDate(expiresText, 'expires');
    if (report('expires', expires.findings) && expires.value !== null) {
      if (date.value !== null && expires.value < date.value) {
        report('expires', [{ rule: 'expires-before-date', reason: `\`expires\` (${expires.value}) is before \`date\` (${date.value}); give a later \`--expires\` or an earlier \`--date\`.` }]);
      } else {
        values.expires = expires.value;
      }
    }
  }

  const employmentType = given(input.employmentType);
  if (employmentType !== null) {
    const result = parseEmploymentType(employmentType);
    if (report('employment_type', result.findings) && result.value !== null) values.employment_type = result.value;
  }

  // Empty items (`go,,rust`, a trailing comma) are slips in typing, not tags.
  const tags = (Array.isArray(input.tags) ? input.tags : []).flatMap((item) => (typeof item === 'string' ? item.split(',') : [])).map((item) => item.trim()).filter((item) => item !== '');
  if (tags.length > 0) {
    const result = parseTags(tags);
    if (report('tags', result.findings) && result.value.length > 0) values.tags = result.value;
  }

  if (input.draft === true) values.draft = true;

  return { values, refused, notes, missing: REQUIRED_KEYS.filter((key) => missing.includes(key)), countryMissing };
}

/**
 * A cleaned line as `check` will leave it when it reads the file: shortening a
 * long line can cut a character in two, and that half would be dropped on the
 * next reading, so it is dropped before writing.
 */
function settledLine(cleaned: string): string {
  return cleaned.replace(/\p{Cs}/gu, '');
}

/** The text of a flag, or null when it was not given or is blank. */
function given(value: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  return cleanLine(value, Number.MAX_SAFE_INTEGER) === '' ? null : value.trim();
}

/**
 * The countries as English names (`UK` → `United Kingdom`), which read better
 * in a file than codes; a name that would not read back as its own country
 * is written as its ISO code instead.
 */
function countryValue(field: CountryField): string | string[] {
  const entries = [...(field.worldwide ? ['Worldwide'] : []), ...field.countries.map(writtenCountry)];
  return entries.length === 1 ? (entries[0] as string) : entries;
}

function writtenCountry(code: string): string {
  const name = countryName(code);
  const reread = normaliseCountryField(name);
  const roundTrips = reread.findings.length === 0 && reread.value?.worldwide === false && reread.value.countries.length === 1 && reread.value.countries[0] === code;
  return roundTrips ? name : code;
}
