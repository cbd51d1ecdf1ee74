import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repairMojibake } from '../../src/normalise/text/repair-mojibake.ts';
import { MAC_ROMAN, WINDOWS_1252, decodeWithTable } from '../../src/normalise/text/code-pages.ts';

const utf8 = new TextEncoder();
/** What a program that read UTF-8 as Windows-1252 (or Mac Roman) would have shown. */
const asWindows1252 = (text: string): string => decodeWithTable(utf8.encode(text), WINDOWS_1252);
const asMacRoman = (text: string): string => decodeWithTable(utf8.encode(text), MAC_ROMAN);
/** What a Latin-1 decoder shows: C1 controls where Windows-1252 has `€ ’ –`. */
const asLatin1 = (text: string): string => String.fromCharCode(...utf8.encode(text));

describe('repairMojibake: known mojibake', () => {
  it.each([
    // Windows-1252
    ['â€™', '’'],
    ['Ã©', 'é'],
    ['â‚¬', '€'],
    ['Ã¼', 'ü'],
    ['â€“', '–'],
    ['â€”', '—'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['â€¦', '…'],
    ['â€¢ bullet', '• bullet'],
    ['ðŸ’°', '💰'],
    ['ðŸš€ Launch', '🚀 Launch'],
    ['CafÃ© naÃ¯ve ZÃ¼rich', 'Café naïve Zürich'],
    ['SÃ£o Paulo', 'São Paulo'],
    ['StraÃŸe', 'Straße'],
    ['Ã–sterreich', 'Österreich'],
    ['Ã…rhus', 'Århus'],
    ['Â£95,000', '£95,000'],
    ['100Â\u00a0Â°C', '100\u00a0°C'],
    ['Â©Â\u00a02024', '©\u00a02024'],
    ['Å\u0081Ã³dÅº', 'Łódź'],
    ['Å»Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„', 'Żółć gęślą jaźń'],
    ['PÅ™Ã­liÅ¡ Å¾luÅ¥ouÄ\u008dkÃ½', 'Příliš žluťoučký'],
    ['Ä°stanbul, ÅžiÅŸli', 'İstanbul, Şişli'],
    ['Tiáº¿ng Viá»‡t', 'Tiếng Việt'],
    ['ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€', 'Привет, мир'],
    ['Î•Î»Î»Î·Î½Î¹ÎºÎ¬', 'Ελληνικά'],
    ['×©×œ×•×\u009d', 'שלום'],
    ['Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©', 'العربية'],
    ['æ—¥æœ¬èªž', '日本語'],
    ['í•œêµ\u00adì–´', '한국어'],
    ['ï»¿Title', '\uFEFFTitle'],
    // the undefined bytes 0x81 0x8D 0x8F 0x90 0x9D kept as C1 controls
    ['Ã\u0081frica', 'África'],
    ['ðŸ˜\u009d', '😝'],
    // Latin-1 (C1 controls where Windows-1252 has punctuation)
    ['â\u0080\u0099', '’'],
    ['Weâ\u0080\u0099re', 'We’re'],
    ['â\u0082¬', '€'],
    ['Ã\u0089tÃ©', 'Été'],
    // Mac Roman
    // (Mac Roman byte 0xF0, the lead byte of every emoji, is the Apple logo U+F8FF.)
    ['We‚Äôre', 'We’re'],
    ['¬£95,000', '£95,000'],
    ['\uF8FFüí∞', '💰'],
    ['\uF8FFüåé', '🌎'],
    ['\uF8FFüìç', '📍'],
    ['‚ú®', '✨'],
    ['‚ûï', '➕'],
    ['‚úàÔ∏è', '✈️'],
    ['‚úÖ', '✅'],
    ['‚è∞', '⏰'],
    ['\uF8FFüìö', '📚'],
    ['caf√©', 'café'],
    ['‚Äúquoted‚Äù ‚Äì fine', '“quoted” – fine'],
    ['‚Ç¨100', '€100'],
    ['–ü—Ä–∏–≤–µ—Ç', 'Привет'],
    ['Rom√¢nia, Bucure»ôti', 'România, București'],
    // NFD text from a Mac, read as Windows-1252
    ['cafe\u0301'.normalize('NFD').replace('\u0301', 'Ì\u0081'), 'cafe\u0301'],
    // twice
    ['Ã¢â‚¬â„¢', '’'],
    ['ÃƒÂ©tÃƒÂ©', 'été'],
    ['Ãƒâ€šÃ‚Â£5', '£5'],
    ['CafÃƒÂ© and Zâ€™s', 'Café and Z’s'],
  ])('%j → %j', (input, expected) => {
    expect(repairMojibake(input).text).toBe(expected);
  });

  it('repairs mojibake next to clean accents on the same line, each on its own', () => {
    expect(repairMojibake('Café, naïve — Weâ€™re in ZÃ¼rich, São Paulo and ‚Äúhere‚Äù').text).toBe(
      'Café, naïve — We’re in Zürich, São Paulo and “here”',
    );
  });

  it('reports one repair per distinct from → to pair, with the first input offset and a count', () => {
    const input = 'Weâ€™re here. Theyâ€™re there. CafÃ©! ‚Äúquote‚Äù and â\u0080\u0099';
    const { repairs } = repairMojibake(input);
    expect(repairs).toEqual([
      { from: 'â€™', to: '’', encoding: 'windows-1252', index: input.indexOf('â€™'), count: 2 },
      { from: 'Ã©', to: 'é', encoding: 'windows-1252', index: input.indexOf('Ã©'), count: 1 },
      { from: '‚Äú', to: '“', encoding: 'macintosh', index: input.indexOf('‚Äú'), count: 1 },
      { from: '‚Äù', to: '”', encoding: 'macintosh', index: input.indexOf('‚Äù'), count: 1 },
      { from: 'â\u0080\u0099', to: '’', encoding: 'latin-1', index: input.indexOf('â\u0080\u0099'), count: 1 },
    ]);
  });

  it('reports a twice-mangled stretch once, from the input text to the final repair', () => {
    const input = 'xÃ¢â‚¬â„¢x';
    expect(repairMojibake(input).repairs).toEqual([{ from: 'Ã¢â‚¬â„¢', to: '’', encoding: 'windows-1252', index: 1, count: 1 }]);
  });

  it('gives UTF-16 offsets that count astral characters as two units', () => {
    const input = '💰 CafÃ©';
    const [repair] = repairMojibake(input).repairs;
    expect(repair?.index).toBe(input.indexOf('Ã©'));
    expect(input.slice(repair?.index, (repair?.index ?? 0) + (repair?.from.length ?? 0))).toBe('Ã©');
  });
});

describe('repairMojibake: clean text is never changed', () => {
  it.each([
    'café',
    'naïve',
    'Zürich',
    'São Paulo',
    'SÃO PAULO',
    'INFORMAÇÃO, CONDIÇÕES, AÇÕES, NÃO, MÃE, ÃO',
    'Ã followed by a space',
    'Â',
    '日本語',
    'Ελληνικά',
    'Привет, мир! В Москве',
    'Київ, Україна',
    'שלום עולם',
    'مرحبا بالعالم',
    'हिन्दी',
    'ไทย',
    'ქართული',
    'Հայաստան',
    '한국어',
    'Python開発者, AWS経験3年以上',
    '💰 🌎 📍 ✨ ✈️ 👨‍💻 🇬🇧 👍🏽',
    '£95,000 – £150,000',
    '€100 or 100 €, ¥5000, 5 ¢',
    '“quoted” ‘single’ «guillemets» „German“ »Zitat«',
    '–',
    '—',
    '5 °C, ½ day, ±5%, 2×3, 6÷2, Nº 5, 1ª, 2º, 10 µm',
    '© 2024 Company™ and Brand®',
    'CAFÉ™ NESTLÉ®',
    'L’ÉTÉ» «ÉTÉ» JOSÉ’S CAFÉ” KÖ…',
    '« Ça va ? » l’été, d’énergie, l’équipe, qu’à',
    'Paris–Évry, »Éric«, “Élan”, ‘Öl’',
    '„Ääremaa“ Äänekoski Íñigo Þórður',
    'ÆØÅ æøå Øresund Ærø',
    'ÖSTERREICH, ÅLAND',
    'Żółć gęślą jaźń',
    'Příliš žluťoučký kůň úpěl ďábelské ódy',
    'Árvíztűrő tükörfúrógép',
    'İstanbul, Şişli, ığdır',
    'ȘTIINȚĂ, România, București',
    'Tiếng Việt, Đà Nẵng',
    'Azərbaycan, Hawaiʻi',
    'Straße, Größe, Fußgänger „Fuß“',
    '¿Qué? ¡Hola! Ñandú',
    'AMANHÃ… «MAÇÃ»',
    '→ ← • ★ ☆ ♥',
    'pâté, crème brûlée, façade, déjà vu, señor, niño, coração',
    '≈5°C, √2, ∞, π, Ω',
    'Emoji + accents: café ☕ naïve 🎉',
  ])('%j', (text) => {
    const result = repairMojibake(text);
    expect(result.text).toBe(text);
    expect(result.repairs).toEqual([]);
  });

  it('leaves ASCII and the empty string alone', () => {
    expect(repairMojibake('')).toEqual({ text: '', repairs: [] });
    expect(repairMojibake('Plain ASCII, nothing to see.')).toEqual({ text: 'Plain ASCII, nothing to see.', repairs: [] });
  });

  it('does not repair into C1 controls, U+FFFD or private-use characters', () => {
    // Each is exact UTF-8 once re-encoded, but decodes to something no text should hold.
    for (const text of ['Â\u0085', 'Â\u0092', 'ï¿½', 'î€€', 'ó°€€']) expect(repairMojibake(text).text).toBe(text);
  });

  it('never throws on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['Ã©']]) {
      expect(repairMojibake(value as unknown as string)).toEqual({ text: '', repairs: [] });
    }
  });
});

