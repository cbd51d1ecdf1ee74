// Markdown that is slow or deep for parsers: the cases of cmark's
// pathological test suite (test/pathological_tests.py in commonmark/cmark),
// plus the deep and long inputs the issue names, each sized to fill a posting
// body up to `size` characters. Each must either be refused with a body
// diagnostic or be rendered, in bounded time either way.

const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

export const PATHOLOGICAL_MARKDOWN: Readonly<Record<string, (size: number) => string>> = {
  'nested strong emphasis': (n) => repeat('*a **a ', n / 2) + 'b' + repeat(' a** a*', n / 2),
  'many emphasis closers with no openers': (n) => repeat('a_ ', n),
  'many emphasis openers with no closers': (n) => repeat('_a ', n),
  'many 3-emphasis openers': (n) => 'a**b' + repeat('c* ', n),
  'many link closers with no openers': (n) => repeat('a]', n),
  'many link openers with no closers': (n) => repeat('[a', n),
  'mismatched openers and closers': (n) => repeat('*a_ ', n),
  'link openers and emphasis closers': (n) => repeat('[ a_', n),
  'pattern [ (]( repeated': (n) => repeat('[ (](', n),
  'hard link/emphasis case': (n) => repeat('**x [a*b**c*](d)', n),
  'nested brackets': (n) => repeat('[', n / 2) + 'a' + repeat(']', n / 2),
  'nested block quotes': (n) => repeat('> ', n) + 'a',
  'deeply nested lists': (n) => {
    const lines: string[] = [];
    for (let depth = 0, size = 0; size < n; depth++) {
      lines.push(`${'  '.repeat(depth)}* a`);
      size += 2 * depth + 4;
    }
    return lines.join('\n');
  },
  'backticks': (n) => {
    let text = '';
    for (let run = 1; text.length < n; run++) text += `e${'`'.repeat(run)}`;
    return text;
  },
  'unclosed links A': (n) => repeat('[a](<b', n),
  'unclosed links B': (n) => repeat('[a](b', n),
  'unclosed <!--': (n) => '</' + repeat('<!--', n),
  'many setext headings': (n) => repeat('a\n=\n', n),
  'many setext headings with blank lines': (n) => repeat('a\n-\n\n', n),
  'many footnote references': (n) => repeat('[^a]', n),
  'many link reference uses': (n) => repeat('[a] ', n - 20) + '\n\n[a]: https://example.com/\n',
  'many link reference definitions': (n) => repeat('[a]: https://example.com/\n', n),
  'table with many rows': (n) => '| a | b |\n|---|---|\n' + repeat('|a|b|\n', n),
  'table with many columns': (n) => {
    const width = Math.floor(Math.sqrt(n / 2));
    return `|${'a|'.repeat(width)}\n|${'-|'.repeat(width)}\n${`|${'x|'.repeat(width)}\n`.repeat(width)}`;
  },
  'many list items': (n) => repeat('- a\n', n),
  'many lines in one paragraph': (n) => repeat('x\n', n),
  'many hard breaks': (n) => repeat('a  \n', n),
  'many inline HTML openers': (n) => repeat('<a ', n),
  'unclosed attribute values': (n) => repeat('<a b="', n),
  'nested inline HTML': (n) => repeat('<span>', n),
  'nested block HTML across blank lines': (n) => repeat('<div>\n\n', n),
  'many www autolinks': (n) => repeat('www.a.co ', n),
  'many email autolinks': (n) => repeat('a@b.co ', n),
  'many entities': (n) => repeat('&#x1;', n),
  'many strikethrough tildes': (n) => repeat('~a ', n),
  'many image openers': (n) => repeat('![', n),
  'links inside links': (n) => repeat('[a', n / 2) + repeat('](b)', n / 2),
  'one long line': (n) => 'a'.repeat(n),
  'one long line of words': (n) => repeat('word ', n),
};
