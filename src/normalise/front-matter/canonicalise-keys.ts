// Front-matter written by people and by other tools spells keys many ways
// (`applyUrl`, `apply`, `salary_min`). This maps each to its canonical key,
// remembering where it was written, and says which spellings to change.
import type { Finding } from '../../diagnostics/finding.ts';
import { shortenForMessage } from '../../diagnostics/shorten-for-message.ts';

export const CANONICAL_KEYS = [
  'title', 'company', 'company_url', 'salary', 'currency', 'country', 'location', 'remote',
  'apply_url', 'date', 'expires', 'employment_type', 'tags', 'draft',
] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

/** Parts of a salary map that may be written as top-level keys. */
const SALARY_PARTS = { salary_min: 'min', salary_max: 'max', salary_currency: 'currency', salary_period: 'period', min_salary: 'min', max_salary: 'max' } as const;

// Keyed by the spelling folded to snake_case (see foldKey).
const OLD_SPELLINGS: Record<string, CanonicalKey> = {
  job_title: 'title', position: 'title', role: 'title',
  company_name: 'company', employer: 'company', organization: 'company', organisation: 'company', hiring_organization: 'company',
  company_website: 'company_url', company_link: 'company_url', website: 'company_url',
  apply: 'apply_url', apply_link: 'apply_url', application_url: 'apply_url', apply_to: 'apply_url', how_to_apply: 'apply_url',
  compensation: 'salary', pay: 'salary', base_salary: 'salary',
  countries: 'country', location_country: 'country',
  remote_mode: 'remote', workplace: 'remote', workplace_type: 'remote', job_location_type: 'remote',
  date_posted: 'date', posted: 'date', posted_at: 'date', published: 'date', published_at: 'date',
  valid_through: 'expires', expiry: 'expires', expires_at: 'expires', expiration: 'expires', closing_date: 'expires', deadline: 'expires',
  type: 'employment_type', job_type: 'employment_type', contract_type: 'employment_type',
  keywords: 'tags', skills: 'tags', categories: 'tags', tag: 'tags',
};

export interface Field {
  value: unknown;
  /** Key path of the value in the front-matter, for positions. */
  path: (string | number)[];
}

export interface CanonicalFields {
  fields: Partial<Record<CanonicalKey, Field>>;
  findings: { finding: Finding; path: (string | number)[] }[];
}

/** `applyUrl`, `Apply-URL`, `apply url` → `apply_url`. */
export function foldKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export function canonicaliseKeys(data: Record<string, unknown>): CanonicalFields {
  const fields: CanonicalFields['fields'] = {};
  const findings: CanonicalFields['findings'] = [];
  const salaryParts: Record<string, unknown> = {};
  let salaryPartPath: (string | number)[] | null = null;

  for (const [key, value] of Object.entries(data)) {
    const folded = foldKey(key);
    if (folded in SALARY_PARTS) {
      salaryParts[SALARY_PARTS[folded as keyof typeof SALARY_PARTS]] = value;
      salaryPartPath ??= [key];
      findings.push({ path: [key], finding: { rule: 'key-deprecated', reason: `\`${key}\` is an old spelling; write the salary as one \`salary:\` map with \`min\`, \`max\`, \`currency\` and \`period\`.` } });
      continue;
    }
    const canonical = (CANONICAL_KEYS as readonly string[]).includes(folded) ? (folded as CanonicalKey) : OLD_SPELLINGS[folded];
    if (!canonical) {
      findings.push({ path: [key], finding: { rule: 'key-unknown', reason: `\`${key}\` is not a jobsite key and is ignored; check its spelling or remove it.` } });
      continue;
    }
    if (key !== canonical) {
      findings.push({ path: [key], finding: { rule: 'key-deprecated', reason: `\`${key}\` is an old spelling; rename it to \`${canonical}\`.` } });
    }
    const existing = fields[canonical];
    if (existing) {
      if (JSON.stringify(existing.value) !== JSON.stringify(value)) {
        findings.push({ path: [key], finding: { rule: 'key-duplicate', reason: `\`${key}\` and \`${String(existing.path[0])}\` both set \`${canonical}\` to different values; keep only \`${canonical}\`.` } });
      }
      // The canonical spelling wins over an old one, whichever comes first.
      if (key === canonical) fields[canonical] = { value, path: [key] };
      continue;
    }
    fields[canonical] = { value, path: [key] };
  }

  if (salaryPartPath) {
    if (fields.salary) {
      findings.push({ path: salaryPartPath, finding: { rule: 'key-duplicate', reason: 'Both `salary` and `salary_min`/`salary_max` are given; keep only the `salary:` map.' } });
    } else {
      fields.salary = { value: salaryParts, path: salaryPartPath };
    }
  }
  return { fields, findings: capFindings(findings) };
}

/** Findings of one rule beyond this many are summed up in one: a front-matter of ten thousand stray keys needs one message, not ten thousand. */
export const MAX_FINDINGS_PER_RULE = 20;

function capFindings(findings: CanonicalFields['findings']): CanonicalFields['findings'] {
  const kept: CanonicalFields['findings'] = [];
  const extra = new Map<string, { first: CanonicalFields['findings'][number]; count: number }>();
  const counts = new Map<string, number>();
  for (const item of findings) {
    const count = (counts.get(item.finding.rule) ?? 0) + 1;
    counts.set(item.finding.rule, count);
    if (count <= MAX_FINDINGS_PER_RULE) kept.push(item);
    else if (count === MAX_FINDINGS_PER_RULE + 1) extra.set(item.finding.rule, { first: item, count: 1 });
    else extra.get(item.finding.rule)!.count++;
  }
  for (const [rule, { first, count }] of extra) {
    kept.push({
      path: first.path,
      finding: { rule: rule as Finding['rule'], reason: `${count} more keys like the ones above (from \`${shortenForMessage(String(first.path[0]))}\` on) have the same problem; fix them the same way.` },
    });
  }
  return kept;
}

