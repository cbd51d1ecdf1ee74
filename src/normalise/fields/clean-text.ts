// Single-line text fields (title, company, location) as they should be shown:
// no control or bidi-override characters that could reorder or hide text,
// whitespace collapsed, length bounded.
import type { Normalised } from '../../diagnostics/finding.ts';
import type { RuleId } from '../../diagnostics/rules.ts';
import { describeValue } from './describe-value.ts';

// C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and BOM characters.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanLine(text: string, maxLength = 200): string {
  const clean = text.replace(LONE_SURROGATE, '').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  // Cut by code points, so that no emoji or other surrogate pair is split in half.
  const points = Array.from(clean);
  let cut = '';
  for (const point of points) {
    if (cut.length + point.length > maxLength - 1) break;
    cut += point;
  }
  return `${cut.trimEnd()}…`;
}

/** A required text field: a string (numbers are accepted as written). */
export function requireText(value: unknown, key: string, missingRule: RuleId): Normalised<string | null> {
  if (value === undefined || value === null || value === '') {
    return { value: null, findings: [{ rule: missingRule, reason: `Add \`${key}:\` to the front-matter.` }] };
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { value: null, findings: [{ rule: 'value-type', reason: `\`${key}\` must be text, not ${describeValue(value)}.` }] };
  }
  const text = cleanLine(String(value));
  if (text === '') return { value: null, findings: [{ rule: missingRule, reason: `\`${key}\` is blank; write the ${key} as text.` }] };
  return { value: text, findings: [] };
}
