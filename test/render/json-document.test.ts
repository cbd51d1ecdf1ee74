// Writing a big JSON document element by element gives exactly the bytes of
// serialising it whole, whatever the document and elements hold (line breaks,
// lone surrogates, the marker text itself, nested arrays).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { jsonPartsWithArray } from '../../src/render/feeds/json-document.ts';

const MARKER_TEXT = '\u0000jobsite-elements\u0000';
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(MARKER_TEXT), fc.constant('"\n\\u0000'));
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;

describe('jsonPartsWithArray', () => {
  it('joins to JSON.stringify(document, null, 2) and a newline, for any document and elements', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((key) => key !== 'items'), value, { maxKeys: 5 }), fc.array(value, { maxLength: 6 }), (head, elements) => {
        const document = { ...head, items: [] };
        const parts = [...jsonPartsWithArray(document, 'items', elements, (element) => element)];
        expect(parts.join('')).toBe(`${JSON.stringify({ ...head, items: elements }, null, 2)}\n`);
      }),
      { numRuns: 400 },
    );
  });

  it('makes each element only when the writer asks for it', () => {
    const made: number[] = [];
    const parts = jsonPartsWithArray({ version: 1, items: [] }, 'items', [1, 2, 3], (n) => (made.push(n), { n }));
    const iterator = parts[Symbol.iterator]();
    iterator.next();
    expect(made).toEqual([]);
    iterator.next();
    expect(made).toEqual([1]);
  });

  it('refuses an array that is not the last key', () => {
    expect(() => [...jsonPartsWithArray({ items: [], after: 1 }, 'items', [1], (n) => n)]).toThrow(/last key/);
  });
});
