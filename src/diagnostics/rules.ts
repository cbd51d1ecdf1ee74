// The one catalogue of diagnostic rules. Every message jobsite prints names a
// rule from here; the README's rule table is generated from it, so the two
// cannot drift. Ids are stable: editors and CI filters depend on them.

export type Severity = 'error' | 'warning' | 'info';

export interface Rule {
  severity: Severity;
  /** What the rule checks, for the README table. */
  description: string;
}

export const rules = {
  // load
  'file-encoding-fallback': { severity: 'warning', description: 'The file is not valid UTF-8 and was decoded as Windows-1252; save it as UTF-8.' },
  'file-unreadable': { severity: 'error', description: 'The file could not be read, is binary, or is too large to be a posting.' },
  'text-mojibake-repaired': { severity: 'info', description: 'Text that had been decoded with the wrong code page (Mac Roman, Windows-1252, Latin-1) was repaired.' },
  // front-matter
  'yaml-syntax': { severity: 'error', description: 'The front-matter is not valid YAML.' },
  'yaml-not-mapping': { severity: 'error', description: 'The front-matter must be a mapping of keys to values.' },
  'yaml-too-complex': { severity: 'error', description: 'The front-matter expands too many aliases or nests too deeply.' },
  'front-matter-missing': { severity: 'error', description: 'The file has neither front-matter nor the scraped header layout, so it has no metadata.' },
  'key-deprecated': { severity: 'warning', description: 'An old spelling of a front-matter key was used; rename it to the canonical key.' },
  'key-unknown': { severity: 'warning', description: 'A front-matter key that jobsite does not know; it is ignored.' },
  'key-duplicate': { severity: 'error', description: 'Two spellings of the same front-matter key were given with different values.' },
  'value-type': { severity: 'error', description: 'A front-matter value has the wrong type (for example a list where text is expected).' },
  // fields
  'title-missing': { severity: 'error', description: 'Every posting needs a `title`.' },
  'company-missing': { severity: 'error', description: 'Every posting needs a `company`.' },
  'company-url-invalid': { severity: 'warning', description: '`company_url` is not an absolute http(s) URL; it is left out.' },
  'apply-url-missing': { severity: 'error', description: 'Every posting needs an `apply_url`.' },
  'apply-url-unsafe-protocol': { severity: 'error', description: '`apply_url` uses a protocol that can run code or is not a link (`javascript:`, `data:`, `vbscript:`, ...).' },
  'apply-url-invalid': { severity: 'error', description: '`apply_url` is not an absolute URL (relative or malformed).' },
  'apply-url-insecure': { severity: 'warning', description: '`apply_url` uses plain `http:`; prefer `https:`.' },
  'date-missing': { severity: 'error', description: 'No `date`, no `YYYY-MM-DD-` file name prefix and no git history to date the posting.' },
  'date-invalid': { severity: 'error', description: 'A date is not a real calendar date in `YYYY-MM-DD` form.' },
  'date-from-git': { severity: 'info', description: 'The posting date was taken from the file\'s last git commit.' },
  'expires-before-date': { severity: 'error', description: '`expires` is before `date`.' },
  'employment-type-unknown': { severity: 'error', description: '`employment_type` is not one of the schema.org values (or a common spelling of one).' },
  'tags-invalid': { severity: 'warning', description: 'A tag is empty or has nothing that can be written as a-z or 0-9 once slugged; it is dropped.' },
  'remote-invalid': { severity: 'error', description: '`remote` must be true, false, `remote`, `hybrid` or `onsite`.' },
  'draft-invalid': { severity: 'error', description: '`draft` must be true or false.' },
  // salary
  'salary-unreadable': { severity: 'warning', description: 'The salary text could not be read as an amount; it is kept as text only.' },
  'salary-not-stated': { severity: 'info', description: 'The salary says `Competitive`, `DOE`, `Negotiable` or similar: no figure is published.' },
  'salary-range-inverted': { severity: 'error', description: 'The salary minimum is greater than the maximum.' },
  'salary-negative': { severity: 'error', description: 'A salary figure is negative.' },
  'salary-absurd': { severity: 'error', description: 'A salary figure is implausibly large or small for its period.' },
  'salary-currency-unknown': { severity: 'error', description: 'The salary currency is not an ISO 4217 code or a known symbol.' },
  'salary-currency-missing': { severity: 'warning', description: 'A salary figure has no currency and none could be inferred; add `currency:`.' },
  'salary-currency-conflict': { severity: 'warning', description: 'The salary text names a different currency from `currency:`; the salary text wins.' },
  'salary-period-inferred': { severity: 'info', description: 'The salary period was not stated and was inferred from the size of the figures.' },
  'salary-header-mismatch': { severity: 'warning', description: 'The scraped header salary disagrees with the range stated in the body; the body wins.' },
  // location
  'country-unknown': { severity: 'error', description: 'A `country` value is not a country name, alias or ISO code.' },
  'country-region': { severity: 'warning', description: 'A `country` entry names a region (`EMEA`, `Europe`, `APAC`); it is shown as the location but not turned into countries.' },
  'country-time-zone': { severity: 'warning', description: 'A `country` entry is a time zone or range (`UTC-3 to UTC+3`), which says when people work, not where; it is not turned into countries.' },
  'country-missing': { severity: 'warning', description: 'No country could be read from `country` or `location`; add `country:`.' },
  // body
  'body-empty': { severity: 'warning', description: 'The posting has no body text.' },
  'body-unsafe-html': { severity: 'info', description: 'HTML in the body that is not on the allow-list (scripts, styles, event handlers, unsafe URLs) was removed.' },
  'body-too-long': { severity: 'error', description: 'The Markdown body is longer than 64 KiB; shorten it or link to the full description.' },
  'body-too-deep': { severity: 'error', description: 'Lists, quotes, emphasis or HTML elements in the body nest too deeply to render safely; flatten them.' },
  'body-too-complex': { severity: 'error', description: 'A paragraph, list or table has so much markup (or the body so many underlined headings) that reading it would take too long; split or simplify it.' },
  // board
  'id-duplicate': { severity: 'error', description: 'Two postings have the same id (file names that differ only by case, date prefix or extension).' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}
