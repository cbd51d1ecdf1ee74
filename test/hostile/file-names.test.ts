// File names and links an editor (or an attacker with commit access) could
// put in postings/: spaces, Unicode with and without letters that slug,
// `..`, upper case, encoded slashes, markup. Each becomes a safe, unique id
// and a page inside the output folder; ids that clash once case-folded are an
// error naming both files. Symbolic links that leave the content folder are
// never followed, so nothing outside it is published.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBoard, type LoadedBoard } from '../../src/build/load-board.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { findPostingFiles } from '../../src/load/find-posting-files.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { toDiagnosticRows } from '../../src/cli/format/diagnostic-rows.ts';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BOARD';
const posting = (title: string) => `---\ntitle: ${JSON.stringify(title)}\ncompany: Acme\ncountry: DE\napply_url: https://jobs.example.com/1\ndate: 2026-11-20\n---\n\nWe build things. ${title}\n`;

// File name → the id it must get (null: refused as a duplicate of another).
const NAMES: Record<string, string | null> = {
  '2026-11-20-Senior Engineer (Berlin).md': 'senior-engineer-berlin',
  '2026-11-20-Ingénieur Logiciel.md': 'ingenieur-logiciel',
  'team a/2026-11-20-Zürich Data Engineer.markdown': 'zuerich-data-engineer',
  '2026-11-20-エンジニア.md': null, // slugs to nothing, like the one below: a hash of the name, the same for both
  'japan/2026-11-21-エンジニア.md': null,
  '2026-11-20-日本語の求人.md': 'posting-',
  '🎉.md': 'posting-',
  '2026-11-20-...md': 'posting-',
  '..md': null, // starts with a dot: a hidden file, never a posting
  'a..b.md': 'a-b',
  '2026-11-20-..%2F..%2Fetc%2Fpasswd.md': '2f-2fetc-2fpasswd',
  '2026-11-20-<script>alert(1)<%2Fscript>.md': 'script-alert-1-2fscript',
  'UPPER CASE POSTING.MD': 'upper-case-posting',
  '2026-11-20-Acme-Dev.md': null,
  'nested/deeper/2026-11-22-acme-dev.md': null,
  [`2026-11-20-${'long-'.repeat(40)}name.md`]: 'long-',
};

let root: string;
let content: string;
let board: LoadedBoard;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'jobsite-names-'));
  content = path.join(root, 'content');
  const postings = path.join(content, 'postings');
  for (const name of Object.keys(NAMES)) {
    mkdirSync(path.dirname(path.join(postings, name)), { recursive: true });
    writeFileSync(path.join(postings, name), posting(name));
  }
  // Outside the content folder: a posting-shaped secret, a folder of them, and a system file.
  const outside = path.join(root, 'outside');
  mkdirSync(path.join(outside, 'folder'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.md'), posting(SECRET));
  writeFileSync(path.join(outside, 'folder', '2026-11-20-more.md'), posting(SECRET));
  symlinkSync(path.join(outside, 'secret.md'), path.join(postings, '2026-11-20-link-out.md'));
  symlinkSync(path.join(outside, 'folder'), path.join(postings, 'dir-out'));
  symlinkSync('../../../outside/secret.md', path.join(postings, '2026-11-20-relative-out.md'));
  symlinkSync('/etc/passwd', path.join(postings, '2026-11-20-passwd.md'));
  symlinkSync('/dev/zero', path.join(postings, '2026-11-20-zero.md'));
  symlinkSync(path.join(postings, 'nowhere.md'), path.join(postings, '2026-11-20-dangling.md'));
  symlinkSync(postings, path.join(postings, 'team a', 'loop'));
  // Inside, and so followed: a link to another posting of the board.
  symlinkSync(path.join(postings, 'a..b.md'), path.join(postings, '2026-11-20-link-in.md'));
  board = await loadBoard(content, DEFAULT_CONFIG);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file names', () => {
  it('give every posting a safe id, unique and the same whatever the case', () => {
    const byFile = new Map(board.entries.map((entry) => [entry.file, entry.posting.id]));
    for (const [name, expected] of Object.entries(NAMES)) {
      const id = byFile.get(`postings/${name}`);
      if (expected === null) {
        expect(id, name).toBeUndefined();
        if (name.startsWith('.')) expect(board.files.map((file) => file.path)).not.toContain(`postings/${name}`);
        continue;
      }
      expect(id, name).toBeDefined();
      expect(id!.startsWith(expected), `${name} → ${id}`).toBe(true);
    }
    const ids = board.entries.map((entry) => entry.posting.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids.every((id) => id.length <= 100)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byFile.get('postings/2026-11-20-link-in.md')).toBe('link-in');
  });

  it('refuses ids that clash, naming both files', () => {
    const rows = toDiagnosticRows(board.files).filter((row) => row.rule === 'id-duplicate');
    const pairs = [
      ['postings/2026-11-20-Acme-Dev.md', 'postings/nested/deeper/2026-11-22-acme-dev.md'],
      ['postings/2026-11-20-エンジニア.md', 'postings/japan/2026-11-21-エンジニア.md'],
    ];
    for (const [a, b] of pairs) {
      expect(rows.find((row) => row.file === a)?.message, a).toContain(b);
      expect(rows.find((row) => row.file === b)?.message, b).toContain(a);
      expect(rows.find((row) => row.file === a)?.severity).toBe('error');
    }
  });

  it('publishes each page inside the output folder, at its id', async () => {
    const out = path.join(root, 'site', 'dist');
    await buildSite({ entries: board.entries, config: DEFAULT_CONFIG, buildDate: '2026-11-29', outDir: out });
    const jobs = readdirSync(path.join(out, 'jobs')).sort();
    expect(jobs).toEqual(board.entries.map((entry) => entry.posting.id).sort());
    // Nothing was written beside the output folder.
    expect(readdirSync(path.join(root, 'site'))).toEqual(['dist']);
  });
});

describe('symbolic links', () => {
  it('are followed inside the content folder only, so nothing outside it is published', async () => {
    const found = await findPostingFiles(content);
    for (const name of ['2026-11-20-link-out.md', '2026-11-20-relative-out.md', '2026-11-20-passwd.md', '2026-11-20-zero.md', '2026-11-20-dangling.md']) {
      expect(found, name).not.toContain(`postings/${name}`);
    }
    expect(found.some((file) => file.startsWith('postings/dir-out/'))).toBe(false);
    expect(found.some((file) => file.includes('/loop/'))).toBe(false);
    expect(found).toContain('postings/2026-11-20-link-in.md');
    for (const entry of board.entries) expect(JSON.stringify(entry.posting)).not.toContain(SECRET);
  });

  it('are not followed when the postings folder itself points outside', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'jobsite-elsewhere-'));
    try {
      mkdirSync(path.join(elsewhere, 'real'));
      writeFileSync(path.join(elsewhere, 'real', '2026-11-20-secret.md'), posting(SECRET));
      mkdirSync(path.join(elsewhere, 'content'));
      symlinkSync(path.join(elsewhere, 'real'), path.join(elsewhere, 'content', 'postings'));
      expect(await findPostingFiles(path.join(elsewhere, 'content'))).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('leave the published site free of anything from outside', () => {
    const out = path.join(root, 'site', 'dist');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    for (const file of walk(out).filter((file) => /\.(?:html|xml|json|txt)$/.test(file))) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes(SECRET) || text.includes('root:x:0:0'), file).toBe(false);
    }
  });
});
