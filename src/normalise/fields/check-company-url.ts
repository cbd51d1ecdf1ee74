// The company link is a nicety, not a requirement: a bad one is dropped with
// a warning instead of rejecting the posting.
import type { Normalised } from '../../diagnostics/finding.ts';

export function checkCompanyUrl(value: unknown): Normalised<string | null> {
  if (value === undefined || value === null || value === '') return { value: null, findings: [] };
  try {
    const url = new URL(String(value).trim());
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(String(value).trim())) {
      return { value: url.href, findings: [] };
    }
  } catch {
    // fall through to the warning
  }
  return { value: null, findings: [{ rule: 'company-url-invalid', reason: '`company_url` is not an absolute http(s) URL; write it in full, such as https://example.com, or remove it.' }] };
}