describe('repairMojibake: the seed posting (UTF-8 read as Mac Roman)', () => {
  const seed = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'seed', '000_1012f5d2726aa665.txt'), 'utf8');

  it('comes back as the text it was', () => {
    const { text } = repairMojibake(seed);
    expect(text).toContain('We’re here to make money work for everyone');
    expect(text).toContain('💰 £95,000 - £150,000 + Benefits');
    expect(text).toContain('#### `💰 245000.0` `🌎 United Kingdom`');
    expect(text).toContain('📍London / UK Remote');
    expect(text).toContain('Hear from the team ✨');
    expect(text).toContain('base salary➕ plus stock options');
    expect(text).toContain('### ✈️We can help you relocate to the UK');
    expect(text).toContain('### ✅We can sponsor visas.');
    expect(text).toContain('⏰We offer flexible working hours');
    expect(text).toContain('📚Learning budget of £1,000 a year');
    for (const broken of ['‚Ä', '¬£', 'üí', 'Ô∏', '\uF8FF']) expect(text).not.toContain(broken);
    // Only the mojibake changed: ASCII is untouched.
    expect(text.replace(/[^\x00-\x7f]/g, '')).toBe(seed.replace(/[^\x00-\x7f]/g, ''));
  });

  it('reports each distinct repair once, as Mac Roman, at its first offset', () => {
    const { repairs } = repairMojibake(seed);
    const apostrophe = repairs.find((r) => r.from === '‚Äô');
    expect(apostrophe).toEqual({ from: '‚Äô', to: '’', encoding: 'macintosh', index: seed.indexOf('‚Äô'), count: seed.split('‚Äô').length - 1 });
    expect(repairs.map((r) => r.to).sort()).toEqual(['£', '’', '✅', '✈️', '✨', '➕', '⏰', '🌎', '💰', '📍', '📚'].sort());
    for (const repair of repairs) {
      expect(repair.encoding).toBe('macintosh');
      expect(seed.slice(repair.index, repair.index + repair.from.length)).toBe(repair.from);
    }
  });

  it('is already clean once repaired', () => {
    const once = repairMojibake(seed).text;
    expect(repairMojibake(once)).toEqual({ text: once, repairs: [] });
  });
});

