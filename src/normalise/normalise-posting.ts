// One posting file → one `Posting` record, with every problem reported on the
// file at the line and column it came from. Each field goes through its own
// pure normaliser; this module only routes values in and findings out.
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import type { Finding } from '../diagnostics/finding.ts';
import { reportFinding, hasErrors } from '../diagnostics/report-finding.ts';
import type { Posting, Salary, Location } from '../posting.ts';
import type { PostingEntry } from '../board.ts';
import { parseFrontMatter } from '../parse/parse-front-matter.ts';
import { parseMarkdown } from '../parse/parse-markdown.ts';
import { checkMarkdownLimits } from '../parse/markdown-limits.ts';
import { repairMojibake } from './text/index.ts';
import { parseSalary } from './salary/index.ts';
import { normaliseLocation } from './location/index.ts';
import { canonicaliseKeys, type CanonicalKey } from './front-matter/canonicalise-keys.ts';
import { readScrapedLayout, type PlacedValue } from './scraped-layout/read-scraped-layout.ts';
import { readBodyBadges } from './scraped-layout/read-body-badges.ts';
import { reconcileScrapedSalary } from './scraped-layout/reconcile-scraped-salary.ts';
import { renderBody } from './body/render-body.ts';
import { checkApplyUrl } from './fields/check-apply-url.ts';
import { checkCompanyUrl } from './fields/check-company-url.ts';
import { requireText, cleanLine } from './fields/clean-text.ts';
import { parseDate, dateFromFileName, addDays } from './fields/parse-date.ts';
import { parseEmploymentType } from './fields/parse-employment-type.ts';
import { parseTags } from './fields/parse-tags.ts';
import { parseDraft } from './fields/parse-draft.ts';
import { idFromFileName } from './fields/slugify-id.ts';

export interface NormaliseOptions {
  /** Absolute site URL ending in `/`, or '' for site-relative posting URLs. */
  siteUrl: string;
  /** Days a posting stays open without `expires`. */
  validityDays: number;
  /** The file's last git commit date, asked only when nothing else dates the posting. */
  gitDate?: () => string | null;
}

/** A field value with where it was written. */
interface Input {
  value: unknown;
  place: Point | undefined;
}

const START: Point = { line: 1, column: 1 };

/**
 * Normalises the decoded text in `file.value` (file.path is the path relative
 * to the content folder). Messages are added to `file`; the entry is null when
 * the posting has errors.
 */
