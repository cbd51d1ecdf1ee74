import { describe, it, expect } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';
import { renderBody, cutAtWord } from '../../src/normalise/body/render-body.ts';

const render = (markdown: string) => renderBody(parseMarkdown(markdown));

describe('renderBody', () => {
  it('renders GFM: tables, task lists, strikethrough, autolinks', async () => {
    const { html } = await render('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ see https://example.com\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.com">https://example.com</a>');
  });

  // Bodies without raw HTML skip the HTML parser: what it would have made of
  // the rest of the tree must not depend on whether a tag stood beside it.
  it('renders a body the same with or without raw HTML elsewhere in it', async () => {
    const rest = '## Team\n\nText[^1] and ~~old~~ https://example.com\n\n- [x] done\n\n1. one\n\n| a | b |\n|:-|-:|\n| `1` | 2 |\n\n![logo](https://example.com/x.png "t")\n\n[^1]: A note.\n';
    const plain = (await render(`Intro.\n\n${rest}`)).html;
    const raw = (await render(`Intro <b>now</b>.\n\n${rest}`)).html;
    expect(raw.replace('<b>now</b>', '')).toBe(plain.replace('Intro.', 'Intro .'));
    expect(plain).toContain('data-footnote-ref=""');
    expect(plain).toContain('<section data-footnotes="" class="footnotes">');
  });

  it('leaves the Markdown tree it renders as it was', async () => {
    for (const markdown of ['# Head\n\nText[^1] <b onclick="x">raw</b>\n\n[^1]: note\n', '# Head\n\n- [ ] task\n\n| a |\n|---|\n| 1 |\n']) {
      const tree = parseMarkdown(markdown);
      const before = structuredClone(tree);
      await renderBody(tree);
      expect(tree).toEqual(before);
    }
  });

  it('shifts headings so the body has no h1', async () => {
    const { html } = await render('# About\n\n## Team\n\n###### Deep\n');
    expect(html).not.toContain('<h1');
    expect(html).toContain('<h2>About</h2>');
    expect(html).toContain('<h3>Team</h3>');
    expect(html).toContain('<h6>Deep</h6>');
    expect((await render('## Already fine\n')).html).toBe('<h2>Already fine</h2>');
  });

  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror="alert(1)">', 'onerror'],
    ['[click](javascript:alert(1))', 'javascript:'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'ascript:'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 'data:'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<style>body{display:none}</style>', 'display:none'],
    ['<svg><script>alert(1)</script></svg>', 'alert'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'javascript'],
    ['<div style="background:url(javascript:alert(1))">x</div>', 'style'],
    ['<object data="x.swf"></object>', '<object'],
    ['<form action="https://evil.example"><button>Go</button></form>', 'action'],
  ])('removes unsafe HTML: %s', async (markdown, forbidden) => {
    const { html, findings } = await render(`Intro.\n\n${markdown}\n`);
    expect(html.toLowerCase()).not.toContain(forbidden.toLowerCase());
    expect(findings.map(({ finding }) => finding.rule)).toContain('body-unsafe-html');
  });

  it('keeps allowed HTML such as details/summary', async () => {
    const { html, findings } = await render('<details><summary>More</summary>\n\nHidden\n\n</details>\n');
    expect(html).toContain('<details><summary>More</summary>');
    expect(findings).toEqual([]);
  });

  it('summarises the first paragraph as plain text, without removed HTML', async () => {
    const { summary } = await render('## Heading\n\nWe’re **hiring** <b onclick="x()">now</b>.\n\nSecond.\n');
    expect(summary).toBe('We’re hiring now.');
  });

  it('cuts long summaries at a word, within 280 characters', () => {
    const text = 'word '.repeat(100).trim();
    const cut = cutAtWord(text, 280);
    expect(cut.length).toBeLessThanOrEqual(280);
    expect(cut.endsWith('word…')).toBe(true);
  });
});
