import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { serialiseXmlElement, type XmlElement } from '../../src/render/feeds/xml-element.ts';
import { serialiserInput } from '../../src/render/feeds/xml-document.ts';

// The item writer must write what xmlbuilder2 writes for the same element in a
// pretty-printed document; the reference below builds the element through
// xmlbuilder2 inside such a document and cuts it out.
const NAMESPACES = { 'xmlns:job': 'urn:job', 'xmlns:dc': 'urn:dc' };

function throughXmlbuilder2(element: XmlElement, depth: number): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('root', NAMESPACES);
  let parent: XMLBuilder = root;
  for (let level = 1; level < depth; level++) parent = parent.ele('level');
  append(parent, element);
  const document = root.end({ prettyPrint: true, wellFormed: true });
  // Markup in text is escaped, so the last opening tag of the parent is the parent's.
  const start = document.indexOf('\n', document.lastIndexOf(depth === 1 ? '<root' : '<level')) + 1;
  const end = document.lastIndexOf(`\n${'  '.repeat(depth - 1)}</`) + 1;
  return document.slice(start, end);
}

function append(parent: XMLBuilder, { name, attributes, content }: XmlElement): void {
  const namespace = name.startsWith('job:') ? 'urn:job' : name.startsWith('dc:') ? 'urn:dc' : undefined;
  const safe = Object.fromEntries(Object.entries(attributes ?? {}).map(([key, value]) => [key, serialiserInput(value)]));
  const element = namespace === undefined ? parent.ele(name, safe) : parent.ele(namespace, name, safe);
  if (typeof content === 'string') element.txt(serialiserInput(content));
  else for (const child of content ?? []) append(element, child);
}

// Text from every corner that matters: markup characters, references, line
// breaks of every kind, characters XML cannot hold, astral and lone surrogates.
const awkwardText = fc.oneof(
  fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", ';', 'a', '#', ' ', '\n', '\r', '\t', '\u0000', '\u0008', '\uFFFE', '\uD800', '😀', ']]>', '&amp;', '&#x41;', '€') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const elementName = fc.constantFrom('title', 'link', 'category', 'job:salaryMin', 'dc:creator', 'author');
const attributes = fc.dictionary(fc.constantFrom('href', 'type', 'domain', 'term', 'isPermaLink'), awkwardText, { maxKeys: 3 });
const element: fc.Arbitrary<XmlElement> = fc.letrec<{ element: XmlElement }>((tie) => ({
  element: fc.record(
    {
      name: elementName,
      attributes,
      content: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), awkwardText, fc.array(tie('element'), { maxLength: 3 })),
    },
    { requiredKeys: ['name'] },
  ),
})).element;

describe('serialiseXmlElement', () => {
  it('writes an item as the XML library writes it in a pretty-printed document', () => {
    const item: XmlElement = {
      name: 'item',
      content: [
        { name: 'title', content: 'Q&A <lead> "engineer"' },
        { name: 'guid', attributes: { isPermaLink: 'true' }, content: 'https://jobs.example/a?b=1&c=2' },
        { name: 'dc:creator', content: 'Smith & Söhne' },
        { name: 'category', attributes: { domain: 'urn:job#tag', term: 'a"b' } },
        { name: 'description', content: '<p>line one\r\nline two</p>' },
        { name: 'job:salaryText', content: '' },
      ],
    };
    const written = serialiseXmlElement(item, 2);
    expect(written).toBe(throughXmlbuilder2(item, 2));
    expect(written).toBe(
      [
        '    <item>',
        '      <title>Q&amp;A &lt;lead&gt; "engineer"</title>',
        '      <guid isPermaLink="true">https://jobs.example/a?b=1&amp;c=2</guid>',
        '      <dc:creator>Smith &amp; Söhne</dc:creator>',
        '      <category domain="urn:job#tag" term="a&quot;b"/>',
        '      <description>&lt;p&gt;line one\nline two&lt;/p&gt;</description>',
        '      <job:salaryText/>',
        '    </item>',
        '',
      ].join('\n'),
    );
  });

  it('matches the XML library for any element, text and attribute values, at any depth', () => {
    fc.assert(
      fc.property(element, fc.integer({ min: 1, max: 3 }), (tree, depth) => {
        expect(serialiseXmlElement(tree, depth)).toBe(throughXmlbuilder2(tree, depth));
      }),
      { numRuns: 500 },
    );
  });

  it('writes text that is empty once made XML-safe as an empty element', () => {
    expect(serialiseXmlElement({ name: 'title', content: '\u0000\u0001' }, 0)).toBe('<title/>\n');
    expect(serialiseXmlElement({ name: 'author', content: [] }, 0)).toBe('<author/>\n');
  });
});
