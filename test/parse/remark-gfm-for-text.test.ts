// The parser leaves out the GFM autolink constructs a text cannot use
// (src/parse/remark-gfm-for-text.ts). Whatever the text, its tree — every
// node, every position — must be the tree remark-gfm itself makes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';
import { autolinkKindsIn, gfmSyntaxFor } from '../../src/parse/remark-gfm-for-text.ts';

const remarkWithGfm = unified().use(remarkParse).use(remarkGfm).freeze();
const REPO = fileURLToPath(new URL('../../', import.meta.url));

// Pieces of Markdown that meet at the edges of autolink literals: addresses, hosts and
// schemes in any case, the brackets and emphasis around them, code, HTML and line breaks.
const pieces = fc.constantFrom(
  'www.', 'WWW.', 'wWw', 'example', '.com', '.co.uk', 'http://', 'HTTPS://', 'https:', 'http', '://', 'mailto:', 'xmpp:',
  'a@b.co', 'Jane.Doe+jobs@acme-corp.example', 'x_y@z', '@', '@handle', ' @ ', 'user@', '@host.org',
  '[', ']', '(', ')', '](', '![', '*', '**', '_', '~~', '`', '<', '>', '<https://a.b>', '|', '|---|', '- ', '1. ', '> ', '# ', '[^1]', '[^1]: ',
  ' ', '  ', '\n', '\n\n', '\t', '.', ',', ';', ':', '?', '!', '"', "'", '&amp;', '\\', '/', '-', '_', '+', '=',
  'w', 'h', 'a', 'Z', '9', 'é', '日本', '💰', 'apply', 'now',
);
const markdown = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

describe('the GFM parser made for one text', () => {
  it('makes the tree remark-gfm makes, for any text', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(parseMarkdown(text)).toEqual(remarkWithGfm.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('makes the tree remark-gfm makes for every posting body in the repository', () => {
    const files = ['content', 'test/fixtures']
      .flatMap((dir) => readdirSync(path.join(REPO, dir), { recursive: true, encoding: 'utf8' }).map((name) => path.join(REPO, dir, name)))
      .filter((file) => /\.(md|markdown)$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdown(text), file).toEqual(remarkWithGfm.parse(text));
    }
  });

  it.each<[string, { email: boolean; www: boolean; protocol: boolean }]>([
    ['Apply at jobs@acme.example', { email: true, www: false, protocol: false }],
    ['Follow @acme, or write to us @ the office', { email: false, www: false, protocol: false }],
    ['See WWW.ACME.EXAMPLE', { email: false, www: true, protocol: false }],
    ['[Apply](HTTPS://acme.example/jobs)', { email: false, www: false, protocol: true }],
    ['We’re hiring: £95,000 – £150,000', { email: false, www: false, protocol: false }],
  ])('knows which literals %j can hold', (text, kinds) => {
    expect(autolinkKindsIn(text)).toEqual(kinds);
  });

  it('leaves out only the constructs of the kinds a text cannot hold', () => {
    const names = (kinds: Parameters<typeof gfmSyntaxFor>[0]) =>
      new Set(Object.values(gfmSyntaxFor(kinds).text ?? {}).flatMap((constructs) => [constructs ?? []].flat().map((construct) => construct.name)));
    const all = names({ email: true, www: true, protocol: true });
    for (const name of ['emailAutolink', 'wwwAutolink', 'protocolAutolink']) expect(all).toContain(name);
    const none = names({ email: false, www: false, protocol: false });
    expect([...none].filter((name) => /Autolink/.test(name ?? ''))).toEqual([]);
    expect(none.size).toBeGreaterThan(0);
    expect(names({ email: false, www: true, protocol: false })).toContain('wwwAutolink');
    expect(names({ email: false, www: true, protocol: false })).not.toContain('emailAutolink');
  });
});
