// Big JSON documents (the JSON Feed, jobs.json) written an array element at a
// time: the document around the array is serialised once with a marker in the
// array, and each element is serialised on its own, indented to its depth,
// only when the writer asks for it. The bytes are JSON.stringify's with two
// spaces; no document of thousands of elements is ever held as one object or
// one string.
const MARKER = '\u0000jobsite-elements\u0000';

/**
 * `JSON.stringify(document, null, 2)` plus a newline, with `elements` mapped
 * through `toValue` as the array at `key`, which must be the document's last
 * key (so nothing after the marker can be a lookalike of it).
 */
export function* jsonPartsWithArray<T>(document: object, key: string, elements: readonly T[], toValue: (element: T) => unknown): Generator<string> {
  if (Object.keys(document).at(-1) !== key) throw new TypeError(`The array "${key}" must be the last key of the document.`);
  if (elements.length === 0) {
    yield `${JSON.stringify({ ...document, [key]: [] }, null, 2)}\n`;
    return;
  }
  const text = `${JSON.stringify({ ...document, [key]: [MARKER] }, null, 2)}\n`;
  const marker = JSON.stringify(MARKER);
  const at = text.lastIndexOf(marker);
  // The array is a value of the top-level object: its elements sit at depth 2.
  const indent = '\n    ';
  yield text.slice(0, at);
  let first = true;
  for (const element of elements) {
    // Strings in JSON hold no raw line breaks, so every one is the serialiser's own.
    const serialised = JSON.stringify(toValue(element), null, 2).replaceAll('\n', indent);
    yield first ? serialised : `,${indent}${serialised}`;
    first = false;
  }
  yield text.slice(at + marker.length);
}
