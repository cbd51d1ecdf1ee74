// `draft: true` keeps a posting out of every output while it is being written.
import type { Normalised } from '../../diagnostics/finding.ts';
import { describeValue } from './describe-value.ts';

export function parseDraft(value: unknown): Normalised<boolean> {
  if (value === undefined || value === null) return { value: false, findings: [] };
  if (typeof value === 'boolean') return { value, findings: [] };
  if (typeof value === 'string' && /^(true|yes|false|no)$/i.test(value.trim())) {
    return { value: /^(true|yes)$/i.test(value.trim()), findings: [] };
  }
  return { value: false, findings: [{ rule: 'draft-invalid', reason: `\`draft\` must be true or false, not ${describeValue(value)}.` }] };
}
