// Serialises one feed item or entry straight to text, as it stands in the
// pretty-printed document that xmlbuilder2 writes around it. A feed holds
// thousands of items, and building each through xmlbuilder2's DOM cost
// ~2.4 ms an item (46 s of a cold build of 10,000 postings); its callback
// API is no cheaper, as it still makes a DOM fragment for every element.
// The elements of an item are ours and few (names are constants, never
// from a posting), so only the values need care: they are made XML-safe
// (xml-safe-text.ts) and escaped exactly as xmlbuilder2 escapes them. A
// property test holds the output to xmlbuilder2's own for the same tree.
import { xmlSafeText } from './xml-safe-text.ts';

/** One element of an item: text, child elements, or neither (written `<name …/>`). */
export interface XmlElement {
  /** Qualified name (`job:salary`); its prefix is declared by the document the element goes into. */
  name: string;
  attributes?: Readonly<Record<string, string>>;
  /** Text, taken as plain text and escaped here; or child elements. Empty: `<name …/>`. */
  content?: string | readonly XmlElement[];
}

const INDENT = '  ';

/** `element` indented to `depth` levels, ending in a line break, as xmlbuilder2 pretty-prints it. */
export function serialiseXmlElement(element: XmlElement, depth: number): string {
  const parts: string[] = [];
  writeElement(element, depth, parts);
  return parts.join('');
}

function writeElement({ name, attributes, content }: XmlElement, depth: number, parts: string[]): void {
  const indent = INDENT.repeat(depth);
  let open = `${indent}<${name}`;
  if (attributes !== undefined) {
    for (const attribute of Object.keys(attributes)) open += ` ${attribute}="${escapeAttribute(attributes[attribute]!)}"`;
  }
  // Text that is empty once made XML-safe makes an empty element, as in xmlbuilder2.
  const text = typeof content === 'string' ? xmlSafeText(content) : undefined;
  if (text !== undefined ? text === '' : content === undefined || content.length === 0) {
    parts.push(`${open}/>\n`);
  } else if (text !== undefined) {
    parts.push(`${open}>${text.replace(TEXT_SPECIAL, escapeCharacter)}</${name}>\n`);
  } else {
    parts.push(`${open}>\n`);
    for (const child of content as readonly XmlElement[]) writeElement(child, depth + 1, parts);
    parts.push(`${indent}</${name}>\n`);
  }
}

const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&<>"]/g;
const REFERENCE: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeCharacter(character: string): string {
  return REFERENCE[character]!;
}

function escapeAttribute(value: string): string {
  return xmlSafeText(value).replace(ATTRIBUTE_SPECIAL, escapeCharacter);
}
