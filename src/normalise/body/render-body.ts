// Posting body: mdast → hast (raw HTML parsed, so it can be judged) → headings
// shifted below the page's own <h1> → sanitised by the allow-list → HTML.
// Also the summary: the plain text of the first paragraph.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'hast-util-to-string';
import { EXIT, visit } from 'unist-util-visit';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import type { Point } from 'unist';
import type { Finding } from '../../diagnostics/finding.ts';
import { bodySchema, allowedTagNames, isAllowedAttribute } from './sanitize-schema.ts';
import { MAX_TREE_DEPTH, tooDeepFinding, treeDepth } from '../../parse/markdown-limits.ts';

export const SUMMARY_LENGTH = 280;

export interface RenderedBody {
  html: string;
  summary: string;
  findings: { finding: Finding; place?: Point }[];
  /** The body nests too deeply to render: `html` is empty and `findings` says why. */
  refused: boolean;
}

// Parsing raw HTML runs the whole tree through parse5, which costs more than
// the rest of this module together; a body without raw HTML skips it and
// comes out the same.
const toHastWithRaw = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
const toHastPlain = unified().use(remarkRehype).freeze();
const toHtml = unified().use(rehypeSanitize, bodySchema).use(rehypeStringify, { characterReferences: { useNamedReferences: true } }).freeze();

export async function renderBody(mdast: MdastRoot): Promise<RenderedBody> {
  // Every step below recurses once per level. The depth is checked on both
  // trees; raw HTML nested thousands deep overflows while it is being parsed
  // into the HTML tree, before it can be measured, so that overflow is caught.
  const start = mdast.children[0]?.position?.start;
  if (treeDepth(mdast) > MAX_TREE_DEPTH) return refused(start);
  const findings: RenderedBody['findings'] = [];
  let hast: HastRoot;
  // mdast-util-to-hast builds a new tree and leaves the Markdown tree as it
  // was (a test holds it to that), so the tree is not copied first.
  try {
    if (hasRawHtml(mdast)) {
      hast = (await toHastWithRaw.run(mdast)) as HastRoot;
    } else {
      hast = (await toHastPlain.run(mdast)) as HastRoot;
      dataAttributesAsParsed(hast);
    }
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) return refused(start);
    throw error;
  }
  if (treeDepth(hast) > MAX_TREE_DEPTH) return refused(start);
  findings.push(...reportRemovedHtml(hast));
  shiftHeadings(hast);
  const clean = (await toHtml.run(hast)) as HastRoot;
  const html = toHtml.stringify(clean).trim();
  return { html, summary: summarise(clean), findings, refused: false };
}

function hasRawHtml(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/**
 * Through parse5 every attribute is text, so a footnote's `data-footnote-ref`
 * is `""`, where remark-rehype wrote `true` (printed without a value). Doing
 * what the parser does keeps a body's HTML the same on both paths.
 */
function dataAttributesAsParsed(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    for (const [name, value] of Object.entries(node.properties)) {
      if (value === true && /^data[A-Z]/.test(name)) node.properties[name] = '';
    }
  });
}

function refused(place: Point | undefined): RenderedBody {
  return { html: '', summary: '', findings: [{ finding: tooDeepFinding(), place }], refused: true };
}

/** Once per kind of removed markup, at its first occurrence. */
function reportRemovedHtml(tree: HastRoot): RenderedBody['findings'] {
  const seen = new Map<string, { reason: string; place: Point | undefined }>();
  const note = (key: string, reason: string, node: Element) => {
    if (!seen.has(key)) seen.set(key, { reason, place: node.position?.start });
  };
  visit(tree, 'element', (node: Element) => {
    if (!allowedTagNames.has(node.tagName)) {
      note(`<${node.tagName}>`, `The body's <${node.tagName}> element is not allowed and was removed; use Markdown instead.`, node);
      return;
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) {
        note('on*', 'An event-handler attribute (on…) in the body was removed; postings cannot run scripts.', node);
      } else if ((name === 'href' || name === 'src') && typeof value === 'string' && /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        note(name, `A ${name} with a script or data URL in the body was removed; link to an https: page instead.`, node);
      } else if (!isAllowedAttribute(node.tagName, name)) {
        note(`@${name}`, `The \`${name}\` attribute is not allowed in a posting body and was removed; use Markdown formatting instead.`, node);
      }
    }
  });
  return [...seen.values()].map(({ reason, place }) => ({ finding: { rule: 'body-unsafe-html' as const, reason }, place }));
}

/** The page's title is the only <h1>: when the body has one, every heading moves down a level. */
function shiftHeadings(tree: HastRoot): void {
  let hasH1 = false;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'h1') hasH1 = true;
  });
  if (!hasH1) return;
  visit(tree, 'element', (node: Element) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.min(Number(level) + 1, 6)}`;
  });
}

// From the sanitised tree, so that removed HTML never leaks into the summary.
// Scraped postings open with an emoji badge line (`📍London | 💰 £95,000`):
// that is metadata shown elsewhere, so the first prose paragraph is preferred.
function summarise(tree: HastRoot): string {
  let badgeLine = '';
  for (const node of tree.children) {
    if (node.type !== 'element' || node.tagName !== 'p') continue;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (!/^\p{Extended_Pictographic}/u.test(text)) return cutAtWord(text, SUMMARY_LENGTH);
    badgeLine ||= text;
  }
  return cutAtWord(badgeLine, SUMMARY_LENGTH);
}

export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max); // room for the ellipsis
  const space = cut.lastIndexOf(' ', max - 1);
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
