// Scraped bodies repeat their key facts as an emoji badge line
// (`📍London / UK Remote | 💰 £95,000 - £150,000 + Benefits | …`). The
// salary stated there is the company's own words, more trustworthy than a
// board's header figure, and the 📍 text is the fuller location.
import { visit } from 'unist-util-visit';
import type { Root, Text } from 'mdast';
import type { PlacedValue } from './read-scraped-layout.ts';

export interface BodyBadges {
  /** Every 💰 statement in the body, in document order. */
  salaries: PlacedValue[];
  location?: PlacedValue;
}

// A badge runs to the next separator: a bar, a line end, another emoji-led badge, or an added extra.
const BADGE = /(💰|📍)\s*([^|\n💰📍➕]*?)(?=\s*(?:\||\n|➕|\s\+\s|$|💰|📍|✨))/gu;

export function readBodyBadges(tree: Root): BodyBadges {
  const badges: BodyBadges = { salaries: [] };
  visit(tree, 'text', (node: Text) => {
    for (const match of node.value.matchAll(BADGE)) {
      const value = (match[2] ?? '').trim();
      if (value === '') continue;
      const place = node.position ? offsetPoint(node, match.index ?? 0) : undefined;
      if (match[1] === '💰') badges.salaries.push({ value, place });
      else badges.location ??= { value, place };
    }
  });
  return badges;
}

// Text nodes know where they start; a badge on the node's first line is on the same line.
function offsetPoint(node: Text, index: number) {
  const start = node.position!.start;
  const before = node.value.slice(0, index);
  const newline = before.lastIndexOf('\n');
  if (newline === -1) return { line: start.line, column: start.column + index };
  return { line: start.line + (before.match(/\n/g)?.length ?? 0), column: index - newline };
}
