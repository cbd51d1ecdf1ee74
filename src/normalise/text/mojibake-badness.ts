// How much a short stretch of text looks like mojibake. The repairer compares
// a suspicious stretch with its candidate repair (both with the same few
// characters of context) and keeps the repair only when it is strictly less
// bad. The approach follows ftfy's "badness" heuristic: the ~250 characters
// that UTF-8 mojibake is made of are sorted into classes, and we count
// juxtapositions that real text almost never has (an accented letter directly
// followed by a currency sign, a lone C1 control, a Greek letter glued to a
// Latin one...). The same rules penalise implausible *repairs*, which is what
// keeps clean text such as `L’ÉTÉ»`, `CAFÉ™` or `« Ça »` from being "fixed".
import { CharClasses, CJK, EDGE_INFO, classify, type CharClass, type CharInfo } from './mojibake-char-classes.ts';

// Local copies: imported bindings are read through getters, and these are read per character.
const {
  ASCII_LOWER,
  ASCII_OTHER,
  ASCII_UPPER,
  CLOSE,
  CURRENCY,
  DIGIT,
  EDGE,
  FORMAT,
  INVALID,
  LATIN_LOWER,
  LATIN_UPPER,
  MARK,
  MODIFIER,
  NUMERIC,
  OBSCURE_LATIN,
  ODD,
  OPEN,
  OTHER_LETTER,
  PUNCT,
  SYMBOL,
} = CharClasses;
const CJK_SCRIPT = CJK;
const EDGE_CHAR = EDGE_INFO;
const classOf = classify;

function isLatinLetter(cls: CharClass): boolean {
  return cls === ASCII_LOWER || cls === ASCII_UPPER || cls === LATIN_UPPER || cls === LATIN_LOWER || cls === OBSCURE_LATIN;
}

function isAccentedLatin(cls: CharClass): boolean {
  return cls === LATIN_UPPER || cls === LATIN_LOWER;
}

function isLetterOrDigit(cls: CharClass): boolean {
  return isLatinLetter(cls) || cls === OTHER_LETTER || cls === DIGIT;
}

/** Code-page symbols that do not normally touch a letter. */
function isGlueSymbol(info: CharInfo): boolean {
  return (
    info.codePage &&
    (info.cls === CURRENCY || info.cls === NUMERIC || info.cls === SYMBOL || info.cls === MODIFIER || info.cls === ODD)
  );
}

function isCodePageSign(info: CharInfo): boolean {
  return info.codePage && info.cls !== EDGE && !isLatinLetter(info.cls) && info.cls !== OTHER_LETTER;
}

function baseLetter(cp: number): string {
  return String.fromCodePoint(cp).normalize('NFD').charAt(0).toLowerCase();
}

const A_CIRCUMFLEX = 0xc2;
const A_TILDE = 0xc3;
const SPACE = 0x20;
const NBSP = 0xa0;
const COMMON_FORMAT_CHARS = new Set([0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff]);
const MULTIPLICATION = 0xd7;
const EVERYDAY_PUNCTUATION = new Set([...'…’”“‘–—'].map((c) => c.codePointAt(0) ?? 0));
const NEVER_AFTER_LETTER = new Set([...'„‚¡¿'].map((c) => c.codePointAt(0) ?? 0));
/** Mac Roman punctuation on 2-byte lead bytes, apart from the apostrophe. */
const MAC_GLUE_PUNCTUATION = new Set([...'…–—«»“”‹›'].map((c) => c.codePointAt(0) ?? 0));
const SUPERSCRIPT_DIGITS = new Set([0xb9, 0xb2, 0xb3]);
const SOFT_HYPHEN = 0xad;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
/** Mac Roman 0xE0–0xE2 and 0xE4 (`‡ · ‚ ‰`); not `„` (0xE3), which German quotes put before `Ä`. */
const MAC_PUNCTUATION_LEADS = new Set([0x2021, 0xb7, 0x201a, 0x2030]);

/**
 * Counts mojibake-like juxtapositions in `cps` (code points). Higher is worse;
 * clean text of any script scores 0 or close to it.
 */
