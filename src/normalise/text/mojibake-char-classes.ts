// Sorts characters into the classes the mojibake badness rules talk about:
// ASCII letters, accented Latin letters, letters of each other script, marks,
// quotes, signs, the handful of characters that appear almost only in
// mojibake, and characters no text should hold. Also knows which characters
// the two code pages we repair can produce, since mojibake is made of those.
import { MAC_ROMAN, WINDOWS_1252 } from './code-pages.ts';

const EDGE = 0; // start/end of the window, whitespace
const ASCII_LOWER = 1;
const ASCII_UPPER = 2;
const DIGIT = 3;
const ASCII_OTHER = 4;
const LATIN_UPPER = 5; // non-ASCII
const LATIN_LOWER = 6; // non-ASCII
const OBSCURE_LATIN = 7; // IPA, rare Latin Extended-B, phonetic extensions
const OTHER_LETTER = 8; // letters (and digits) of other scripts, see SCRIPTS
const MARK = 9;
const MODIFIER = 10; // spacing accents and modifier letters, soft hyphen
const OPEN = 11;
const CLOSE = 12;
const PUNCT = 13;
const CURRENCY = 14;
const NUMERIC = 15;
const SYMBOL = 16;
const ODD = 17; // characters seen almost only in mojibake
const FORMAT = 18;
const INVALID = 19; // C1 controls, U+FFFD, private use, unassigned, noncharacters

export type CharClass = number;

/**
 * The classes as one object: callers copy them into local constants, since
 * reading an imported binding in a hot loop costs a getter call per read.
 */
export const CharClasses = {
  EDGE,
  ASCII_LOWER,
  ASCII_UPPER,
  DIGIT,
  ASCII_OTHER,
  LATIN_UPPER,
  LATIN_LOWER,
  OBSCURE_LATIN,
  OTHER_LETTER,
  MARK,
  MODIFIER,
  OPEN,
  CLOSE,
  PUNCT,
  CURRENCY,
  NUMERIC,
  SYMBOL,
  ODD,
  FORMAT,
  INVALID,
} as const;

/** Characters that sit in the upper half of a code page we repair. */
const CODE_PAGE_CHARS: ReadonlySet<number> = new Set([...WINDOWS_1252.encode.keys(), ...MAC_ROMAN.encode.keys()]);

// (Mac Roman's Omega is U+2126 OHM SIGN; U+03A9 is listed too for Greek-table variants.)
const ODD_CHARS = new Set([...'¦¤¨¬¯¸ƒˆ˜ˇ˘˙˚˛˝†‡‰◊√∂∆∏∑∫\u2126\u03a9≈ﬁﬂ⁄¶'].map((c) => c.codePointAt(0) ?? 0));
const NUMERIC_CHARS = new Set([...'°µªº'].map((c) => c.codePointAt(0) ?? 0));

/** Latin Extended-B and IPA letters in everyday use (Romanian, Vietnamese, Pinyin, Azerbaijani schwa). */
function isCommonExtendedB(cp: number): boolean {
  return (
    cp === 0x18f ||
    cp === 0x259 ||
    // Hausa and Fula hooked letters
    cp === 0x181 ||
    cp === 0x253 ||
    cp === 0x18a ||
    cp === 0x257 ||
    cp === 0x198 ||
    cp === 0x199 ||
    cp === 0x1b3 ||
    cp === 0x1b4 ||
    (cp >= 0x218 && cp <= 0x21b) ||
    (cp >= 0x1cd && cp <= 0x1dc) ||
    cp === 0x1a0 ||
    cp === 0x1a1 ||
    cp === 0x1af ||
    cp === 0x1b0
  );
}

