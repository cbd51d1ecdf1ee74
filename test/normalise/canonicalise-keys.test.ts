import { describe, it, expect } from 'vitest';
import { canonicaliseKeys, foldKey } from '../../src/normalise/front-matter/canonicalise-keys.ts';

describe('canonicaliseKeys', () => {
  it('maps old spellings to canonical keys with a warning naming the key', () => {
    const result = canonicaliseKeys({ applyUrl: 'https://x.example/', apply: 'https://y.example/', datePosted: '2026-11-27', title: 'T' });
    expect(result.fields.apply_url).toEqual({ value: 'https://x.example/', path: ['applyUrl'] });
    expect(result.fields.date).toEqual({ value: '2026-11-27', path: ['datePosted'] });
    const reasons = result.findings.map(({ finding }) => `${finding.rule}: ${finding.reason}`);
    expect(reasons).toContain('key-deprecated: `applyUrl` is an old spelling; rename it to `apply_url`.');
    expect(reasons.some((reason) => reason.startsWith('key-duplicate'))).toBe(true);
  });

  it('folds salary_min/salary_max into a salary map', () => {
    const result = canonicaliseKeys({ salary_min: 50000, salary_max: 70000, salary_currency: 'EUR' });
    expect(result.fields.salary).toEqual({ value: { min: 50000, max: 70000, currency: 'EUR' }, path: ['salary_min'] });
    expect(result.findings.every(({ finding }) => finding.rule === 'key-deprecated')).toBe(true);
  });

  it('warns about unknown keys and leaves canonical keys alone', () => {
    const result = canonicaliseKeys({ title: 'T', colour: 'blue' });
    expect(result.findings).toEqual([{ path: ['colour'], finding: { rule: 'key-unknown', reason: expect.stringContaining('`colour`') } }]);
    expect(result.fields.title).toEqual({ value: 'T', path: ['title'] });
  });

  it.each([['applyUrl', 'apply_url'], ['Apply-URL', 'apply_url'], ['employment type', 'employment_type'], ['salaryMin', 'salary_min']])('foldKey(%j) = %j', (key, folded) => {
    expect(foldKey(key)).toBe(folded);
  });
});