// Realistic clean text: real words from many scripts, in the punctuation and
// casing real postings use. Left out, on purpose, are the few words whose
// mojibake is exactly as plausible as clean text and so cannot be told apart
// either way: a capital letter at the end of a word directly before `…`, `”`,
// `»`, `–` (e.g. Portuguese `AMANHÃ…` vs `Å`), and the Lithuanian `Ė` / Kurdish
// `û` standing alone. Everything else must survive both directions exactly.
const WORDS = [
  // Latin with diacritics
  'café', 'naïve', 'Zürich', 'São', 'Paulo', 'Straße', 'Größe', 'Fußgänger', 'Österreich', 'Ärger', 'Übung',
  'crème', 'brûlée', 'façade', 'déjà', 'señor', 'niño', 'mañana', 'información', 'ação', 'coração', 'não', 'irmã',
  'Łódź', 'żółć', 'gęślą', 'jaźń', 'Kraków', 'Příliš', 'žluťoučký', 'kůň', 'ďábelské', 'Árvíztűrő', 'tükörfúrógép',
  'İstanbul', 'Şişli', 'ığdır', 'București', 'Ștefan', 'țară', 'Tiếng', 'Việt', 'Đà', 'Nẵng', 'Þórður', 'Reykjavík',
  'Ísland', 'Ñandú', 'Åland', 'Århus', 'Øresund', 'Ærø', 'Jõgeva', 'Rīga', 'Šiauliai', 'Dvořák', 'Azərbaycan',
  'SÃO', 'PAULO', 'INFORMAÇÃO', 'CONDIÇÕES', 'AÇÕES', 'ZÜRICH', 'ÉTÉ', 'CAFÉ', 'ÖSTERREICH', 'ÅLAND', 'FRANÇAIS', 'ESPAÑA',
  // other scripts
  'Ελληνικά', 'Αθήνα', 'καλημέρα', 'ΕΛΛΑΔΑ', 'Привет', 'мир', 'Москва', 'Київ', 'Україна', 'Србија', 'ЖЕНЯ',
  'עברית', 'שלום', 'العربية', 'مرحبا', '日本語', '東京', '中文', '北京', '한국어', '서울', 'ひらがな', 'カタカナ',
  'हिन्दी', 'ไทย', 'ქართული', 'Հայաստան',
  // ASCII
  'Senior', 'Backend', 'Engineer', 'London', 'remote', 'salary', 'team', 'we', 'and', 'the', 'Go', 'AWS',
];
const SYMBOLS = ['💰', '🌎', '📍', '✨', '✅', '⏰', '📚', '✈️', '➕', '🚀', '👨‍💻', '🇬🇧', '👍🏽', '★', '→', '•', '…', '–', '—'];

