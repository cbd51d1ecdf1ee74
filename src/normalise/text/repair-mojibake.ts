// Repairs UTF-8 text that was once decoded as Mac Roman, Windows-1252 or
// Latin-1 (`We‚Äôre`, `Ã©`, `â€™`, `ðŸ’°`), following ftfy's approach: look at
// runs of non-ASCII characters, re-encode them into each code page, and keep
// only stretches whose bytes are exact UTF-8 and whose decoding is strictly
// less mojibake-like than the original (see mojibake-badness.ts). Clean text
// is left alone; mixed lines are handled stretch by stretch.
import { badness, hasInvalidCodePoint, isMark } from './mojibake-badness.ts';
import { MAC_ROMAN, SLOPPY_WINDOWS_1252_ENCODE, type CodePage } from './code-pages.ts';

export type MojibakeEncoding = 'macintosh' | 'windows-1252' | 'latin-1';

export interface Repair {
  /** The mojibake as it appears in the input. */
  from: string;
  to: string;
  /** The code page the UTF-8 bytes had been wrongly decoded with. */
  encoding: MojibakeEncoding;
  /** UTF-16 offset of the first occurrence of `from` in the input. */
  index: number;
  /** How many times this `from` → `to` repair was made. */
  count: number;
}

/** Mojibake of mojibake is undone layer by layer; more layers than this is noise. */
const MAX_PASSES = 3;
/** Characters of context either side when judging a stretch (the badness rules look at most two ahead). */
const CONTEXT = 2;

const ENCODINGS: readonly MojibakeEncoding[] = ['windows-1252', 'latin-1', 'macintosh'];

interface Page {
  name: CodePage;
  /**
   * Byte for each BMP code point, -1 where the page has none. Windows-1252
   * also takes C1 controls for their bytes, which covers Latin-1.
   */
  encode: Int16Array;
  /** Lower is preferred when two pages repair the same stretch equally well. */
  rank: number;
}

/** A flat lookup table: the encoder runs on every non-ASCII character, twice per pass. */
function byteTable(encode: ReadonlyMap<number, number>): Int16Array {
  const table = new Int16Array(0x10000).fill(-1);
  for (const [cp, byte] of encode) if (cp < 0x10000) table[cp] = byte;
  return table;
}

const PAGES: readonly Page[] = [
  { name: 'windows-1252', encode: byteTable(SLOPPY_WINDOWS_1252_ENCODE), rank: 0 },
  { name: 'macintosh', encode: byteTable(MAC_ROMAN.encode), rank: 1 },
];

interface Candidate {
  /** Code point indices in the current text. */
  start: number;
  end: number;
  to: string;
  /**
   * The repair cut into characters (`â€™Ã©` → `’` + `é`, but `✈️` whole), so
   * that each is reported on its own; one piece when layers were undone.
   */
  pieces: ReadonlyArray<{ length: number; to: string }>;
  page: Page;
  /** How much less mojibake-like the text gets (badness before minus after). */
  gain: number;
}

/**
 * Undoes mojibake where the reversal is exact and the result cleaner; returns
 * the text and one Repair per distinct from → to pair. Never throws; clean
 * text comes back unchanged with no repairs.
 */
export function repairMojibake(text: string): { text: string; repairs: Repair[] } {
  if (typeof text !== 'string') return { text: '', repairs: [] };
  if (!/[^\x00-\x7f]/.test(text)) return { text, repairs: [] };
  try {
    return repairLayers(text);
  } catch {
    // A normaliser never throws; should anything here fail, the text stays as it was.
    return { text, repairs: [] };
  }
}

/**
 * The text after some passes, and for each of its UTF-16 units the input
 * range it came from and the encoding index of the repair that produced it
 * (-1 when untouched), so that every repair can be reported at its place in
 * the input however many layers were undone.
 */
interface Provenance {
  text: string;
  srcStart: Int32Array;
  srcEnd: Int32Array;
  encodingOf: Int8Array;
}