export function badness(cps: readonly number[]): number {
  const infos = cps.map(classOf);
  const at = (i: number): CharInfo => infos[i] ?? EDGE_CHAR;
  let score = 0;
  // From -1 so that pair rules also see the start of the window as a space.
  for (let i = -1; i < infos.length; i++) {
    const x = at(i);
    const prev = at(i - 1);
    const next = at(i + 1);
    const cp = cps[i] ?? SPACE;
    if (i >= 0) score += charBadness(x, prev, next, cp, at(i - 2));

    if (i + 1 >= infos.length) continue;
    const y = next;
    const ycp = cps[i + 1] ?? 0;

    // Characters that hardly ever touch another non-ASCII character.
    if ((x.cls === ODD && y.cls !== EDGE && ycp >= 0x80) || (y.cls === ODD && x.cls !== EDGE && cp >= 0x80 && x.cls !== ODD)) {
      score += 1;
    }
    // Accented letter directly followed by a currency, number or symbol sign, or an opening quote.
    // (`“ ‘ «` close quotes in German, so only `„ ‚ ¡ ¿` count here.)
    if (isAccentedLatin(x.cls) && (isGlueSymbol(y) || NEVER_AFTER_LETTER.has(ycp))) score += 1;
    // `Ã“`, `Ã‘`, `Ã«`, `Ã‹` are `Ó`, `Ñ`, `ë`, `Ë`: these quotes (closing ones in German)
    // never follow `Ã`, which only Portuguese and Vietnamese use.
    if (cp === A_TILDE && (ycp === 0x201c || ycp === 0x2018 || ycp === 0xab || ycp === 0x2039)) score += 1;
    // Closing quote directly followed by such a sign (Mac Roman Armenian `’°’µ`); not footnote digits.
    if (x.cls === CLOSE && x.codePage && isGlueSymbol(y) && !SUPERSCRIPT_DIGITS.has(ycp)) score += 1;
    // ...or preceded by such a sign.
    if (isAccentedLatin(y.cls) && isGlueSymbol(x)) score += 1;
    // Two different code-page signs glued together (`¬£`, `™º`, `‚¬`).
    if ((isGlueSymbol(x) || (x.cls === OPEN && x.codePage)) && (isGlueSymbol(y) || (y.cls === OPEN && y.codePage)) && cp !== ycp) {
      if (!(x.cls === OPEN && y.cls === OPEN)) score += 1;
    }
    // Accented capital, closing quote or dash, then a letter: `Ã–sterreich`, `Ã…rhus`.
    if (x.cls === LATIN_UPPER && (y.cls === CLOSE || y.cls === PUNCT || y.cls === OPEN || ycp === NBSP) && y.codePage && isLetterOrDigit(at(i + 2).cls)) {
      score += 1;
    }
    // Non-ASCII, dash, non-ASCII with no space: Mac Roman Cyrillic (`–ê–Ω–¥–æ—Ä–∞`).
    if ((ycp === EN_DASH || ycp === EM_DASH) && cp >= 0x80 && x.codePage && x.cls !== EDGE && (cps[i + 2] ?? 0) >= 0x80 && at(i + 2).codePage && at(i + 2).cls !== EDGE) {
      score += 1;
    }
    // Windows-1252 `à`–`ï` (3-byte lead bytes) followed by two code-page signs: `á»‘` for `ố`,
    // or by a character of the 0x80–0x9F block other than everyday punctuation: `âœ…` for `✅`.
    if (cp >= 0xe0 && cp <= 0xef && at(i + 2).codePage && (cps[i + 2] ?? 0) >= 0x80) {
      if ((isCodePageSign(y) && isCodePageSign(at(i + 2))) || (y.codePage && ycp > 0xff && !EVERYDAY_PUNCTUATION.has(ycp))) score += 1;
    }
    // `×` glued to a following code-page character: Windows-1252 Hebrew (`×©×œ×•×`).
    if (cp === MULTIPLICATION && y.codePage && ycp >= 0x80 && y.cls !== EDGE) score += 1;
    // `Â` before a Latin-1 sign: `Â»`, `Â°` (Romanian `Â` is followed by letters).
    if (cp === A_CIRCUMFLEX && ycp >= 0xa0 && ycp <= 0xbf) score += 1;
    // Letter, Mac Roman lead punctuation, accented small letter: `v…ô` for `və`, `»ô` for `ș`.
    // Not `’`: `l’été` is everyday French.
    if ((isLatinLetter(x.cls) || x.cls === EDGE || x.cls === ASCII_OTHER) && MAC_GLUE_PUNCTUATION.has(ycp) && at(i + 2).cls === LATIN_LOWER) {
      score += 1;
    }
    // Lowercase letter followed by an accented capital: `fÃ©`.
    if ((x.cls === ASCII_LOWER || x.cls === LATIN_LOWER) && y.cls === LATIN_UPPER) score += 1;
    // Accented capital followed by an accented small letter of another base: `Êó`, `Ðž`.
    if (x.cls === LATIN_UPPER && y.cls === LATIN_LOWER && x.codePage && y.codePage && baseLetter(cp) !== baseLetter(ycp)) score += 1;
    // `Â`/`Ã` followed by a no-break space or soft hyphen (`Â ` is a mangled no-break space, `Ã­` is `í`).
    if ((cp === A_CIRCUMFLEX || cp === A_TILDE) && (ycp === NBSP || ycp === SOFT_HYPHEN)) score += 1;
    // Accented capital followed by a Windows-1252 letter from the 0x80–0x9F block (`ÄŒ` for `Č`).
    if (x.cls === LATIN_UPPER && y.codePage && isAccentedLatin(y.cls) && ycp > 0xff) score += 1;
    // Mac Roman punctuation that leads a 3-byte sequence, followed by two code-page characters:
    // mojibake of General Punctuation (`‚Äô`), Latin Extended Additional or Indic letters.
    if (MAC_PUNCTUATION_LEADS.has(cp) && ycp >= 0x80 && y.codePage && (cps[i + 2] ?? 0) >= 0x80 && at(i + 2).codePage) score += 2;
    // Letters of different scripts glued together.
    score += scriptClash(x, y);
  }
  return score;
}

