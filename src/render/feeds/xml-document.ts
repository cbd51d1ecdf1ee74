// The two doors through which strings enter and documents leave our XML
// outputs. Every text and attribute value is made XML-safe here, and the
// serialiser then checks well-formedness, so no posting content can produce
// a document a strict parser rejects.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { xmlSafeText } from './xml-safe-text.ts';

// xmlbuilder2 (4.x) writes `&` as `&amp;` only when it does not already look
// like a reference: a title `Q&A;` would come out as the undefined entity
// `&A;` (malformed), and `&lt;` in a summary would read back as `<`
// (oozcitak/xmlbuilder2#105, #110). Writing every `&` as `&amp;` first gives
// it text it passes through untouched. Probed once, so a release that escapes
// every `&` itself is not double-escaped.
const SERIALISER_SKIPS_REFERENCES = create().ele('probe').txt('&amp;').end({ headless: true }) === '<probe>&amp;</probe>';

/** A text or attribute value as the serialiser must receive it: XML-safe, `&` pre-escaped where needed. */
export function serialiserInput(value: string): string {
  const safe = xmlSafeText(value);
  return SERIALISER_SKIPS_REFERENCES ? safe.replace(/&/g, '&amp;') : safe;
}

/** The namespaces of `xml:` attributes and of `xmlns:` declarations, for namespaced roots. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Attribute values, made XML-safe like text. */
function safeAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, serialiserInput(value)]));
}

/** Appends `<name attributes…>value</name>` (in `namespace` when given) and returns the new element. */
export function text(
  parent: XMLBuilder,
  name: string,
  value: string,
  attributes?: Readonly<Record<string, string>>,
  namespace?: string,
): XMLBuilder {
  const safe = safeAttributes(attributes ?? {});
  const element = namespace === undefined ? parent.ele(name, safe) : parent.ele(namespace, name, safe);
  return element.txt(serialiserInput(value));
}

/** Appends an element with attributes only (`<link href="…"/>`). */
export function emptyElement(
  parent: XMLBuilder,
  name: string,
  attributes: Readonly<Record<string, string>>,
  namespace?: string,
): XMLBuilder {
  const safe = safeAttributes(attributes);
  return namespace === undefined ? parent.ele(name, safe) : parent.ele(namespace, name, safe);
}

/** The whole document, indented, ending in a newline; throws rather than emit malformed XML. */
export function finishXml(root: XMLBuilder): string {
  return `${root.end({ prettyPrint: true, wellFormed: true })}\n`;
}

// Big feeds are serialised a child at a time: each item or entry is written
// as it stands in the document (xml-element.ts), and the strings are put in
// place of a marker in the serialised outer document. The output is the
// same as one document's, but no tree of thousands of items is ever held,
// and an item listed by several feeds can be serialised once.
const CHILDREN_PLACE = 'jobsite:children';
const INDENT = '  ';

/**
 * The document, with `children` mapped through `serialise` (see serialiseXmlElement)
 * as the last children of `parent`, which sits at `depth`: as consecutive
 * parts, each child serialised only when the writer asks for it, so that a
 * feed of thousands of items is never held whole, as a tree or as text.
 */
export function* xmlPartsWithChildren<T>(root: XMLBuilder, parent: XMLBuilder, depth: number, children: readonly T[], serialise: (child: T) => string): Generator<string> {
  if (children.length === 0) {
    yield finishXml(root);
    return;
  }
  parent.com(CHILDREN_PLACE);
  const document = finishXml(root);
  const place = `${INDENT.repeat(depth + 1)}<!--${CHILDREN_PLACE}-->\n`;
  const at = document.indexOf(place);
  yield document.slice(0, at);
  for (const child of children) yield serialise(child);
  yield document.slice(at + place.length);
}
