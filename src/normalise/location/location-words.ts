// Splits text into comparable words, so that country names, aliases and free
// location text meet on one spelling: no case, no diacritics, no apostrophes,
// dotted abbreviations closed up (`U.S.A.` → `USA`), `St` read as `Saint`.

export interface LocationWord {
  /** The word as written (after dotted abbreviations are closed up). */
  raw: string;
  /** Lower-case, diacritic-free spelling used for look-ups. */
  key: string;
  /** Written in capitals (`US`, `CA`): short codes only count when they are. */
  upper: boolean;
}

const DOTTED_ABBREVIATION = /(?<![\p{L}\p{M}\p{N}])((?:\p{L}\.)+\p{L})\.?(?![\p{L}\p{M}\p{N}])/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ`][\p{L}\p{M}\p{N}]+)*|&/gu;
const APOSTROPHES = /['’ʼ`]/g;
const MARKS = /\p{M}/gu;

/** `U.S.A.` → `USA`, `D.C.` → `DC`; words like `St.` are left alone. */
export function closeDottedAbbreviations(text: string): string {
  return text.replace(DOTTED_ABBREVIATION, (match) => match.replaceAll('.', ''));
}

export function wordKey(raw: string): string {
  if (raw === '&') return 'and';
  const key = raw
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replaceAll('ß', 'ss');
  return key === 'st' ? 'saint' : key;
}

function isUpper(raw: string): boolean {
  return raw !== raw.toLowerCase() && raw === raw.toUpperCase();
}

/** The words of a piece of text with no separators in it. */
export function splitWords(text: string): LocationWord[] {
  const words: LocationWord[] = [];
  for (const match of closeDottedAbbreviations(text.normalize('NFC')).matchAll(WORD)) {
    const raw = match[0];
    words.push({ raw, key: wordKey(raw), upper: isUpper(raw) });
  }
  return words;
}

/** One look-up key for a whole name: its word keys joined by single spaces. */
export function phraseKey(text: string): string {
  return splitWords(text)
    .map((word) => word.key)
    .join(' ');
}
