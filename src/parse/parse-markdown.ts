// Markdown → mdast, once per posting. The body text handed in is padded with
// the front-matter's lines (see parse-front-matter), so node positions are
// already lines and columns of the file.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { autolinkKindsIn, remarkGfmForText } from './remark-gfm-for-text.ts';

// One parser for each set of autolink literals a text can hold, made when first needed.
const parsers = new Map<string, Processor<Root>>();

export function parseMarkdown(markdown: string): Root {
  const kinds = autolinkKindsIn(markdown);
  const key = `${Number(kinds.email)}${Number(kinds.www)}${Number(kinds.protocol)}`;
  let parser = parsers.get(key);
  if (parser === undefined) {
    parser = unified().use(remarkParse).use(remarkGfmForText, kinds).freeze() as unknown as Processor<Root>;
    parsers.set(key, parser);
  }
  // The GFM plugin only extends the parser; there are no transforms to run.
  return parser.parse(markdown);
}
