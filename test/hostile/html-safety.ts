// What a browser would run in a page, read with a real HTML parser (parse5,
// the parser of the HTML standard that jsdom and others use): script
// elements, event-handler attributes, URLs with a script or data scheme in
// any attribute that holds a URL, frames, objects, plugin embeds, <base>,
// meta refresh, style sheets and CSS that can run code or cover the page.
// Pages are read as documents, HTML inside feeds and JSON as fragments.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export interface SafetyOptions {
  /** Whether a script element is the page's own (JSON-LD, the site's script file); nothing else may be a script. */
  allowScript?: (script: Element) => boolean;
}

// Attributes whose value a browser follows or loads as a URL.
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'longdesc', 'lowsrc', 'dynsrc',
  'ping', 'manifest', 'codebase', 'icon', 'profile', 'usemap', 'archive', 'classid', 'srcdoc', 'to', 'from', 'values', 'by',
]);
const LIST_URL_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
// Elements that load or run something of their own, or change how every URL on the page resolves.
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'isindex', 'style', 'svg', 'math', 'xmp', 'plaintext', 'portal', 'noembed']);
// What browsers skip when they read a URL's scheme.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data|livescript|mocha|jar|view-source):/i;
const DANGEROUS_CSS = /expression\s*\(|javascript:|vbscript:|behaviou?r\s*:|-moz-binding|@import|url\s*\(|position\s*:\s*fixed/i;

export function isDangerousUrl(value: string): boolean {
  return DANGEROUS_SCHEME.test(value.replace(IGNORED_IN_SCHEME, ''));
}

/** Every way the HTML could run script or load active content; empty when it cannot. */
export function htmlProblems(html: string, options: SafetyOptions & { fragment?: boolean } = {}): string[] {
  const root = options.fragment ? parseFragment(html) : parse(html);
  const problems: string[] = [];
  for (const element of elements(root)) {
    const name = element.tagName;
    const where = `<${name}${element.attrs.map((attribute) => ` ${attributeName(attribute)}="${attribute.value.slice(0, 60)}"`).join('')}>`;
    if (name === 'script') {
      if (!options.allowScript?.(element)) problems.push(`script element ${where}`);
    } else if (FORBIDDEN_ELEMENTS.has(name)) {
      problems.push(`forbidden element ${where}`);
    }
    for (const attribute of element.attrs) {
      const attrName = attributeName(attribute).toLowerCase();
      const value = attribute.value;
      if (/^on/i.test(attribute.name)) problems.push(`event handler ${attrName} on ${where}`);
      if (URL_ATTRIBUTES.has(attrName) && isDangerousUrl(value)) problems.push(`dangerous URL in ${attrName} on ${where}`);
      if (LIST_URL_ATTRIBUTES.has(attrName) && value.split(',').some((candidate) => isDangerousUrl(candidate.trim()))) problems.push(`dangerous URL in ${attrName} on ${where}`);
      if (attrName === 'style' && DANGEROUS_CSS.test(value)) problems.push(`active CSS in style on ${where}`);
      if (name === 'meta' && attrName === 'http-equiv' && /refresh|set-cookie|content-security-policy/i.test(value)) problems.push(`meta ${value} ${where}`);
    }
  }
  return problems;
}

function attributeName(attribute: { name: string; prefix?: string }): string {
  return attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
}

/** Every element below `root` in document order, template contents included. */
export function* elements(root: Node): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) yield node;
    const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
    if ('content' in node && node.content) children.push(node.content as Node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export function parseDocument(html: string): Node {
  return parse(html);
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((candidate) => candidate.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** The text a reader sees in an element (script and template contents aside). */
export function textContent(node: Node): string {
  let text = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === '#text') text += (current as DefaultTreeAdapterMap['textNode']).value;
    else if ('childNodes' in current) for (let i = current.childNodes.length - 1; i >= 0; i--) stack.push(current.childNodes[i]!);
  }
  return text;
}

/** The raw text inside a script element (the HTML parser does not decode it). */
export function scriptText(script: Element): string {
  return script.childNodes.map((child) => ('value' in child ? String(child.value) : '')).join('');
}