const SCRIPTS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, /\p{Script=Greek}/u],
  [2, /\p{Script=Cyrillic}/u],
  [3, /\p{Script=Armenian}/u],
  [4, /\p{Script=Hebrew}/u],
  [5, /\p{Script=Arabic}/u],
  [6, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\u30fc\uff00-\uffef]/u],
  [7, /\p{Script=Thai}/u],
  [8, /\p{Script=Devanagari}/u],
  [9, /\p{Script=Georgian}/u],
  [10, /\p{Script=Ethiopic}/u],
  [11, /[\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u],
  [12, /[\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u],
];
export const CJK = 6;
const OTHER_SCRIPT = 99;

export interface CharInfo {
  cls: CharClass;
  /** Script group for OTHER_LETTER; 0 otherwise. */
  script: number;
  upper: boolean;
  /** In the upper half of Windows-1252 or Mac Roman. */
  codePage: boolean;
  /** Belongs to a script outside SCRIPTS (letters, digits and punctuation alike). */
  rare: boolean;
}

const cache = new Map<number, CharInfo>();

/** The class of a code point, memoised (the same few hundred characters come up again and again). */
export function classify(cp: number): CharInfo {
  const cached = cache.get(cp);
  if (cached) return cached;
  const info = computeInfo(cp);
  if (cache.size < 50_000) cache.set(cp, info);
  return info;
}

function computeInfo(cp: number): CharInfo {
  const char = String.fromCodePoint(cp);
  const codePage = CODE_PAGE_CHARS.has(cp);
  const upper = /[\p{Lu}\p{Lt}]/u.test(char);
  const rare =
    cp >= 0x80 &&
    !/[\p{Script=Common}\p{Script=Inherited}\p{Script=Latin}]/u.test(char) &&
    !SCRIPTS.some(([, pattern]) => pattern.test(char));
  const info = (cls: CharClass, script = 0): CharInfo => ({ cls, script, upper, codePage, rare });
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return info(ASCII_LOWER);
    if (cp >= 0x41 && cp <= 0x5a) return info(ASCII_UPPER);
    if (cp >= 0x30 && cp <= 0x39) return info(DIGIT);
    if (/\s/u.test(char)) return info(EDGE);
    return info(ASCII_OTHER);
  }
  if (cp === 0xad) return info(MODIFIER);
  if (/[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u.test(char) || (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) {
    return info(INVALID);
  }
  if (/\s/u.test(char)) return info(EDGE);
  if (ODD_CHARS.has(cp)) return info(ODD);
  if (NUMERIC_CHARS.has(cp)) return info(NUMERIC);
  if (/\p{Cf}/u.test(char)) return info(FORMAT);
  if (/\p{M}/u.test(char)) {
    if (/\p{Script=Inherited}/u.test(char)) return info(MARK);
    for (const [script, pattern] of SCRIPTS) if (pattern.test(char)) return info(MARK, script);
    return info(MARK, OTHER_SCRIPT);
  }
  if (/[\p{Lm}\p{Sk}]/u.test(char)) return info(MODIFIER);
  if (/\p{L}/u.test(char) || /\p{Nd}/u.test(char)) {
    if (/\p{Script=Latin}/u.test(char)) {
      if (((cp >= 0x180 && cp <= 0x2af) || (cp >= 0x1d00 && cp <= 0x1dbf)) && !isCommonExtendedB(cp)) {
        return info(OBSCURE_LATIN);
      }
      return info(upper ? LATIN_UPPER : LATIN_LOWER);
    }
    // Non-ASCII digits belong to their script like its letters (Arabic-Indic, NKo...).
    for (const [script, pattern] of SCRIPTS) if (pattern.test(char)) return info(OTHER_LETTER, script);
    return info(OTHER_LETTER, OTHER_SCRIPT);
  }
  if (/[\p{Ps}\p{Pi}\u00a1\u00bf]/u.test(char)) return info(OPEN);
  if (/[\p{Pe}\p{Pf}]/u.test(char)) return info(CLOSE);
  if (/\p{P}/u.test(char)) return info(PUNCT);
  if (/\p{Sc}/u.test(char)) return info(CURRENCY);
  if (/[\p{Sm}\p{No}]/u.test(char)) return info(NUMERIC);
  if (/[\p{S}\p{N}]/u.test(char)) return info(SYMBOL);
  // CJK punctuation and the like: treat as letters of their script.
  for (const [script, pattern] of SCRIPTS) if (pattern.test(char)) return info(OTHER_LETTER, script);
  return info(SYMBOL);
}

/** What lies beyond either end of a window: as good as a space. */
export const EDGE_INFO: CharInfo = { cls: EDGE, script: 0, upper: false, codePage: false, rare: false };
