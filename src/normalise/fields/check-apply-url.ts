// The apply link is the one thing a reader clicks on every posting, and it
// ends up in href attributes and feeds: only links that open a page or a mail
// client are accepted, never anything that can run code.
import type { Normalised } from '../../diagnostics/finding.ts';
import { describeValue } from './describe-value.ts';
import { shortenForMessage } from '../../diagnostics/shorten-for-message.ts';

const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
// Browsers ignore these when reading a scheme, so attackers hide `java\tscript:` with them.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

export function checkApplyUrl(value: unknown, key = 'apply_url'): Normalised<string | null> {
  if (value === undefined || value === null || value === '') {
    return { value: null, findings: [{ rule: 'apply-url-missing', reason: `Add \`${key}:\` with the https: link (or mailto: address) where candidates apply.` }] };
  }
  if (typeof value !== 'string') {
    return { value: null, findings: [{ rule: 'value-type', reason: `\`${key}\` must be a URL written as text, not ${describeValue(value)}.` }] };
  }
  const raw = value.trim();
  const scheme = /^([^:/?#]+):/.exec(raw.replace(IGNORED_IN_SCHEME, ''))?.[1]?.toLowerCase();
  if (scheme !== undefined && !['https', 'http', 'mailto'].includes(scheme)) {
    return {
      value: null,
      findings: [{ rule: 'apply-url-unsafe-protocol', reason: `\`${key}\` uses the \`${shortenForMessage(scheme, 20)}:\` protocol, which is not a link candidates can follow; use an https: URL or a mailto: address.` }],
    };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { value: null, findings: [{ rule: 'apply-url-invalid', reason: `\`${key}\` is not an absolute URL: write it in full, starting with https://.` }] };
  }
  if (!SAFE_PROTOCOLS.has(url.protocol) || /\s/.test(raw)) {
    return { value: null, findings: [{ rule: 'apply-url-invalid', reason: `\`${key}\` is not an absolute URL: write it in full, starting with https://.` }] };
  }
  if (url.protocol === 'mailto:') {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponentSafe(url.pathname))) {
      return { value: null, findings: [{ rule: 'apply-url-invalid', reason: `\`${key}\` is a mailto: link without a valid e-mail address; write it as mailto:jobs@example.com.` }] };
    }
    return { value: url.href, findings: [] };
  }
  if (url.hostname === '' || !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { value: null, findings: [{ rule: 'apply-url-invalid', reason: `\`${key}\` has no valid host name; write the full address, such as https://example.com/jobs/123.` }] };
  }
  if (url.username !== '' || url.password !== '') {
    return { value: null, findings: [{ rule: 'apply-url-invalid', reason: `\`${key}\` contains a user name or password; remove the credentials from the link.` }] };
  }
  const findings = url.protocol === 'http:'
    ? [{ rule: 'apply-url-insecure' as const, reason: `\`${key}\` uses plain http:; change it to https: if the site supports it.` }]
    : [];
  return { value: url.href, findings };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

