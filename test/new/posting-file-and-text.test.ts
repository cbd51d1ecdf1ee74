// The file `jobsite new` writes: its name (whose id `check` reads back), its
// front-matter (which any YAML reader must read as the same text), and a body
// that is never empty.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import matter from 'gray-matter';
import { postingFileName } from '../../src/new/posting-file-name.ts';
import { composePostingText, frontMatterText, BODY_SKELETON } from '../../src/new/compose-posting-text.ts';
import { idFromFileName } from '../../src/normalise/fields/slugify-id.ts';
import { CANONICAL_KEYS } from '../../src/normalise/front-matter/canonicalise-keys.ts';

describe('postingFileName', () => {
  it.each([
    ['Monzo', 'Senior Backend Engineer', undefined, '2026-11-27-monzo-senior-backend-engineer.md'],
    ['Müller & Söhne GmbH', 'Lead (m/w/d)', undefined, '2026-11-27-mueller-and-soehne-gmbh-lead-m-w-d.md'],
    ['株式会社', 'Go Engineer', undefined, '2026-11-27-go-engineer.md'],
    ['2024 Labs', '2025-01-01 Intern', undefined, '2026-11-27-2024-labs-2025-01-01-intern.md'],
    ['Acme', 'Engineer', 'Berlin Office!', '2026-11-27-berlin-office.md'],
  ])('%s / %s (id %s) → %s', (company, title, id, expected) => {
    expect(postingFileName('2026-11-27', company, title, id)).toEqual({ ok: true, id: expected.slice(11, -3), fileName: expected });
  });

  it.each([
    ['株式会社', 'エンジニア', undefined],
    ['Acme', 'Engineer', '🚀'],
  ])('refuses %s / %s (id %s): nothing to name the file by', (company, title, id) => {
    expect(postingFileName('2026-11-27', company, title, id)).toMatchObject({ ok: false, reason: expect.stringContaining('a-z or 0-9') });
  });

  it('makes an id that check reads back from the file name, at most 100 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.option(fc.string(), { nil: undefined }), (company, title, id) => {
        const name = postingFileName('2026-11-27', company, title, id);
        if (!name.ok) return;
        expect(idFromFileName(name.fileName)).toBe(name.id);
        expect(name.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(name.id.length).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('composePostingText', () => {
  it('writes canonical keys in canonical order, then the body skeleton', () => {
    const text = composePostingText({ tags: ['go'], title: 'Engineer', apply_url: 'https://acme.example/1', company: 'Acme', draft: true, date: '2026-11-27' });
    expect(text).toBe(`---\ntitle: Engineer\ncompany: Acme\napply_url: https://acme.example/1\ndate: 2026-11-27\ntags: [go]\ndraft: true\n---\n\n${BODY_SKELETON}`);
  });

  it('has a body with every section and a sentence under each', () => {
    const sections = BODY_SKELETON.split(/^## /m).slice(1);
    expect(sections.map((section) => section.split('\n')[0])).toEqual(['About us', 'The role', "What you'll do", "What we're looking for", 'How to apply']);
    for (const section of sections) expect(section.split('\n').slice(1).join('').trim()).toMatch(/\w+ \w+/);
  });

  it.each(['yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'null', '~', '123', '1e3', '0x1F', '2026-11-27', '- dash', '#hash', 'a: b', '"quoted"', "'single'", '*star', '&amp', '!bang', '%pct', '@at', '`tick`', '[x]', '{x}', '>x', '|x', '? q', '---', '...'])(
    'writes %j so that YAML 1.2 and 1.1 readers both read the same text',
    (value) => {
      const yaml = frontMatterText({ title: value, tags: [value] }).slice(4, -4);
      expect(parse(yaml)).toEqual({ title: value, tags: [value] });
      expect(parse(yaml, { version: '1.1' })).toMatchObject(value === '2026-11-27' ? {} : { title: value, tags: [value] });
    },
  );

  it('reads back through gray-matter as written, for any text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...CANONICAL_KEYS), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.boolean())), (values) => {
        const text = composePostingText(values);
        const read = matter(text, { engines: { yaml: (source: string) => parse(source) as object } });
        expect(read.data).toEqual(values);
        expect(read.content.trim()).toBe(BODY_SKELETON.trim());
      }),
    );
  });
});
