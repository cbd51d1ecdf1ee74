// Prompt answers are judged exactly as the same value given as a flag.
import { describe, it, expect } from 'vitest';
import { checkAnswer } from '../../src/new/check-answer.ts';
import type { AskableKey } from '../../src/new/new-posting-input.ts';

const TODAY = '2026-11-27';

describe('checkAnswer', () => {
  it.each<[AskableKey, string]>([
    ['title', 'Platform Engineer'],
    ['company', 'Acme'],
    ['country', 'Deutschland'],
    ['country', 'US, Canada'],
    ['country', 'Worldwide'],
    ['apply_url', 'https://acme.example/jobs/1'],
    ['apply_url', 'mailto:jobs@acme.example'],
    ['apply_url', 'http://acme.example/jobs/1'],
  ])('accepts %s %j', (key, answer) => {
    expect(checkAnswer({}, key, answer, TODAY)).toBe(true);
  });

  it.each<[AskableKey, string, RegExp]>([
    ['title', '  ', /needs a title/],
    ['company', '\u200b', /needs the name of the company/],
    ['country', '', /Worldwide/],
    ['country', 'Germnay', /did you mean `Germany`\?/],
    ['country', 'EMEA', /is a region, not a country/],
    ['apply_url', 'javascript:alert(1)', /`javascript:` protocol/],
    ['apply_url', 'acme.example/jobs', /not an absolute URL/],
    ['apply_url', 'mailto:nobody', /without a valid e-mail address/],
  ])('refuses %s %j', (key, answer, message) => {
    expect(checkAnswer({}, key, answer, TODAY)).toMatch(message);
  });

  it('refuses an answer that makes another value wrong, naming that flag', () => {
    // `$` is US dollars with no country and Canadian with Canada, but no one currency for Canada and Australia.
    expect(checkAnswer({ salary: '$90,000' }, 'country', 'Canada', TODAY)).toBe(true);
    expect(checkAnswer({ salary: '$90,000' }, 'country', 'Canada, Australia', TODAY)).toMatch(/^--salary: .*could be/);
    // `kr` cannot be placed without a country; answering Sweden places it.
    expect(checkAnswer({ salary: 'kr 45,000 a month' }, 'country', 'Sweden', TODAY)).toBe(true);
  });

  it('ignores problems the other values already had', () => {
    expect(checkAnswer({ remote: 'sometimes' }, 'title', 'Engineer', TODAY)).toBe(true);
  });
});
