// Reads the `remote` front-matter key: booleans, the three modes and the
// ways people spell them (`on-site`, `office`, `yes`, `WFH`).
import type { Normalised } from '../../diagnostics/finding.ts';
import type { RemoteMode } from '../../posting.ts';
import { REMOTE_PHRASES, WORLDWIDE_PHRASES } from './location-vocabulary.ts';
import { phraseKey } from './location-words.ts';
import { describeValue } from './quote-value.ts';
import { scanLocationText } from './read-location-text.ts';

// Longer values are prose, not a `remote` setting.
const MAX_READABLE_LENGTH = 120;

let vocabulary: Map<string, RemoteMode> | undefined;

function remoteVocabulary(): Map<string, RemoteMode> {
  if (vocabulary) return vocabulary;
  vocabulary = new Map<string, RemoteMode>();
  for (const [mode, phrases] of Object.entries(REMOTE_PHRASES) as Array<[RemoteMode, readonly string[]]>) {
    for (const phrase of phrases) vocabulary.set(phraseKey(phrase), mode);
  }
  for (const phrase of WORLDWIDE_PHRASES) vocabulary.set(phraseKey(phrase), 'remote');
  for (const yes of ['yes', 'y', 'true', 'remote yes', '100 remote', '100 percent remote']) vocabulary.set(yes, 'remote');
  for (const no of ['no', 'n', 'false', 'none', 'remote no', 'not remote']) vocabulary.set(no, 'onsite');
  return vocabulary;
}

function invalid(value: unknown): Normalised<RemoteMode | null> {
  return {
    value: null,
    findings: [
      {
        rule: 'remote-invalid',
        reason: `\`remote\` must be true, false, \`remote\`, \`hybrid\` or \`onsite\`, not ${describeValue(value)}.`,
      },
    ],
  };
}

export function parseRemote(value: unknown): Normalised<RemoteMode | null> {
  if (value === undefined || value === null) return { value: null, findings: [] };
  if (value === true) return { value: 'remote', findings: [] };
  if (value === false) return { value: 'onsite', findings: [] };
  if (typeof value !== 'string') return invalid(value);
  if (value.trim() === '') return { value: null, findings: [] };
  if (value.length > MAX_READABLE_LENGTH) return invalid(value);
  const exact = remoteVocabulary().get(phraseKey(value));
  if (exact) return { value: exact, findings: [] };
  // `Remote (EU only)`, `hybrid, 2 days in office`: read it as location text would.
  const read = scanLocationText(value).remote;
  return read ? { value: read, findings: [] } : invalid(value);
}