/** A replacement of code points [start, end) of the current text. */
interface Replacement {
  start: number;
  end: number;
  to: string;
  encoding: MojibakeEncoding;
}

function repairLayers(text: string): { text: string; repairs: Repair[] } {
  let state: Provenance = {
    text,
    srcStart: new Int32Array(text.length),
    srcEnd: new Int32Array(text.length),
    encodingOf: new Int8Array(text.length).fill(-1),
  };
  for (let u = 0; u < text.length; u++) {
    state.srcStart[u] = u;
    state.srcEnd[u] = u + 1;
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const cps = codePointsOf(state.text);
    if (!mayHoldMojibake(cps)) break;
    const chosen = chooseRepairs(cps, 0);
    if (chosen.length === 0) break;
    const replacements: Replacement[] = [];
    for (const candidate of chosen) {
      let start = candidate.start;
      for (const piece of candidate.pieces) {
        const end = start + piece.length;
        replacements.push({ start, end, to: piece.to, encoding: encodingName(cps, start, end, candidate.page) });
        start = end;
      }
    }
    state = applyPass(state, utf16Offsets(cps), replacements);
  }
  return { text: state.text, repairs: collectRepairs(text, state) };
}

function applyPass(state: Provenance, unitOffsets: readonly number[], replacements: readonly Replacement[]): Provenance {
  const { text, srcStart, srcEnd, encodingOf } = state;
  let length = text.length;
  for (const r of replacements) length += r.to.length - ((unitOffsets[r.end] ?? text.length) - (unitOffsets[r.start] ?? 0));
  const next: Provenance = { text: '', srcStart: new Int32Array(length), srcEnd: new Int32Array(length), encodingOf: new Int8Array(length) };
  const parts: string[] = [];
  let copied = 0;
  let written = 0;
  const copyUntil = (until: number): void => {
    parts.push(text.slice(copied, until));
    next.srcStart.set(srcStart.subarray(copied, until), written);
    next.srcEnd.set(srcEnd.subarray(copied, until), written);
    next.encodingOf.set(encodingOf.subarray(copied, until), written);
    written += until - copied;
    copied = until;
  };
  for (const r of replacements) {
    const a = unitOffsets[r.start] ?? 0;
    const b = unitOffsets[r.end] ?? text.length;
    copyUntil(a);
    // A repair that undoes an earlier one keeps the outermost layer's encoding.
    let encoding = ENCODINGS.indexOf(r.encoding);
    for (let u = a; u < b; u++) {
      const earlier = encodingOf[u] ?? -1;
      if (earlier >= 0) {
        encoding = earlier;
        break;
      }
    }
    parts.push(r.to);
    next.srcStart.fill(srcStart[a] ?? a, written, written + r.to.length);
    next.srcEnd.fill(srcEnd[b - 1] ?? b, written, written + r.to.length);
    next.encodingOf.fill(encoding, written, written + r.to.length);
    written += r.to.length;
    copied = b;
  }
  copyUntil(text.length);
  next.text = parts.join('');
  return next;
}

function codePointsOf(text: string): number[] {
  const cps: number[] = [];
  for (let u = 0; u < text.length; u++) {
    const cp = text.codePointAt(u) ?? 0;
    cps.push(cp);
    if (cp > 0xffff) u++;
  }
  return cps;
}

/** UTF-16 offset of each code point, plus the length at the end. */
function utf16Offsets(cps: readonly number[]): number[] {
  const offsets = new Array<number>(cps.length + 1);
  let unit = 0;
  for (let i = 0; i < cps.length; i++) {
    offsets[i] = unit;
    unit += (cps[i] ?? 0) > 0xffff ? 2 : 1;
  }
  offsets[cps.length] = unit;
  return offsets;
}

