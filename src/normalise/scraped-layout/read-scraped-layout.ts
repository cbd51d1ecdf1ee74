// Postings copied from remote-job boards carry their metadata in Markdown,
// not front-matter:
//
//     # [Senior Backend Engineer](https://example.com/apply/1)
//     ### Monzo
//     #### `💰 245000.0` `🌎 United Kingdom`
//
// This reads those header nodes into front-matter-like fields (each with the
// position it came from) and returns the body without them.
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Heading, Link } from 'mdast';
import type { Point } from 'unist';

export interface PlacedValue {
  value: string;
  place: Point | undefined;
}

export interface ScrapedHeader {
  title: PlacedValue;
  /** From the title's link, else from the body's last link labelled "apply". */
  applyUrl?: PlacedValue;
  company?: PlacedValue;
  /** The header badges, by what their emoji says they hold. */
  salary?: PlacedValue;
  country?: PlacedValue;
  location?: PlacedValue;
  employmentType?: PlacedValue;
}

export interface ScrapedLayout {
  header: ScrapedHeader;
  /** The document with the header nodes removed. */
  body: Root;
}

const BADGES: [RegExp, keyof Omit<ScrapedHeader, 'title' | 'applyUrl' | 'company'>][] = [
  [/^💰\s*/u, 'salary'],
  [/^(?:🌎|🌍|🌏|🗺️?)\s*/u, 'country'],
  [/^📍\s*/u, 'location'],
  [/^(?:⏰|🕒|🕘|⌛)\s*/u, 'employmentType'],
];

export function readScrapedLayout(tree: Root): ScrapedLayout | null {
  const children = tree.children;
  const first = children[0];
  if (!first || first.type !== 'heading' || first.depth !== 1) return null;

  const link = first.children.find((node): node is Link => node.type === 'link');
  const title = cleanInline(link ? toString(link) : toString(first));
  if (title === '') return null;
  const header: ScrapedHeader = { title: { value: title, place: (link ?? first).position?.start } };
  if (link && link.url.trim() !== '') header.applyUrl = { value: link.url, place: link.position?.start };

  let next = 1;
  const company = children[next];
  if (company?.type === 'heading' && company.depth >= 2 && company.depth <= 3 && !hasInlineCode(company)) {
    const name = cleanInline(toString(company));
    if (name !== '') header.company = { value: name, place: company.position?.start };
    next++;
  }
  const badges = children[next];
  if (badges?.type === 'heading' && hasInlineCode(badges)) {
    readBadges(badges, header);
    next++;
  }
  // Anything less than a title plus company or badges is an ordinary heading.
  if (next === 1) return null;

  const body: Root = { ...tree, children: children.slice(next) };
  header.applyUrl ??= findApplyLink(body.children);
  return { header, body };
}

function readBadges(heading: Heading, header: ScrapedHeader): void {
  for (const node of heading.children) {
    if (node.type !== 'inlineCode') continue;
    const text = node.value.trim();
    for (const [emoji, key] of BADGES) {
      if (emoji.test(text) && !header[key]) {
        const value = cleanInline(text.replace(emoji, ''));
        if (value !== '') header[key] = { value, place: node.position?.start };
        break;
      }
    }
  }
}

function findApplyLink(nodes: RootContent[]): PlacedValue | undefined {
  let found: PlacedValue | undefined;
  const walk = (node: RootContent): void => {
    if (node.type === 'link' && /\bapply\b/i.test(toString(node))) found = { value: node.url, place: node.position?.start };
    if ('children' in node) for (const child of node.children) walk(child as RootContent);
  };
  for (const node of nodes) walk(node);
  return found;
}

function hasInlineCode(heading: Heading): boolean {
  return heading.children.some((node) => node.type === 'inlineCode');
}

function cleanInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
