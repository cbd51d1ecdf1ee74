// Makes any string storable in an XML 1.0 document. Every string that goes
// into RSS, Atom or the sitemap passes through here first, because postings
// can carry anything (pasted control characters, broken surrogate pairs) and
// one such character makes a whole feed unreadable to strict parsers.
// Escaping of `<`, `&` and `>` (and so `]]>`) is the XML serialiser's job.

// XML 1.0 `Char` is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a well-formed surrogate pair is one code point (allowed), so the
// surrogate range below only ever matches a lone half.
const NOT_XML_CHAR = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/**
 * Drops characters XML 1.0 cannot hold (C0 controls other than tab/LF/CR,
 * U+FFFE/U+FFFF, lone surrogates) and writes line breaks as LF, the form every
 * XML parser hands back, so that parsing the output returns exactly this string.
 */
export function xmlSafeText(text: string): string {
  return String(text).replace(NOT_XML_CHAR, '').replace(/\r\n?/g, '\n');
}
