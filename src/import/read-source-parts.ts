// Splits an import source (already decoded and repaired) the way the pipeline
// reads it: front-matter with its keys mapped to canonical ones, or the
// scraped header layout, and in both cases the body as written. The body is
// cut out of the text by position rather than re-serialised from the syntax
// tree, so it stays byte for byte what the author wrote.
import { parseFrontMatter } from '../parse/parse-front-matter.ts';
import { parseMarkdown } from '../parse/parse-markdown.ts';
import { canonicaliseKeys, type CanonicalFields, type CanonicalKey } from '../normalise/front-matter/canonicalise-keys.ts';
import { readScrapedLayout, type ScrapedHeader } from '../normalise/scraped-layout/read-scraped-layout.ts';

export interface KeyRename {
  from: string;
  to: CanonicalKey;
}

export type SourceParts =
  | { layout: 'front-matter'; body: string; fields: CanonicalFields['fields']; renamed: KeyRename[]; unknownKeys: string[] }
  | { layout: 'scraped'; body: string; header: ScrapedHeader }
  | { layout: 'none'; body: string };

export function readSourceParts(text: string): SourceParts {
  const frontMatter = parseFrontMatter(text);
  if (frontMatter.present) {
    const canonical = canonicaliseKeys(frontMatter.data);
    const renamed: KeyRename[] = [];
    const unknownKeys: string[] = [];
    for (const { finding, path } of canonical.findings) {
      const key = String(path[0]);
      if (finding.rule === 'key-unknown') unknownKeys.push(key);
      if (finding.rule !== 'key-deprecated') continue;
      // Asking the same mapping about the key alone names its target, salary parts included.
      const [to] = Object.keys(canonicaliseKeys({ [key]: null }).fields) as CanonicalKey[];
      if (to) renamed.push({ from: key, to });
    }
    return { layout: 'front-matter', body: withoutLeadingBlankLines(frontMatter.body), fields: canonical.fields, renamed, unknownKeys };
  }

  const tree = parseMarkdown(text);
  const scraped = readScrapedLayout(tree);
  if (!scraped) return { layout: 'none', body: withoutLeadingBlankLines(text) };
  const headerNodes = tree.children.length - scraped.body.children.length;
  const headerEnd = tree.children[headerNodes - 1]?.position?.end.offset ?? 0;
  return { layout: 'scraped', body: withoutLeadingBlankLines(text.slice(headerEnd)), header: scraped.header };
}

// Only whole blank lines: the first line's indentation can be Markdown (a code block).
function withoutLeadingBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '');
}
