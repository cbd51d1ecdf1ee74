// Runs one pipeline fixture folder (a single posting file) through read →
// normalise, returning what the expected.json beside it describes.
import { readdirSync } from 'node:fs';
import { readPostingFile } from '../../src/load/read-posting-file.ts';
import { normalisePosting } from '../../src/normalise/normalise-posting.ts';
import { hasErrors } from '../../src/diagnostics/report-finding.ts';
import { toDiagnosticRows } from '../../src/cli/format/diagnostic-rows.ts';
import type { Posting } from '../../src/posting.ts';

export const FIXTURE_SITE_URL = 'https://jobs.example.org/';

export interface FixtureResult {
  posting: Posting | null;
  messages: { line: number; column: number; severity: string; rule: string }[];
}

export async function runFixture(dir: string): Promise<FixtureResult & { reasons: string[] }> {
  const inputs = readdirSync(dir).filter((name) => /\.(md|markdown)$/.test(name));
  if (inputs.length !== 1) throw new Error(`${dir} must hold exactly one posting file, found ${inputs.length}`);
  const file = await readPostingFile(dir, inputs[0]!);
  const entry = hasErrors(file) ? null : await normalisePosting(file, { siteUrl: FIXTURE_SITE_URL, validityDays: 60, gitDate: () => null });
  const rows = toDiagnosticRows([file]);
  return {
    posting: entry?.posting ?? null,
    messages: rows.map(({ line, column, severity, rule }) => ({ line, column, severity, rule })),
    reasons: rows.map((row) => row.message),
  };
}
