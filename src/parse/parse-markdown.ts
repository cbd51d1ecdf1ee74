// Markdown → mdast, once per posting. The body text handed in is padded with
// the front-matter's lines (see parse-front-matter), so node positions are
// already lines and columns of the file.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(markdown: string): Root {
  // remark-gfm only extends the parser; there are no transforms to run.
  return parser.parse(markdown);
}
