// Every folder under test/fixtures/pipeline is a case: one posting file beside
// `expected.json` ({posting, messages}). `posting` may be partial (it is
// matched, not compared whole); `messages` is the full list, in order.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { runFixture } from './run-fixture.ts';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'pipeline');
const cases = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'expected.json')));

describe('pipeline fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(root, name, 'expected.json'), 'utf8'));
    const actual = await runFixture(path.join(root, name));
    expect(actual.messages).toEqual(expected.messages);
    if (expected.posting === null) expect(actual.posting).toBeNull();
    else expect(actual.posting).toMatchObject(expected.posting);
    // Every message says what to do, in a sentence.
    for (const reason of actual.reasons) expect(reason).toMatch(/^[`A-Z0-9].*[.)?]$/s);
  });
});
