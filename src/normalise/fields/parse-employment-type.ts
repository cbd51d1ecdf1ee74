// Maps the many ways people write a kind of employment onto schema.org's
// `employmentType` values, which Google for Jobs and aggregators understand.
import { shortenForMessage } from '../../diagnostics/shorten-for-message.ts';
import type { Normalised } from '../../diagnostics/finding.ts';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../posting.ts';
import { describeValue } from './describe-value.ts';

const SPELLINGS: Record<string, EmploymentType> = {
  fulltime: 'FULL_TIME', full: 'FULL_TIME', permanent: 'FULL_TIME', ft: 'FULL_TIME', vollzeit: 'FULL_TIME',
  parttime: 'PART_TIME', part: 'PART_TIME', pt: 'PART_TIME', teilzeit: 'PART_TIME',
  contractor: 'CONTRACTOR', contract: 'CONTRACTOR', freelance: 'CONTRACTOR', freelancer: 'CONTRACTOR', b2b: 'CONTRACTOR', consultant: 'CONTRACTOR',
  temporary: 'TEMPORARY', temp: 'TEMPORARY', fixedterm: 'TEMPORARY', seasonal: 'TEMPORARY',
  intern: 'INTERN', internship: 'INTERN', trainee: 'INTERN', apprenticeship: 'INTERN', praktikum: 'INTERN',
  volunteer: 'VOLUNTEER', voluntary: 'VOLUNTEER', unpaid: 'VOLUNTEER',
  perdiem: 'PER_DIEM',
  other: 'OTHER',
};

function typeOf(text: string): EmploymentType | undefined {
  const key = text.replace(/[^a-z0-9]/g, '');
  return EMPLOYMENT_TYPES.find((type) => type.replace('_', '').toLowerCase() === key) ?? SPELLINGS[key];
}

export function parseEmploymentType(value: unknown): Normalised<EmploymentType | null> {
  if (value === undefined || value === null || value === '') return { value: null, findings: [] };
  if (typeof value !== 'string') {
    return { value: null, findings: [{ rule: 'employment-type-unknown', reason: `\`employment_type\` must be text such as FULL_TIME, not ${describeValue(value)}.` }] };
  }
  // `Full-time, permanent`, `Fixed-term (12 months)`, `B2B contract`: the whole
  // text first, then each listed part, then each word; the first known wins.
  const text = value.slice(0, 200).toLowerCase().replace(/\([^)]*\)/g, ' ');
  const parts = text.split(/[,;/+&|]|\band\b/);
  const candidates = [text, ...parts, ...parts.flatMap((part) => part.split(/\s+/))];
  for (const candidate of candidates) {
    const type = typeOf(candidate);
    if (type) return { value: type, findings: [] };
  }
  return {
    value: null,
    findings: [{ rule: 'employment-type-unknown', reason: `\`employment_type\` \`${shortenForMessage(value)}\` is not known; use one of ${EMPLOYMENT_TYPES.join(', ')}.` }],
  };
}
