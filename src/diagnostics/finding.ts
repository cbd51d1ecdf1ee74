// What a pure normaliser says about its input. Normalisers know nothing of
// files or positions: the caller places each finding at the YAML value or
// Markdown node it came from and turns it into a vfile message.
import type { RuleId, Severity } from './rules.ts';

export interface Finding {
  rule: RuleId;
  /** One sentence saying what is wrong and what to do about it. */
  reason: string;
  /** Overrides the catalogue's severity for this rule, when it varies by case. */
  severity?: Severity;
}

/** A normaliser's answer: the value (or null when there is none) and what it noticed. */
export interface Normalised<T> {
  value: T;
  findings: Finding[];
}