const word = fc.constantFrom(...WORDS);
const amount = fc.integer({ min: 1, max: 250_000 }).map(String);
const token = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom(...SYMBOLS) },
  { weight: 1, arbitrary: word.map((w) => `“${w}”`) },
  { weight: 1, arbitrary: word.map((w) => `‘${w}’`) },
  { weight: 1, arbitrary: word.map((w) => `«${w}»`) },
  { weight: 1, arbitrary: word.map((w) => `„${w}“`) },
  { weight: 1, arbitrary: word.map((w) => `${w}’s`) },
  { weight: 1, arbitrary: word.map((w) => `(${w})`) },
  { weight: 1, arbitrary: word.map((w) => `¿${w}?`) },
  { weight: 1, arbitrary: word.map((w) => `¡${w}!`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a} – ${b}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('€', '£', '¥', '$'), amount).map(([c, n]) => `${c}${n}`) },
  { weight: 1, arbitrary: amount.map((n) => `${n} €`) },
  { weight: 1, arbitrary: amount.map((n) => `${n} °C`) },
  { weight: 1, arbitrary: fc.constantFrom('½', '±5%', '2×3', '© 2024', 'Brand™', 'Name®', 'Nº 5', '1ª', '10 µm') },
);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', ': ', ' / ', '\n\n', '\u00a0');
const cleanText = fc
  .array(fc.tuple(token, separator), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.map(([t, s]) => t + s).join('').trim());

describe('repairMojibake: properties', () => {
  it('leaves realistic clean text in any script unchanged', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(repairMojibake(text)).toEqual({ text, repairs: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves arbitrary printable text unchanged unless two code-page characters touch', () => {
    // Mojibake is made of the ~250 characters of the upper halves of
    // Windows-1252 and Mac Roman, at least two in a row. Arbitrary strings in
    // which two of them touch may really be mojibake (`Ã©` is a fine pair of
    // graphemes) or junk that looks more like mojibake than like any text
    // (`ホÇ”ự`, `ʴÕû`), which the repairer may rightly rewrite; those are left
    // out here (realistic text is covered above). Everything else must come
    // through untouched: astral characters, marks, lone code-page characters.
    const codePage = new Set([...WINDOWS_1252.decode.slice(0x80), ...MAC_ROMAN.decode.slice(0x80)]);
    const touching = (text: string): boolean => {
      const chars = [...text];
      return chars.some((c, i) => i > 0 && codePage.has(c) && codePage.has(chars[i - 1] ?? ''));
    };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        fc.pre(!touching(text));
        expect(repairMojibake(text)).toEqual({ text, repairs: [] });
      }),
      { numRuns: 3000 },
    );
  });

  it('undoes UTF-8 read as Windows-1252 exactly', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(repairMojibake(asWindows1252(text)).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('undoes UTF-8 read as Mac Roman exactly', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(repairMojibake(asMacRoman(text)).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('undoes UTF-8 read as Latin-1 exactly', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(repairMojibake(asLatin1(text)).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('reports repairs that point at their text in the input', () => {
    fc.assert(
      fc.property(cleanText, fc.constantFrom(asWindows1252, asMacRoman), (text, mangle) => {
        const input = mangle(text);
        for (const repair of repairMojibake(input).repairs) {
          expect(input.slice(repair.index, repair.index + repair.from.length)).toBe(repair.from);
          expect(repair.count).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(typeof repairMojibake(text).text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

});
