// Posting body: mdast → hast (raw HTML parsed, so it can be judged) → headings
// shifted below the page's own <h1> → sanitised by the allow-list → HTML.
// Also the summary: the plain text of the first paragraph.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import type { Point } from 'unist';
import type { Finding } from '../../diagnostics/finding.ts';
import { bodySchema, allowedTagNames } from './sanitize-schema.ts';

export const SUMMARY_LENGTH = 280;

export interface RenderedBody {
  html: string;
  summary: string;
  findings: { finding: Finding; place?: Point }[];
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();
const toHtml = unified().use(rehypeSanitize, bodySchema).use(rehypeStringify).freeze();

export async function renderBody(mdast: MdastRoot): Promise<RenderedBody> {
  const findings: RenderedBody['findings'] = [];
  const hast = (await toHast.run(structuredClone(mdast))) as HastRoot;
  findings.push(...reportRemovedHtml(hast));
  shiftHeadings(hast);
  const clean = (await toHtml.run(hast)) as HastRoot;
  const html = toHtml.stringify(clean).trim();
  return { html, summary: summarise(clean), findings };
}

/** Once per removed tag name or attribute kind, at its first occurrence. */
function reportRemovedHtml(tree: HastRoot): RenderedBody['findings'] {
  const seen = new Map<string, Point | undefined>();
  visit(tree, 'element', (node: Element) => {
    if (!allowedTagNames.has(node.tagName)) {
      if (!seen.has(`<${node.tagName}>`)) seen.set(`<${node.tagName}>`, node.position?.start);
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name) && !seen.has('event handler')) seen.set('event handler', node.position?.start);
      if ((name === 'href' || name === 'src') && typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        if (!seen.has(`${name}`)) seen.set(`${name}`, node.position?.start);
      }
    }
  });
  return [...seen].map(([what, place]) => ({
    finding: {
      rule: 'body-unsafe-html' as const,
      reason: what.startsWith('<')
        ? `The body's ${what} element is not allowed and was removed; use Markdown instead.`
        : what === 'event handler'
          ? 'An event-handler attribute (on…) in the body was removed; postings cannot run scripts.'
          : `A ${what} with a script or data URL in the body was removed; link to an https: page instead.`,
    },
    place,
  }));
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
function summarise(tree: HastRoot): string {
  for (const node of tree.children) {
    if (node.type !== 'element' || node.tagName !== 'p') continue;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text !== '') return cutAtWord(text, SUMMARY_LENGTH);
  }
  return '';
}

export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max); // room for the ellipsis
  const space = cut.lastIndexOf(' ', max - 1);
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
