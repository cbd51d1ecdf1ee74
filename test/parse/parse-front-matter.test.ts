import { describe, it, expect } from 'vitest';
import { parseFrontMatter } from '../../src/parse/parse-front-matter.ts';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';

describe('parseFrontMatter', () => {
  it('keeps YAML 1.2 values as written: dates and yes/no stay text', () => {
    const result = parseFrontMatter('---\ndate: 2026-02-30\nremote: yes\nsalary: 95000\n---\nBody\n');
    expect(result.data).toEqual({ date: '2026-02-30', remote: 'yes', salary: 95000 });
    expect(result.findings).toEqual([]);
  });

  it('places values at their file line and column, nested ones too', () => {
    const text = '---\ntitle: A\nsalary:\n  min: 5\n  max:   3\ndate: 2026-11-27\n---\n\nBody\n';
    const result = parseFrontMatter(text);
    expect(result.placeOf(['title'])).toMatchObject({ line: 2, column: 8 });
    expect(result.placeOf(['salary', 'max'])).toMatchObject({ line: 5, column: 10 });
    expect(result.placeOf(['date'])).toMatchObject({ line: 6, column: 7 });
    // A key whose value is missing points at the key.
    expect(parseFrontMatter('---\na: 1\nempty:\n---\n').placeOf(['empty'])).toMatchObject({ line: 3 });
  });

  it('pads the body so Markdown positions are file lines', () => {
    const text = '---\ntitle: A\n---\n\n## Heading\n';
    const result = parseFrontMatter(text);
    const tree = parseMarkdown(result.body);
    expect(tree.children[0]?.position?.start).toMatchObject({ line: 5, column: 1 });
  });

  it.each([
    ['---\ntitle: A\n\tcompany: B\n---\n', 'yaml-syntax', 3],
    ['---\ntitle: "unterminated\ncompany: B\n---\n', 'yaml-syntax', 2],
    ['---\ntitle: A\ntitle: B\n---\n', 'yaml-syntax', 3],
    ['---\ntitle: [a, b\n---\n', 'yaml-syntax', 2],
    ['---\n- a\n- b\n---\n', 'yaml-not-mapping', 2],
    ['---\njust text\n---\n', 'yaml-not-mapping', 2],
  ])('reports broken YAML at its line: %j', (text, rule, line) => {
    const result = parseFrontMatter(text);
    expect(result.present).toBe(true);
    expect(result.data).toEqual({});
    expect(result.findings.map(({ finding }) => finding.rule)).toContain(rule);
    expect(result.findings[0]?.place.line).toBe(line);
  });

  it('refuses alias bombs quickly', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let index = 1; index < 12; index++) {
      const previous = String.fromCharCode(96 + index);
      const name = String.fromCharCode(97 + index);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const started = Date.now();
    const result = parseFrontMatter(`---\n${lines.join('\n')}\n---\n`);
    expect(result.findings.map(({ finding }) => finding.rule)).toEqual(['yaml-too-complex']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('treats a file without a leading --- as having no front-matter', () => {
    const result = parseFrontMatter('# Title\n\n---\nnot: front-matter\n---\n');
    expect(result.present).toBe(false);
    expect(result.body).toBe('# Title\n\n---\nnot: front-matter\n---\n');
  });

  it('does not cache between calls', () => {
    const text = '---\ntitle: A\n---\n';
    const first = parseFrontMatter(text);
    (first.data as Record<string, unknown>).title = 'changed';
    expect(parseFrontMatter(text).data).toEqual({ title: 'A' });
  });
});
