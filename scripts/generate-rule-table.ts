// Rewrites the rule table in README.md from the rule catalogue: npm run docs:rules
import { readFileSync, writeFileSync } from 'node:fs';
import { withRuleTable } from '../src/diagnostics/rule-table.ts';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withRuleTable(readFileSync(path, 'utf8')));
