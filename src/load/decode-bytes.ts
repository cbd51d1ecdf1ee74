// Turns the bytes of a posting file into text, honestly: UTF-8 (BOM or not),
// UTF-16 when a BOM says so, otherwise Windows-1252 with a warning, and binary
// files refused. Line endings become LF. Mojibake that was already in the
// bytes (UTF-8 once read with the wrong code page and saved again) is not this
// module's business: run repairMojibake on the text afterwards.
//
// Windows-1252 leaves bytes 0x81 0x8D 0x8F 0x90 0x9D undefined. iconv-lite
// turns them into U+FFFD and Node's TextDecoder('windows-1252') reads the
// whole 0x80–0x9F block as C1 controls (Latin-1), losing `€ ’ –`. We use the
// WHATWG mapping instead: the five undefined bytes become the C1 controls
// U+0081 etc. That keeps the decoding lossless, so a file that is UTF-8 with a
// few stray bytes (and so fell back to Windows-1252) still holds exact
// mojibake of its UTF-8 parts, e.g. `Ã\u008d` for `Í`, which repairMojibake
// can reverse; U+FFFD would destroy that.
import type { Finding } from '../diagnostics/finding.ts';
import { WINDOWS_1252, decodeWithTable } from '../normalise/text/code-pages.ts';

export type FileEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
  /** The file started with a byte-order mark (it is not part of `text`). */
  bom: boolean;
  findings: Finding[];
}

/** How much of the file the binary sniffing looks at. */
const SNIFF_BYTES = 8192;

export function decodeBytes(bytes: Uint8Array): DecodedFile {
  try {
    if (!(bytes instanceof Uint8Array)) return unreadable('The file contents could not be read as bytes; check that it is a regular text file.');
    return decode(bytes);
  } catch {
    return unreadable('The file could not be decoded; save it as UTF-8 text.');
  }
}

function decode(bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return unreadable('The file is UTF-32, which jobsite does not read; save it as UTF-8.');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return fromUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return fromUtf16(bytes.subarray(2), 'utf-16be');

  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, SNIFF_BYTES).includes(0)) {
    return unreadable('The file contains NUL bytes, so it is binary (or UTF-16 without a byte-order mark); postings must be UTF-8 text.');
  }

  const invalidAt = firstInvalidUtf8(body);
  if (invalidAt < 0) {
    return finish(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), 'utf-8', bom, []);
  }
  const offset = invalidAt + (bom ? 3 : 0);
  return finish(decodeWithTable(body, WINDOWS_1252), 'windows-1252', bom, [
    {
      rule: 'file-encoding-fallback',
      reason: `The file is not valid UTF-8 (first bad byte 0x${hex(bytes[offset] ?? 0)} at byte ${offset}), so it was read as Windows-1252; save it as UTF-8.`,
    },
  ]);
}

function fromUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedFile {
  let littleEndian = body;
  if (encoding === 'utf-16be') {
    // Swap to little-endian ourselves: TextDecoder('utf-16be') needs full ICU.
    littleEndian = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      littleEndian[i] = body[i + 1] ?? 0;
      littleEndian[i + 1] = body[i] ?? 0;
    }
    if (body.length % 2 === 1) littleEndian[body.length - 1] = body[body.length - 1] ?? 0;
  }
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(littleEndian);
  if (text.slice(0, SNIFF_BYTES).includes('\0')) {
    return unreadable('The file has a UTF-16 byte-order mark but contains NUL characters, so it is binary; postings must be text.');
  }
  return finish(text, encoding, true, []);
}

function finish(text: string, encoding: FileEncoding, bom: boolean, findings: Finding[]): DecodedFile {
  if (looksBinary(text)) {
    return unreadable('The file is mostly control characters, so it is binary, not a text posting.');
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, bom, findings };
}

/**
 * A high share of C0 controls (other than tab, line feed, form feed and
 * carriage return) means binary data. C1 controls do not count: they are what
 * Latin-1 mojibake is made of, which is repairable text.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f) controls++;
  }
  return controls * 10 > sample.length && controls >= Math.min(4, sample.length);
}

/** Index of the first byte that breaks UTF-8 well-formedness, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (byte < min || byte > max) return i;
    }
    i += length;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function unreadable(reason: string): DecodedFile {
  return { text: '', encoding: 'utf-8', bom: false, findings: [{ rule: 'file-unreadable', reason }] };
}