/** Picks non-overlapping repairs for one pass, in text order. */
function chooseRepairs(cps: readonly number[], depth: number): Candidate[] {
  const accepted: Candidate[] = [];
  for (const page of PAGES) {
    const { candidates, consistent, anyGain } = findCandidates(cps, page, depth);
    // When every character of the text that this page could have produced is
    // part of a valid repair, and at least one repair is clearly needed, the
    // whole text is mojibake (ftfy's whole-string decode): then also take the
    // repairs that alone would be too ambiguous (`Ð’` for `В` next to `ÐœÐ¾Ñ\u0081ÐºÐ²Ðµ`).
    // An earlier layer of repairs does not count as such evidence:
    // `CAFÃ‰â„¢` → `CAFÉ™` must not go on to `CAFə`.
    const threshold = consistent && anyGain ? 0 : 1;
    for (const candidate of candidates) if (candidate.gain >= threshold) accepted.push(candidate);
  }
  accepted.sort((x, y) => x.start - y.start || x.page.rank - y.page.rank);
  // Each page's repairs never overlap each other, but the two pages' repairs
  // may. Settle each group of overlapping repairs as a whole, in one look at
  // the group, so the work stays linear in the text length.
  const chosen: Candidate[] = [];
  let group: Candidate[] = [];
  let groupEnd = -1;
  const settle = (): void => {
    for (const repair of settleGroup(cps, group)) chosen.push(repair);
    group = [];
  };
  for (const candidate of accepted) {
    if (group.length > 0 && candidate.start >= groupEnd) settle();
    group.push(candidate);
    groupEnd = Math.max(groupEnd, candidate.end);
  }
  settle();
  return chosen;
}

/**
 * Picks one page's repairs for a group of overlapping ones by comparing the
 * text each page leaves over the whole group (gains measured on different
 * stretches are not comparable). Ties go to the page that repairs more
 * characters (a longer exact reversal is stronger evidence), then to the more
 * common page.
 */
