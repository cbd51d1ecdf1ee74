// Flattens the messages of many files into plain rows, sorted by file, line
// and column: the one shape every output format (text, json, github) prints.
import type { VFile } from 'vfile';
import { compareMessage } from 'vfile-sort';
import { severityOf } from '../../diagnostics/report-finding.ts';
import type { Severity } from '../../diagnostics/rules.ts';

export interface DiagnosticRow {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function toDiagnosticRows(files: readonly VFile[]): DiagnosticRow[] {
  return files.flatMap((file) =>
    [...file.messages].sort(compareMessage).map((message) => ({
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: severityOf(message),
      rule: message.ruleId ?? 'unknown',
      message: message.reason,
    })),
  );
}
