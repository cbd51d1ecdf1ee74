// GitHub Actions workflow commands, so that `jobsite check --format github`
// annotates the pull request's diff at the offending lines.
import type { DiagnosticRow } from './diagnostic-rows.ts';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(rows: readonly DiagnosticRow[], prefix = ''): string {
  return rows
    .map((row) => `::${COMMAND[row.severity]} file=${escapeProperty(prefix + row.file)},line=${row.line},col=${row.column},title=${escapeProperty(row.rule)}::${escapeData(row.message)}`)
    .join('\n');
}

// The escapes GitHub's runner decodes (actions/toolkit `command.ts`).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
