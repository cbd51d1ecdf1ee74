// JSON for inside `<script type="application/ld+json">`. The HTML parser ends
// a script at `</script` and treats `<!--` specially whatever the JSON says,
// so those characters must never appear raw. JSON allows `\uXXXX` for any
// character in a string, and `<`, `>`, `&`, U+2028 and U+2029 only occur
// inside strings, so escaping them keeps the value identical for parsers.

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** `JSON.stringify(value)` with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes. */
export function serializeJsonLdForScript(value: unknown, indent?: number): string {
  // Lone surrogates are already `\udXXX` escapes: JSON.stringify is well-formed since ES2019.
  const json = JSON.stringify(value, null, indent) ?? 'null';
  return json.replace(SCRIPT_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
