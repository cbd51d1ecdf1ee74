// Tags become URL slugs (`tags/<tag>/`), so they are slugged and deduplicated
// here, once, rather than in every template.
import { shortenForMessage } from '../../diagnostics/shorten-for-message.ts';
import type { Finding, Normalised } from '../../diagnostics/finding.ts';
import { describeValue } from './describe-value.ts';
import { toSlug } from './slugify-id.ts';

// More tags than this is spam, not description; the rest are dropped with a warning.
export const MAX_TAGS = 30;

export function parseTags(value: unknown): Normalised<string[]> {
  if (value === undefined || value === null || value === '') return { value: [], findings: [] };
  const findings: Finding[] = [];
  let items: unknown[];
  if (typeof value === 'string') items = value.split(',');
  else if (Array.isArray(value)) items = value;
  else return { value: [], findings: [{ rule: 'value-type', reason: `\`tags\` must be a list or a comma-separated text, not ${describeValue(value)}.` }] };

  const tags: string[] = [];
  for (const item of items) {
    const slug = typeof item === 'string' || typeof item === 'number' ? toSlug(String(item)) : '';
    if (slug === '') {
      findings.push({ rule: 'tags-invalid', reason: `The tag ${typeof item === 'string' ? `\`${shortenForMessage(item)}\`` : describeValue(item)} has nothing that can be written as a-z or 0-9 in a URL and was dropped; use a tag in Latin letters (for example \`japanese\`).` });
    } else if (!tags.includes(slug)) {
      tags.push(slug);
    }
    if (tags.length > MAX_TAGS) break;
  }
  if (tags.length > MAX_TAGS) {
    tags.length = MAX_TAGS;
    findings.push({ rule: 'tags-invalid', reason: `The posting has more than ${MAX_TAGS} tags; only the first ${MAX_TAGS} are kept. Keep the ones readers search for.` });
  }
  return { value: tags, findings };
}
