// Refuses Markdown that the parser and the tree code cannot handle in bounded
// time and stack, before any of it runs. micromark is quadratic on some
// inputs (long runs of unmatched `*`, `_`, `[`, `<!--` in one paragraph; many
// setext headings), and the mdast/hast utilities recurse once per nesting
// level, so one hostile posting could stall a build for minutes or crash it
// with a stack overflow. Real postings are under 10 KiB and nest a handful of
// levels; every limit here leaves them at least ten times that room.
//
// The scan is one pass over the lines, with no parsing: it only has to be
// cheap and never miss a case that would be slow to parse. `treeDepth`
// measures the exact depth of a parsed tree, without recursion, for what the
// line scan cannot see (emphasis inside emphasis, raw HTML).
import type { Point } from 'unist';
import type { Finding } from '../diagnostics/finding.ts';

/** Characters of Markdown after the front-matter (UTF-16 code units). */
export const MAX_BODY_CHARS = 64 * 1024;
/** Lists and block quotes opened on one line (`> > - 1. x`), counting indentation as nesting. */
export const MAX_LINE_NESTING = 100;
/** Nodes from the root to the deepest leaf of the Markdown or HTML tree. */
export const MAX_TREE_DEPTH = 200;
/** Emphasis, strikethrough, bracket and `<` characters in one paragraph, list or table (a run of non-blank lines). */
export const MAX_INLINE_MARKERS_PER_BLOCK = 1000;
/** Setext headings (a line of `=` or `-` under text): micromark re-scans the whole document for each. */
export const MAX_SETEXT_HEADINGS = 100;

export interface LimitFinding {
  finding: Finding;
  place: Point;
}

const INLINE_MARKERS = new Set(['*', '_', '~', '[', ']', '<']);

/**
 * The first limit the Markdown breaks, placed at the line where it does, or
 * null. `markdown` may start with blank lines standing for the front-matter
 * (see parse-front-matter); they do not count towards the length.
 */
export function checkMarkdownLimits(markdown: string): LimitFinding | null {
  let start = 0;
  while (start < markdown.length && markdown.charCodeAt(start) === 10) start++;
  const length = markdown.length - start;
  if (length > MAX_BODY_CHARS) {
    return {
      finding: {
        rule: 'body-too-long',
        reason: `The body is ${kib(length)} KiB of text; a posting body may be at most ${kib(MAX_BODY_CHARS)} KiB. Shorten it, or link to the full description.`,
      },
      place: { line: start + 1, column: 1 },
    };
  }

  let line = start + 1;
  let blockLine = 0;
  let blockMarkers = 0;
  let setextHeadings = 0;
  let previousBlank = true;
  let fence: string | null = null;
  for (let lineStart = start; lineStart <= markdown.length; line++) {
    let lineEnd = markdown.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = markdown.length;
    const text = markdown.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;

    const fenceMarker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== null) {
      // Code is not parsed for Markdown: only its closing fence matters.
      if (fenceMarker !== undefined && fenceMarker[0] === fence[0] && fenceMarker.length >= fence.length && text.trim() === fenceMarker) fence = null;
      continue;
    }
    if (fenceMarker !== undefined) {
      fence = fenceMarker;
      previousBlank = false;
      continue;
    }

    const blank = text.trim() === '';
    if (blank) {
      blockMarkers = 0;
      previousBlank = true;
      continue;
    }
    if (previousBlank) blockLine = line;

    if (lineNesting(text) > MAX_LINE_NESTING) {
      return {
        finding: {
          rule: 'body-too-deep',
          reason: `Line ${line} nests more than ${MAX_LINE_NESTING} lists or block quotes inside one another; flatten the structure.`,
        },
        place: { line, column: 1 },
      };
    }
    if (!previousBlank && /^ {0,3}(?:=+|-+)[ \t]*$/.test(text) && ++setextHeadings > MAX_SETEXT_HEADINGS) {
      return {
        finding: {
          rule: 'body-too-complex',
          reason: `The body underlines more than ${MAX_SETEXT_HEADINGS} headings with \`=\` or \`-\` lines, which takes too long to read; write headings as \`## Heading\` instead.`,
        },
        place: { line, column: 1 },
      };
    }
    for (let i = 0; i < text.length; i++) {
      if (INLINE_MARKERS.has(text[i]!)) blockMarkers++;
    }
    if (blockMarkers > MAX_INLINE_MARKERS_PER_BLOCK) {
      return {
        finding: {
          rule: 'body-too-complex',
          reason: `The paragraph, list or table starting at line ${blockLine} has more than ${MAX_INLINE_MARKERS_PER_BLOCK} \`* _ ~ [ ] <\` characters, which takes too long to read; split it with blank lines or remove markup.`,
        },
        place: { line: blockLine, column: 1 },
      };
    }
    previousBlank = false;
  }
  return null;
}

/**
 * How many lists and block quotes a line opens or sits in, estimated from its
 * prefix: each `>` or list marker is one level, and so is every two columns
 * of indentation in front of a marker (a nested list item is indented by at
 * least the width of its parent's marker).
 */
function lineNesting(text: string): number {
  let levels = 0;
  let columns = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ') {
      columns++;
      i++;
    } else if (char === '\t') {
      columns += 4 - (columns % 4);
      i++;
    } else if (char === '>') {
      levels++;
      i++;
    } else if ((char === '-' || char === '+' || char === '*') && isSpaceOrEnd(text, i + 1)) {
      levels++;
      i++;
    } else {
      let j = i;
      while (j < text.length && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if (j === i || (text[j] !== '.' && text[j] !== ')') || !isSpaceOrEnd(text, j + 1)) break;
      levels++;
      i = j + 1;
    }
  }
  return levels === 0 ? 0 : levels + Math.floor(columns / 2);
}

function isSpaceOrEnd(text: string, index: number): boolean {
  return index >= text.length || text[index] === ' ' || text[index] === '\t';
}

/** Nodes on the longest path from `tree` to a leaf (a lone root is 1); iterative, so any depth is safe. */
export function treeDepth(tree: { children?: unknown }): number {
  let deepest = 0;
  const stack: { node: { children?: unknown }; depth: number }[] = [{ node: tree, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (Array.isArray(node.children)) {
      for (const child of node.children) if (typeof child === 'object' && child !== null) stack.push({ node: child as { children?: unknown }, depth: depth + 1 });
    }
  }
  return deepest;
}

/** The finding for a tree deeper than MAX_TREE_DEPTH (or one that overflowed the stack). */
export function tooDeepFinding(): Finding {
  return {
    rule: 'body-too-deep',
    reason: `The body nests lists, quotes, emphasis or HTML elements more than ${MAX_TREE_DEPTH} levels deep; flatten the structure.`,
  };
}

function kib(chars: number): string {
  const value = chars / 1024;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
