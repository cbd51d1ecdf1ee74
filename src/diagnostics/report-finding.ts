// Turns a normaliser's finding into a vfile message placed in the file: the
// one way every diagnostic reaches a VFile, so that severity always comes
// from the rule catalogue and every message carries its rule id and source.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';
import type { Finding } from './finding.ts';
import { rules, type Severity } from './rules.ts';

export const SOURCE = 'jobsite';

export function reportFinding(file: VFile, finding: Finding, place?: Point | Position): VFileMessage {
  const message = file.message(finding.reason, { place, ruleId: finding.rule, source: SOURCE });
  setSeverity(message, finding.severity ?? rules[finding.rule].severity);
  return message;
}

// vfile-message encodes severity in `fatal`: true error, false warning, undefined info.
function setSeverity(message: VFileMessage, severity: Severity): void {
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}
