// Parsing and normalising on a worker pool gives exactly what one thread
// gives: same entries in the same order, same messages at the same places,
// and the board-wide id check still sees every file. Also proves the workers
// load our TypeScript when the caller runs under vitest.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { loadBoard, type LoadedBoard } from '../../src/build/load-board.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { findPostingFiles } from '../../src/load/find-posting-files.ts';
import { readPostingFile } from '../../src/load/read-posting-file.ts';
import { normalisePosting } from '../../src/normalise/normalise-posting.ts';
import { hasErrors } from '../../src/diagnostics/report-finding.ts';
import { toDiagnosticRows } from '../../src/cli/format/diagnostic-rows.ts';
import { makeBoard, makeTempDir, removeDir } from './board-corpus.ts';

let dir: string;
let content: string;

const odd: Record<string, string | Uint8Array> = {
  // Same id as each other once case-folded: the duplicate check must see both across threads.
  '2026-11-01-Twin-Role.md': '---\ntitle: Twin\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/1\n---\n\nBody.\n',
  'nested/2026-11-02-twin-role.md': '---\ntitle: Twin\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/2\n---\n\nBody.\n',
  '2026-11-03-broken-yaml.md': '---\ntitle: [unclosed\n---\n\nBody.\n',
  '2026-11-04-mojibake.md': '---\ntitle: Caf\u00c3\u00a9 Engineer\ncompany: We\u201a\u00c4\u00f4re\ncountry: FR\napply_url: https://jobs.example.com/4\n---\n\nWe\u201a\u00c4\u00f4re hiring.\n',
  '2026-11-05-latin1.md': Uint8Array.from([...Buffer.from('---\ntitle: Ing'), 0xe9, ...Buffer.from('nieur\ncompany: Acme\ncountry: FR\napply_url: https://jobs.example.com/5\n---\n\nBody.\n')]),
  '2026-11-06-binary.md': Uint8Array.from([0, 1, 2, 3, 0, 0, 255, 254]),
  '2026-11-07-too-big.md': `---\ntitle: Big\n---\n${'x'.repeat(1024 * 1024 + 10)}`,
  'undated-no-git.md': '---\ntitle: Undated\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/8\n---\n\nBody.\n',
};

beforeAll(() => {
  dir = makeTempDir('jobsite-parallel-');
  content = makeBoard(dir, 40);
  for (const [name, data] of Object.entries(odd)) {
    mkdirSync(path.dirname(path.join(content, 'postings', name)), { recursive: true });
    writeFileSync(path.join(content, 'postings', name), data);
  }
});
afterAll(() => removeDir(dir));

function messagesOf(files: readonly VFile[]) {
  return files.map((file) => ({
    path: file.path,
    messages: file.messages.map(({ reason, ruleId, source, place, fatal, line, column }) => ({ reason, ruleId, source, place, fatal, line, column })),
  }));
}

function snapshot(board: LoadedBoard) {
  return { entries: board.entries, files: messagesOf(board.files) };
}

/** The pipeline as it was before the cache and the pool: read, normalise, one file at a time. */
async function referenceRows(contentDir: string) {
  const files: VFile[] = [];
  for (const relativePath of await findPostingFiles(contentDir)) {
    const file = await readPostingFile(contentDir, relativePath);
    if (!hasErrors(file)) await normalisePosting(file, { siteUrl: DEFAULT_CONFIG.siteUrl, validityDays: DEFAULT_CONFIG.validityDays });
    files.push(file);
  }
  return toDiagnosticRows(files).filter((row) => row.rule !== 'id-duplicate');
}

describe('loadBoard on a worker pool', () => {
  it('gives the same entries and messages, in the same order, as one thread', async () => {
    const single = await loadBoard(content, DEFAULT_CONFIG, { threads: 1 });
    const parallel = await loadBoard(content, DEFAULT_CONFIG, { threads: 2, parallelThreshold: 1 });
    expect(single.stats).toMatchObject({ threads: 0, processed: single.files.length - 1, fromCache: 0 });
    expect(parallel.stats.threads).toBe(2);
    expect(snapshot(parallel)).toEqual(snapshot(single));

    expect(single.files.length).toBeGreaterThanOrEqual(40);
    const rules = new Set(toDiagnosticRows(parallel.files).map((row) => row.rule));
    for (const rule of ['id-duplicate', 'yaml-syntax', 'text-mojibake-repaired', 'file-encoding-fallback', 'file-unreadable', 'date-missing']) expect(rules).toContain(rule);
    expect(parallel.entries.map((entry) => entry.posting.id)).not.toContain('twin-role');
    // …and what reading and normalising each file on its own reported before either existed.
    expect(toDiagnosticRows(parallel.files).filter((row) => row.rule !== 'id-duplicate')).toEqual(await referenceRows(content));
  }, 120_000);
});
