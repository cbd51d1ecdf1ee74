// The allow-list for posting bodies: GitHub's sanitisation schema (what
// editors already expect from Markdown on GitHub), narrowed further: only
// http(s) and mailto links, no form or focus-stealing attributes, and the
// contents of script-like elements dropped rather than shown as text.
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const DROPPED_GLOBAL_ATTRIBUTES = new Set(['accessKey', 'action', 'method', 'encType', 'tabIndex', 'prompt', 'color', 'frame', 'useMap', 'isMap']);

export const bodySchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => typeof attribute !== 'string' || !DROPPED_GLOBAL_ATTRIBUTES.has(attribute)),
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
  strip: ['script', 'style', 'template', 'textarea', 'noscript', 'noembed', 'noframes', 'xmp', 'iframe', 'object', 'title', 'svg', 'math', 'select', 'option'],
};

/** Tag names the schema keeps; everything else is reported as removed. */
export const allowedTagNames: ReadonlySet<string> = new Set(bodySchema.tagNames ?? []);

/** Whether the schema keeps a property (hast name, e.g. `className`) on an element. */
export function isAllowedAttribute(tagName: string, property: string): boolean {
  const lists = [bodySchema.attributes?.['*'] ?? [], bodySchema.attributes?.[tagName] ?? []];
  return lists.some((list) => list.some((entry) => (typeof entry === 'string' ? entry : entry[0]) === property));
}
