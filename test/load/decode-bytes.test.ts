import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../../src/load/decode-bytes.ts';
import { repairMojibake } from '../../src/normalise/text/repair-mojibake.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<number[] | Uint8Array | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : [...part])));
const utf16le = (text: string): number[] => [...Buffer.from(text, 'utf16le')];
const utf16be = (text: string): number[] => {
  const le = utf16le(text);
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('decodeBytes: UTF-8', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeBytes(utf8('Zürich 💰 £95,000 – “ok”'))).toEqual({
      text: 'Zürich 💰 £95,000 – “ok”',
      encoding: 'utf-8',
      bom: false,
      findings: [],
    });
  });

  it('strips a UTF-8 BOM and says it was there', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'title: Café'))).toEqual({ text: 'title: Café', encoding: 'utf-8', bom: true, findings: [] });
  });

  it('keeps a second BOM-like character that is part of the text', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x')).text).toBe('\uFEFFx');
  });

  it.each([
    ['CRLF', 'a\r\nb\r\n', 'a\nb\n'],
    ['lone CR (classic Mac)', 'a\rb\r', 'a\nb\n'],
    ['mixed', 'a\r\n\rb\n\r\nc', 'a\n\nb\n\nc'],
    ['CR CR LF', 'a\r\r\nb', 'a\n\nb'],
  ])('turns %s line endings into LF', (_name, input, expected) => {
    expect(decodeBytes(utf8(input)).text).toBe(expected);
  });

  it('reads the empty file as empty text', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false, findings: [] });
  });

  it('reads a Buffer (a Uint8Array subclass) too', () => {
    expect(decodeBytes(Buffer.from('héllo', 'utf8')).text).toBe('héllo');
  });

  it('reads the seed as UTF-8 (its mojibake is in the characters, not the bytes)', () => {
    const seed = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'seed', '000_1012f5d2726aa665.txt'));
    const decoded = decodeBytes(seed);
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: false, findings: [] });
    expect(decoded.text).toContain('We‚Äôre here');
    expect(repairMojibake(decoded.text).text).toContain('We’re here to make money work for everyone');
  });
});

describe('decodeBytes: Windows-1252 fallback', () => {
  it('reads a file that is not UTF-8 as Windows-1252, with a warning naming the first bad byte', () => {
    // “Café” – €5’s in Windows-1252
    const decoded = decodeBytes(Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x92, 0x73]));
    expect(decoded.text).toBe('“Café” – €5’s');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.bom).toBe(false);
    expect(decoded.findings).toHaveLength(1);
    expect(decoded.findings[0]?.rule).toBe('file-encoding-fallback');
    expect(decoded.findings[0]?.reason).toMatch(/0x93 at byte 0.*Windows-1252.*UTF-8/);
  });

  it('maps all of 0x80–0x9F to Windows-1252 punctuation, not to C1 controls', () => {
    const text = decodeBytes(Uint8Array.from([0x80, 0x82, 0x84, 0x85, 0x8a, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f])).text;
    expect(text).toBe('€‚„…Š‘’“”–—™Ÿ');
  });

  it('keeps the five undefined bytes as their C1 code points (WHATWG), where iconv-lite would lose them', () => {
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    // This is why we do not use iconv-lite's table as it is: U+FFFD cannot be reversed.
    expect(iconv.decode(Buffer.from(undefinedBytes), 'windows1252')).toBe('\uFFFD'.repeat(5));
    expect(decodeBytes(Uint8Array.from(undefinedBytes)).text).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('reports the offset of the first bad byte counting the BOM', () => {
    const decoded = decodeBytes(bytes([0xef, 0xbb, 0xbf], 'ok ', [0xe9]));
    expect(decoded).toMatchObject({ text: 'ok é', encoding: 'windows-1252', bom: true });
    expect(decoded.findings[0]?.reason).toContain('0xE9 at byte 6');
  });

  it('treats truncated, overlong and surrogate UTF-8 sequences as not UTF-8', () => {
    for (const bad of [[0xe2, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8]]) {
      expect(decodeBytes(Uint8Array.from([0x61, ...bad])).encoding).toBe('windows-1252');
    }
  });

  it('keeps the UTF-8 parts of a mostly-UTF-8 file repairable', () => {
    // UTF-8 text with one stray Latin-1 byte: the whole file falls back, and
    // the UTF-8 parts come out as exact mojibake that repairMojibake reverses.
    const decoded = decodeBytes(bytes('Zürich – Weʼre hiring ÁFRICA, Ístanbul 💰 ', [0xe9]));
    expect(decoded.encoding).toBe('windows-1252');
    expect(repairMojibake(decoded.text).text).toBe('Zürich – Weʼre hiring ÁFRICA, Ístanbul 💰 é');
  });

  it('turns CRLF into LF in Windows-1252 files too', () => {
    expect(decodeBytes(Uint8Array.from([0x93, 0x0d, 0x0a, 0x94, 0x0d])).text).toBe('“\n”\n');
  });
});

