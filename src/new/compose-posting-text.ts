// The text of a new posting file: canonical front-matter (canonical keys in
// canonical order, values quoted wherever a YAML reader could take them for
// something else) and a body skeleton whose placeholders say what to write.
import { Document, Scalar, isCollection, isScalar, type Node } from 'yaml';
import { CANONICAL_KEYS } from '../normalise/front-matter/canonicalise-keys.ts';
import type { FrontMatterValues } from './read-new-posting.ts';

// Plain scalars that YAML 1.1 readers (many tools besides jobsite) take for booleans or null.
const YAML_11_KEYWORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

// Placeholders are real sentences, so that the posting is never published with an
// empty body, and each starts with TODO so that one left in is easy to find.
export const BODY_SKELETON = `## About us

TODO: Say in two or three sentences what the company does, for whom, and why it matters.

## The role

TODO: Describe the role: the team it is part of, what it owns and why it is open now.

## What you'll do

- TODO: The main responsibilities, one per line.

## What we're looking for

- TODO: The skills and experience that matter, one per line; say which are nice to have.

## How to apply

TODO: Say what to send and what happens after someone applies.
`;

export function composePostingText(values: FrontMatterValues, body: string = BODY_SKELETON): string {
  return `${frontMatterText(values)}\n${body.trimEnd()}\n`;
}

export function frontMatterText(values: FrontMatterValues): string {
  const doc = new Document({});
  for (const key of CANONICAL_KEYS) {
    const value = values[key];
    if (value === undefined) continue;
    const node = doc.createNode(value, { flow: true }) as Node;
    quoteKeywords(node);
    doc.add(doc.createPair(key, node));
  }
  const yaml = values && Object.values(values).some((value) => value !== undefined)
    ? doc.toString({ lineWidth: 0, flowCollectionPadding: false })
    : '';
  return `---\n${yaml}---\n`;
}

function quoteKeywords(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && YAML_11_KEYWORDS.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
  } else if (isCollection(node)) {
    for (const item of node.items) quoteKeywords(item);
  }
}
