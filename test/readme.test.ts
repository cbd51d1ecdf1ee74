import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderRuleTable } from '../src/diagnostics/rule-table.ts';
import { rules } from '../src/diagnostics/rules.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('holds the rule table as generated from the catalogue (run `npm run docs:rules` after changing rules)', () => {
    expect(readme).toContain(renderRuleTable());
    for (const id of Object.keys(rules)) expect(readme).toContain(`| \`${id}\` |`);
  });

  it('gives the two commands a newcomer needs', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
  });
});