describe('decodeBytes: UTF-16', () => {
  it('reads UTF-16 LE with a BOM', () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16le('Café 💰\r\nok')]))).toEqual({
      text: 'Café 💰\nok',
      encoding: 'utf-16le',
      bom: true,
      findings: [],
    });
  });

  it('reads UTF-16 BE with a BOM', () => {
    expect(decodeBytes(Uint8Array.from([0xfe, 0xff, ...utf16be('Привет 🌎\rok')]))).toEqual({
      text: 'Привет 🌎\nok',
      encoding: 'utf-16be',
      bom: true,
      findings: [],
    });
  });

  it('replaces a dangling odd byte and lone surrogates with U+FFFD instead of failing', () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x42])).text).toMatch(/^A\uFFFD+$/);
    expect(decodeBytes(Uint8Array.from([0xfe, 0xff, 0xdc, 0x00, 0x00, 0x41])).text).toBe('\uFFFDA');
  });

  it('refuses UTF-16 that holds NUL characters', () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00])).findings[0]?.rule).toBe('file-unreadable');
  });

  it('refuses UTF-32 rather than misreading it as UTF-16', () => {
    const decoded = decodeBytes(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]));
    expect(decoded.text).toBe('');
    expect(decoded.findings).toEqual([{ rule: 'file-unreadable', reason: expect.stringContaining('UTF-32') }]);
  });
});

describe('decodeBytes: binary files', () => {
  it.each([
    ['a PNG header', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]],
    ['a NUL in UTF-8 text', [...utf8('title: x\n'), 0x00, ...utf8('rest')]],
    ['UTF-16 without a BOM', utf16le('hello')],
    ['control characters', [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x41, 0x42, 0x07, 0x08]],
  ])('refuses %s', (_name, input) => {
    const decoded = decodeBytes(Uint8Array.from(input));
    expect(decoded.text).toBe('');
    expect(decoded.findings).toHaveLength(1);
    expect(decoded.findings[0]?.rule).toBe('file-unreadable');
    expect(decoded.findings[0]?.reason.length).toBeGreaterThan(20);
  });

  it('only sniffs the first 8 KB for NUL bytes', () => {
    const text = 'a'.repeat(9000);
    const decoded = decodeBytes(bytes(text, [0x00]));
    expect(decoded.findings).toEqual([]);
    expect(decoded.text).toBe(`${text}\0`);
  });

  it('accepts text with a stray control character or two', () => {
    expect(decodeBytes(utf8('Title\u0007 with a bell\f and a form feed\tand a tab')).findings).toEqual([]);
  });

  it('does not count C1 controls (Latin-1 mojibake is repairable text)', () => {
    expect(decodeBytes(utf8('â\u0080\u0099â\u0080\u0099â\u0080\u0099')).findings).toEqual([]);
  });

  it('never throws on something that is not bytes', () => {
    for (const value of [undefined, null, 'text', 42, [1, 2, 3], new ArrayBuffer(4)]) {
      const decoded = decodeBytes(value as unknown as Uint8Array);
      expect(decoded.text).toBe('');
      expect(decoded.findings[0]?.rule).toBe('file-unreadable');
    }
  });
});

describe('decodeBytes: properties', () => {
  it('never throws on arbitrary bytes, and its text never holds a CR', () => {
    const prefix = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x0d]);
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 2000 }), (head, body) => {
        const decoded = decodeBytes(Uint8Array.from([...head, ...body]));
        expect(typeof decoded.text).toBe('string');
        expect(decoded.text).not.toContain('\r');
        expect(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).toContain(decoded.encoding);
        for (const finding of decoded.findings) expect(['file-encoding-fallback', 'file-unreadable']).toContain(finding.rule);
        if (decoded.findings.some((f) => f.rule === 'file-unreadable')) expect(decoded.text).toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any UTF-8 text it is given, with line endings made LF', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\0-\x08\x0e-\x1f\x7f]/.test(s));
    fc.assert(
      fc.property(text, fc.boolean(), (value, bom) => {
        const decoded = decodeBytes(bytes(bom ? [0xef, 0xbb, 0xbf] : [], value));
        expect(decoded).toEqual({ text: value.replace(/\r\n?/g, '\n'), encoding: 'utf-8', bom, findings: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads any Windows-1252 text that is not also valid UTF-8', () => {
    const windows1252Char = fc.integer({ min: 0x20, max: 0xff }).filter((b) => b !== 0x7f);
    fc.assert(
      fc.property(fc.array(windows1252Char, { minLength: 1, maxLength: 200 }), (codes) => {
        const input = Uint8Array.from(codes);
        fc.pre(!isUtf8(input));
        // `ÿþ` / `þÿ` at the start is a UTF-16 byte-order mark, which wins.
        fc.pre(!((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)));
        const decoded = decodeBytes(input);
        expect(decoded.encoding).toBe('windows-1252');
        expect(decoded.text).toBe(iconvWindows1252(input));
        expect(decoded.findings.map((f) => f.rule)).toEqual(['file-encoding-fallback']);
      }),
      { numRuns: 1000 },
    );
  });
});

function isUtf8(input: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return true;
  } catch {
    return false;
  }
}

/** iconv-lite's Windows-1252 with its five U+FFFD gaps put back as C1 controls. */
function iconvWindows1252(input: Uint8Array): string {
  return [...input].map((byte) => (iconv.decode(Buffer.from([byte]), 'windows1252') === '\uFFFD' ? String.fromCharCode(byte) : iconv.decode(Buffer.from([byte]), 'windows1252'))).join('');
}
