// Writes canonical front-matter: canonical keys in canonical order, one key
// per line (lists and salary maps in flow style), and a `# TODO:` comment on
// the line of each key that still needs a person's decision. Stable: the same
// values always give the same bytes, which keeps `jobsite import` idempotent.
import { Document, Scalar, isScalar, type Node } from 'yaml';
import { CANONICAL_KEYS, type CanonicalKey } from '../normalise/front-matter/canonicalise-keys.ts';

/** Values to write; `undefined` leaves the key out, `null` writes it empty (only when it has a TODO). */
export type FrontMatterValues = Partial<Record<CanonicalKey, unknown>>;
export type FrontMatterTodos = Partial<Record<CanonicalKey, string>>;

// Plain scalars that YAML 1.1 readers (and so many other tools) take for booleans or null.
const YAML_11_KEYWORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

export function writeFrontMatter(values: FrontMatterValues, todos: FrontMatterTodos = {}): string {
  const doc = new Document({});
  for (const key of CANONICAL_KEYS) {
    const value = values[key];
    const todo = todos[key];
    if (value === undefined || (value === null && todo === undefined)) continue;
    const node = doc.createNode(value, { flow: true }) as Node;
    quoteAmbiguousStrings(node);
    if (todo !== undefined) node.comment = ` TODO: ${oneLine(todo)}`;
    doc.add(doc.createPair(key, node));
  }
  const yaml = doc.contents && 'items' in doc.contents && doc.contents.items.length > 0
    ? doc.toString({ lineWidth: 0, nullStr: '', flowCollectionPadding: false })
    : '';
  return `---\n${yaml}---\n`;
}

/** The posting file: front-matter, a blank line, then the body (which ends with one newline). */
export function composePosting(frontMatter: string, body: string): string {
  const trimmed = body.trimEnd();
  return trimmed === '' ? frontMatter : `${frontMatter}\n${trimmed}\n`;
}

function quoteAmbiguousStrings(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && YAML_11_KEYWORDS.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    return;
  }
  if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
    for (const item of node.items as unknown[]) {
      if (item && typeof item === 'object' && 'value' in item && 'key' in item) quoteAmbiguousStrings(item.value);
      else quoteAmbiguousStrings(item);
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
