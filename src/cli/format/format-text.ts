// The human format: one line per message starting with `file:line:col`, which
// terminals and editors turn into a link to the spot, then a summary line.
import pc from 'picocolors';
import type { DiagnosticRow } from './diagnostic-rows.ts';

export interface TextOptions {
  color: boolean;
  /** Show info messages too (repairs, inferences); they are always counted. */
  verbose: boolean;
}

export function formatText(rows: readonly DiagnosticRow[], options: TextOptions): string {
  const colors = pc.createColors(options.color);
  const paint = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const shown = rows.filter((row) => options.verbose || row.severity !== 'info');
  const lines = shown.map((row) =>
    `${colors.bold(`${row.file}:${row.line}:${row.column}`)}  ${paint[row.severity](row.severity.padEnd(7))}  ${row.message}  ${colors.dim(row.rule)}`,
  );
  return lines.join('\n');
}

export function countBySeverity(rows: readonly DiagnosticRow[]): Record<DiagnosticRow['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const row of rows) counts[row.severity]++;
  return counts;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}