/** Badness of one character in its immediate surroundings. */
function charBadness(x: CharInfo, prev: CharInfo, next: CharInfo, cp: number, prevPrev: CharInfo): number {
  let score = 0;
  if (x.cls === INVALID) score += 4;
  // Spacing accents and modifier letters are rare in text (apart from the ʻokina and ʼ).
  if (x.cls === MODIFIER && cp !== 0x2bb && cp !== 0x2bc) {
    score += 1;
    if (!x.codePage && (isLetterOrDigit(prev.cls) || isLetterOrDigit(next.cls))) score += 1;
  }
  // Invisible format characters other than the common ones (ZWSP, ZWJ, bidi marks, BOM).
  if (x.cls === FORMAT && !COMMON_FORMAT_CHARS.has(cp) && !(cp >= 0xe0020 && cp <= 0xe007f)) score += 2;
  // Characters of scripts outside SCRIPTS turn up in repairs far more often than in postings.
  if (x.rare) score += 1;
  if (x.cls === OBSCURE_LATIN) score += prev.upper || next.upper ? 2 : 1;
  // A combining mark needs a base: a letter, a digit (keycaps) or a symbol (emoji).
  if (x.cls === MARK && !(isLetterOrDigit(prev.cls) || prev.cls === MARK || prev.cls === SYMBOL || prev.cls === FORMAT)) {
    score += 2;
  }
  // A script's own mark (Hebrew points, Arabic harakat) on a letter of another script.
  if (x.cls === MARK && x.script !== 0 && !(prev.cls === OTHER_LETTER && prev.script === x.script) && !(prev.cls === MARK && prev.script === x.script)) {
    score += 2;
  }
  // A lowercase accented letter inside an all-caps word.
  if ((x.cls === LATIN_LOWER || x.cls === OBSCURE_LATIN) && prev.upper && prevPrev.upper) score += 1;
  return score;
}

function scriptClash(x: CharInfo, y: CharInfo): number {
  const xLatin = isLatinLetter(x.cls);
  const yLatin = isLatinLetter(y.cls);
  if (x.cls === OTHER_LETTER && y.cls === OTHER_LETTER) return x.script === y.script ? 0 : 2;
  if (!((xLatin && y.cls === OTHER_LETTER) || (yLatin && x.cls === OTHER_LETTER))) return 0;
  const other = xLatin ? y : x;
  const latin = xLatin ? x : y;
  if (other.script === CJK_SCRIPT && (latin.cls === ASCII_LOWER || latin.cls === ASCII_UPPER)) return 1;
  return 2;
}

/** True when the code points hold a character no repair may produce. */
export function hasInvalidCodePoint(cps: readonly number[]): boolean {
  for (const cp of cps) if (classOf(cp).cls === INVALID) return true;
  return false;
}

/** A combining mark (it belongs to the character before it). */
export function isMark(cp: number): boolean {
  return classOf(cp).cls === MARK;
}