export async function normalisePosting(file: VFile, options: NormaliseOptions): Promise<PostingEntry | null> {
  const original = String(file.value);
  const say = (findings: readonly Finding[], place: Point | undefined) => {
    for (const finding of findings) reportFinding(file, finding, place ?? START);
  };

  const repaired = repairMojibake(original);
  for (const repair of repaired.repairs) {
    say([{ rule: 'text-mojibake-repaired', reason: `Repaired \`${repair.from}\` to \`${repair.to}\` (UTF-8 read as ${ENCODING_NAMES[repair.encoding]})${repair.count > 1 ? `, ${repair.count} times` : ''}; save the file with the repaired text.` }], pointAt(original, repair.index));
  }

  const frontMatter = parseFrontMatter(repaired.text);
  for (const { finding, place } of frontMatter.findings) say([finding], place);
  // Checked before parsing: some Markdown takes micromark minutes, or overflows the stack later.
  const overLimit = checkMarkdownLimits(frontMatter.body);
  if (overLimit) {
    say([overLimit.finding], overLimit.place);
    return null;
  }
  let tree = parseMarkdown(frontMatter.body);

  const inputs: Partial<Record<CanonicalKey, Input>> = {};
  let scrapedSalary: { header?: PlacedValue; body: PlacedValue[] } | null = null;
  if (frontMatter.present) {
    const canonical = canonicaliseKeys(frontMatter.data);
    for (const { finding, path } of canonical.findings) say([finding], frontMatter.placeOf(path));
    for (const [key, field] of Object.entries(canonical.fields)) {
      inputs[key as CanonicalKey] = { value: field.value, place: frontMatter.placeOf(field.path) };
    }
  } else {
    const scraped = readScrapedLayout(tree);
    if (!scraped) {
      say([{ rule: 'front-matter-missing', reason: 'The file has no front-matter; start it with a `---` block holding title, company, apply_url and the other keys (see `jobsite new`).' }], START);
      return null;
    }
    tree = scraped.body;
    const { header } = scraped;
    const badges = readBodyBadges(tree);
    inputs.title = placed(header.title);
    if (header.company) inputs.company = placed(header.company);
    if (header.applyUrl) inputs.apply_url = placed(header.applyUrl);
    if (header.country) inputs.country = placed(header.country);
    const location = header.location ?? badges.location;
    if (location) inputs.location = placed(location);
    if (header.employmentType) inputs.employment_type = placed(header.employmentType);
    scrapedSalary = { header: header.salary, body: badges.salaries };
  }
  if (hasErrors(file)) return null;

  const text = (key: 'title' | 'company', rule: 'title-missing' | 'company-missing') => {
    const result = requireText(inputs[key]?.value, key, rule);
    say(result.findings, inputs[key]?.place);
    return result.value;
  };
  const title = text('title', 'title-missing');
  const companyName = text('company', 'company-missing');

  const companyUrl = field('company_url', checkCompanyUrl);
  const applyUrl = field('apply_url', (value) => checkApplyUrl(value));
  const location = normaliseLocationInput();
  const salary = scrapedSalary ? scrapedSalaryValue(scrapedSalary, location) : salaryValue(location);
  const dates = datesValue();
  const employmentType = field('employment_type', parseEmploymentType);
  const tags = field('tags', parseTags);
  const draft = field('draft', parseDraft);

  const body = await renderBody(tree);
  for (const { finding, place } of body.findings) say([finding], place);
  if (body.html === '' && !body.refused) say([{ rule: 'body-empty', reason: 'The posting has no body; describe the role, the team and how to apply below the front-matter.' }], START);

  if (hasErrors(file) || !title || !companyName || !applyUrl || !dates) return null;
  const id = idFromFileName(file.path);
  const posting: Posting = {
    id,
    url: options.siteUrl ? new URL(`jobs/${id}/`, options.siteUrl).href : `/jobs/${id}/`,
    title,
    company: { name: companyName, url: companyUrl },
    salary,
    location,
    applyUrl,
    datePosted: dates.datePosted,
    validThrough: dates.validThrough,
    employmentType,
    tags: tags ?? [],
    summary: body.summary,
    contentHtml: body.html,
  };
  return { posting, file: file.path, draft: draft ?? false };

  function field<T>(key: CanonicalKey, normalise: (value: unknown) => { value: T; findings: Finding[] }): T | null {
    const input = inputs[key];
    if (key !== 'apply_url' && (input === undefined || input.value === undefined || input.value === null)) return null;
    const result = normalise(input?.value);
    say(result.findings, input?.place);
    return result.value;
  }

  function normaliseLocationInput(): Location {
    const result = normaliseLocation({ country: inputs.country?.value, location: inputs.location?.value, remote: inputs.remote?.value });
    for (const finding of result.findings) {
      const key = finding.rule === 'remote-invalid' ? 'remote' : finding.rule === 'country-missing' ? 'location' : 'country';
      say([finding], inputs[key]?.place);
    }
    return { ...result.value, text: result.value.text === null ? null : cleanLine(result.value.text) };
  }

  function salaryValue(location: Location): Salary | null {
    const input = inputs.salary;
    if (!input || input.value === undefined || input.value === null || input.value === '') return null;
    const result = parseSalary(input.value, { currency: typeof inputs.currency?.value === 'string' ? inputs.currency.value : null, countries: location.countries });
    say(result.findings, input.place);
    return cleanSalaryText(result.value);
  }

  function scrapedSalaryValue(scraped: { header?: PlacedValue; body: PlacedValue[] }, location: Location): Salary | null {
    const result = reconcileScrapedSalary(scraped, (text) => parseSalary(text, { countries: location.countries }));
    for (const { finding, place } of result.findings) say([finding], place);
    return cleanSalaryText(result.value);
  }

  function datesValue(): { datePosted: string; validThrough: string } | null {
    let datePosted: string | null = null;
    // An empty `date:` or `expires:` is the same as leaving the key out.
    if (isGiven(inputs.date)) {
      datePosted = field('date', (value) => parseDate(value, 'date'));
      if (datePosted === null) return null;
    } else {
      datePosted = dateFromFileName(file.basename ?? '');
      if (datePosted === null) {
        datePosted = options.gitDate?.() ?? null;
        if (datePosted) say([{ rule: 'date-from-git', reason: `No \`date:\` and no YYYY-MM-DD- file name prefix; used the last commit date ${datePosted}. Add \`date:\` to fix it.` }], START);
      }
      if (datePosted === null) {
        say([{ rule: 'date-missing', reason: 'The posting has no date; add `date: YYYY-MM-DD` or start the file name with the date.' }], START);
        return null;
      }
    }
    let validThrough = addDays(datePosted, options.validityDays);
    if (isGiven(inputs.expires)) {
      const expires = field('expires', (value) => parseDate(value, 'expires'));
      if (expires === null) return null;
      if (expires < datePosted) {
        say([{ rule: 'expires-before-date', reason: `\`expires\` (${expires}) is before \`date\` (${datePosted}); correct one of them.` }], inputs.expires?.place);
        return null;
      }
      validThrough = expires;
    }
    return { datePosted, validThrough };
  }
}

const ENCODING_NAMES = { macintosh: 'Mac Roman', 'windows-1252': 'Windows-1252', 'latin-1': 'Latin-1' } as const;

function isGiven(input: Input | undefined): input is Input {
  return input !== undefined && input.value !== undefined && input.value !== null && input.value !== '';
}

// The salary text is shown as written, like the location: one line, without controls or bidi overrides.
function cleanSalaryText(salary: Salary | null): Salary | null {
  return salary === null ? null : { ...salary, text: cleanLine(salary.text) };
}

function placed(value: PlacedValue): Input {
  return { value: value.value, place: value.place };
}

/** Line and column (1-based, UTF-16 units) of an offset in a text. */
function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
