// The two single-byte code pages that UTF-8 text is most often mistaken for,
// as lossless byte <-> character tables. Taken from iconv-lite and patched
// where iconv-lite has gaps, because mojibake reversal needs every byte:
// - Windows-1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined (iconv-lite gives
//   U+FFFD). Browsers (WHATWG) and ftfy's "sloppy" codec map them to the C1
//   controls U+0081 etc., which is what real mojibake of e.g. `Í` (C3 8D)
//   contains, so we do the same.
// - Mac Roman 0xF0 is the Apple logo U+F8FF, which iconv-lite leaves out; it is
//   the lead byte of every 4-byte UTF-8 sequence that starts with F0 (emoji).
import iconv from 'iconv-lite';

export type CodePage = 'windows-1252' | 'macintosh';

export interface CodePageTable {
  /** Character for each byte 0x00–0xFF (0x00–0x7F are ASCII). */
  decode: readonly string[];
  /** Byte for each non-ASCII character the code page can produce. */
  encode: ReadonlyMap<number, number>;
}

const WINDOWS_1252_GAPS = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const MAC_ROMAN_APPLE_LOGO = 0xf0;

function buildTable(ianaName: string, patch: (byte: number) => string | undefined): CodePageTable {
  const upper = Buffer.alloc(0x80);
  for (let i = 0; i < 0x80; i++) upper[i] = 0x80 + i;
  const upperChars = [...iconv.decode(upper, ianaName)];
  const decode: string[] = [];
  const encode = new Map<number, number>();
  for (let byte = 0; byte < 0x100; byte++) {
    let char = byte < 0x80 ? String.fromCharCode(byte) : (patch(byte) ?? upperChars[byte - 0x80] ?? '\uFFFD');
    // Any other gap a future iconv-lite might leave: keep the byte as Latin-1 so the table stays lossless.
    if (char === '\uFFFD') char = String.fromCharCode(byte);
    decode.push(char);
    if (byte >= 0x80) encode.set(char.codePointAt(0) ?? byte, byte);
  }
  return { decode, encode };
}

export const WINDOWS_1252: CodePageTable = buildTable('windows1252', (byte) =>
  WINDOWS_1252_GAPS.includes(byte) ? String.fromCharCode(byte) : undefined,
);

export const MAC_ROMAN: CodePageTable = buildTable('macintosh', (byte) =>
  byte === MAC_ROMAN_APPLE_LOGO ? '\uF8FF' : undefined,
);

/**
 * Windows-1252 as read by a Latin-1 decoder: C1 controls U+0080–U+009F stand
 * for their own byte. Mojibake made by Latin-1 decoders (or by Windows-1252
 * decoders that pass undefined bytes through) reverses with this table.
 */
export const SLOPPY_WINDOWS_1252_ENCODE: ReadonlyMap<number, number> = (() => {
  const encode = new Map(WINDOWS_1252.encode);
  for (let byte = 0x80; byte < 0xa0; byte++) encode.set(byte, byte);
  return encode;
})();

/** Decodes bytes with a table; never fails, since every byte has a character. */
export function decodeWithTable(bytes: Uint8Array, table: CodePageTable): string {
  return Array.from(bytes, (byte) => table.decode[byte] ?? '\uFFFD').join('');
}