function settleGroup(cps: readonly number[], group: readonly Candidate[]): readonly Candidate[] {
  if (group.every((c) => c.page === group[0]?.page)) return group;
  let from = cps.length;
  let to = 0;
  for (const c of group) {
    from = Math.min(from, c.start);
    to = Math.max(to, c.end);
  }
  from = Math.max(0, from - CONTEXT);
  to = Math.min(cps.length, to + CONTEXT);
  let best: { repairs: Candidate[]; score: number; covered: number } | null = null;
  for (const page of PAGES) {
    const repairs = group.filter((c) => c.page === page);
    if (repairs.length === 0) continue;
    const window = applyRepairs(cps.slice(from, to), repairs.map((c) => ({ ...c, start: c.start - from, end: c.end - from })));
    const score = badness(window ?? cps.slice(from, to));
    const covered = repairs.reduce((sum, c) => sum + c.end - c.start, 0);
    if (!best || score < best.score || (score === best.score && covered > best.covered)) {
      best = { repairs, score, covered };
    }
  }
  return best?.repairs ?? [];
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The range the byte after the lead must fall in (excludes overlongs, surrogates, > U+10FFFF). */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/**
 * Finds, for one page, the stretches whose characters re-encode to exact UTF-8
 * (adjacent sequences form one stretch) and scores each. `consistent` says
 * whether every character the page could have produced is in a stretch whose
 * repair is at least no worse.
 */
function findCandidates(
  cps: readonly number[],
  page: Page,
  depth: number,
): { candidates: Candidate[]; consistent: boolean; anyGain: boolean } {
  const bytes = cps.map((cp) => (cp < 0x80 || cp > 0xffff ? -1 : (page.encode[cp] ?? -1)));
  const candidates: Candidate[] = [];
  let uncovered = 0;
  let clusterStart = -1;
  let clusterEnd = -1;
  let anyGain = false;

  const closeCluster = (): void => {
    if (clusterStart < 0) return;
    const candidate = judge(cps, bytes, clusterStart, clusterEnd, page, depth);
    if (candidate && candidate.gain >= 0) {
      candidates.push(candidate);
      if (candidate.gain > 0) anyGain = true;
    } else {
      uncovered += clusterEnd - clusterStart;
    }
    clusterStart = -1;
  };

  let i = 0;
  while (i < cps.length) {
    const length = validSequenceAt(bytes, i);
    if (length > 0) {
      if (clusterStart < 0 || clusterEnd !== i) {
        closeCluster();
        clusterStart = i;
      }
      clusterEnd = i + length;
      i += length;
      continue;
    }
    // Characters the page cannot produce (emoji, Cyrillic...) say nothing either way.
    if ((bytes[i] ?? -1) >= 0) uncovered++;
    i++;
  }
  closeCluster();
  return { candidates, consistent: uncovered === 0, anyGain };
}

/** Length of the well-formed UTF-8 sequence starting at bytes[i], or 0. */
function validSequenceAt(bytes: readonly number[], i: number): number {
  const lead = bytes[i] ?? -1;
  const length = sequenceLength(lead);
  if (length === 0) return 0;
  const [low, high] = secondByteRange(lead);
  const second = bytes[i + 1] ?? -1;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const byte = bytes[i + k] ?? -1;
    if (byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/** Decodes well-formed UTF-8; `lengths` holds each code point's byte count. */
function decodeUtf8(bytes: readonly number[], start: number, end: number): { cps: number[]; lengths: number[] } {
  const cps: number[] = [];
  const lengths: number[] = [];
  let i = start;
  while (i < end) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    let cp = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
    for (let k = 1; k < length; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 0x3f);
    cps.push(cp);
    lengths.push(length);
    i += length;
  }
  return { cps, lengths };
}

/**
 * Cuts a one-layer repair into user-perceived characters; each piece's length
 * counts source characters. (Intl.Segmenter would do, but is far too slow to
 * run on every stretch; marks, ZWJ sequences, skin tones, tags and flag pairs
 * are what occur in practice.)
 */
function characterPieces(decoded: { cps: readonly number[]; lengths: readonly number[] }): Array<{ length: number; to: string }> {
  const { cps, lengths } = decoded;
  if (cps.length === 1) return [{ length: lengths[0] ?? 0, to: fromCodePoints(cps) }];
  const pieces: Array<{ length: number; to: string }> = [];
  let start = 0;
  let regionalIndicators = 0;
  for (let i = 1; i <= cps.length; i++) {
    const cp = cps[i];
    const previous = cps[i - 1] ?? 0;
    if (isRegionalIndicator(previous)) regionalIndicators++;
    const joins =
      cp !== undefined &&
      (previous === ZWJ ||
        cp === ZWJ ||
        (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
        (cp >= 0xe0020 && cp <= 0xe007f) ||
        (isRegionalIndicator(cp) && regionalIndicators % 2 === 1) ||
        isMark(cp));
    if (joins) continue;
    let length = 0;
    for (let k = start; k < i; k++) length += lengths[k] ?? 0;
    pieces.push({ length, to: fromCodePoints(cps.slice(start, i)) });
    start = i;
    regionalIndicators = 0;
  }
  return pieces;
}

const ZWJ = 0x200d;

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function fromCodePoints(cps: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cps.length; i += 4096) parts.push(String.fromCodePoint(...cps.slice(i, i + 4096)));
  return parts.join('');
}

/**
 * Scores the repair of cps[start, end). Mojibake applied twice decodes first
 * to mojibake (which may even hold C1 controls, as `Ã„Â\u008d` → `Ä\u008d`
 * → `č` does), so the decoded stretch is itself repaired, layer by layer, and
 * the least bad layer is the candidate.
 */
function judge(
  cps: readonly number[],
  bytes: readonly number[],
  start: number,
  end: number,
  page: Page,
  depth: number,
): Candidate | null {
  const left = cps.slice(Math.max(0, start - CONTEXT), start);
  const right = cps.slice(end, end + CONTEXT);
  const decoded = decodeUtf8(bytes, start, end);
  let layer = decoded.cps;
  let best: { cps: number[]; score: number; level: number } | null = null;
  for (let level = depth; ; level++) {
    const window = left.concat(layer, right);
    if (!hasInvalidCodePoint(layer)) {
      const score = badness(window);
      // Ties keep the shallower layer: text mojibaked once must come back exactly.
      if (!best || score < best.score) best = { cps: layer, score, level };
    }
    if (level + 1 >= MAX_PASSES || !mayHoldMojibake(layer)) break;
    // Judge the inner layer in the same context as the outer one.
    const innerRepairs = chooseRepairs(window, level + 1)
      .filter((r) => r.start >= left.length && r.end <= left.length + layer.length)
      .map((r) => ({ ...r, start: r.start - left.length, end: r.end - left.length }));
    const deeper = applyRepairs(layer, innerRepairs);
    if (deeper === null) break;
    layer = deeper;
  }
  if (!best) return null;
  const before = badness(left.concat(cps.slice(start, end), right));
  const to = fromCodePoints(best.cps);
  return {
    start,
    end,
    to,
    pieces: best.level === depth ? characterPieces(decoded) : [{ length: end - start, to }],
    page,
    gain: before - best.score,
  };
}

/** Cheap pre-check: does any page see a lead byte followed by a continuation byte? */
function mayHoldMojibake(cps: readonly number[]): boolean {
  for (const page of PAGES) {
    let leads = false;
    for (const cp of cps) {
      const byte = cp < 0x80 || cp > 0xffff ? -1 : (page.encode[cp] ?? -1);
      if (leads && byte >= 0x80 && byte <= 0xbf) return true;
      leads = byte >= 0xc2 && byte <= 0xf4;
    }
  }
  return false;
}

/** The code points with the repairs applied, or null when there are none. */
function applyRepairs(cps: readonly number[], repairs: readonly Candidate[]): number[] | null {
  if (repairs.length === 0) return null;
  const out: number[] = [];
  let copied = 0;
  for (const repair of repairs) {
    for (let i = copied; i < repair.start; i++) out.push(cps[i] ?? 0);
    for (const char of repair.to) out.push(char.codePointAt(0) ?? 0);
    copied = repair.end;
  }
  for (let i = copied; i < cps.length; i++) out.push(cps[i] ?? 0);
  return out;
}

/** Latin-1 when the stretch is all Latin-1 with C1 controls in it; Windows-1252 when it has its punctuation. */
function encodingName(cps: readonly number[], start: number, end: number, page: Page): MojibakeEncoding {
  if (page.name === 'macintosh') return 'macintosh';
  let c1 = false;
  for (let i = start; i < end; i++) {
    const cp = cps[i] ?? 0;
    if (cp > 0xff) return 'windows-1252';
    if (cp < 0xa0) c1 = true;
  }
  return c1 ? 'latin-1' : 'windows-1252';
}

/** One Repair per distinct from → to pair, from the per-unit provenance of the output. */
function collectRepairs(input: string, { text: output, srcStart, srcEnd, encodingOf }: Provenance): Repair[] {
  const byKey = new Map<string, Repair>();
  let u = 0;
  while (u < output.length) {
    const encoding = encodingOf[u] ?? -1;
    if (encoding < 0) {
      u++;
      continue;
    }
    const start = srcStart[u] ?? 0;
    const end = srcEnd[u] ?? 0;
    let v = u + 1;
    while (v < output.length && encodingOf[v] === encoding && srcStart[v] === start && srcEnd[v] === end) v++;
    const from = input.slice(start, end);
    const to = output.slice(u, v);
    const key = `${from}\u0000${to}`;
    const existing = byKey.get(key);
    if (existing) existing.count++;
    else byKey.set(key, { from, to, encoding: ENCODINGS[encoding] ?? 'windows-1252', index: start, count: 1 });
    u = v;
  }
  return [...byKey.values()];
}
