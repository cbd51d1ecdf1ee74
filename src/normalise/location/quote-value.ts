// How a finding's sentence shows a value the editor wrote: short, on one
// line, unable to break out of its backticks, or named by its type.

const MAX_QUOTED_LENGTH = 40;

export function quoteValue(value: string): string {
  const oneLine = value
    .slice(0, MAX_QUOTED_LENGTH * 4)
    // Lone surrogates (from cut pairs or broken input) cannot be encoded as UTF-8.
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replaceAll('`', "'")
    .trim();
  const chars = Array.from(oneLine);
  const short = chars.length > MAX_QUOTED_LENGTH ? `${chars.slice(0, MAX_QUOTED_LENGTH - 1).join('')}…` : oneLine;
  return `\`${short}\``;
}

/** `maybe` quoted, or what kind of value it is: `a list`, `a mapping`, `a boolean`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteValue(value);
  if (typeof value === 'number') return quoteValue(String(value));
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}
