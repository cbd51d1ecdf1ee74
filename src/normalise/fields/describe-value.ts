// Names the kind of a YAML value in messages ("a list", "a number"), so that a
// type error tells the editor what they wrote, not a JavaScript type.

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return `a ${typeof value}`;
}
