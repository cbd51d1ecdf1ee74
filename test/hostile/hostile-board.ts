// Writes a board whose postings carry the injection vectors in every field
// that reaches an output (title, company, location, salary text, tags, body,
// apply and company URLs, file name, and the board's own title), builds it
// the way `jobsite build --keep-going` does (broken postings left out), and
// lists the site's files for the checks.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { BoardConfig, PostingEntry } from '../../src/board.ts';
import { loadBoard, type LoadedBoard } from '../../src/build/load-board.ts';
import { buildSite, type BuildSiteResult } from '../../src/build/build-site.ts';
import { DEFAULT_CONFIG } from '../../src/load/load-board-config.ts';
import { VECTORS, URL_VECTORS, type Vector } from './xss-vectors.ts';

export const BUILD_DATE = '2026-11-29';
export const SITE_URL = 'https://jobs.example.org/board/';
export const BOARD_TITLE = 'Board </title><script>alert(1)</script> & "Co"';

export type Field = 'text' | 'url' | 'url-in-query';

export interface HostileCase {
  /** Path relative to the content folder. */
  file: string;
  vector: Vector;
  /** `text`: the vector in every text field and the body; `url`: as apply_url and company_url; `url-in-query`: inside https: URLs. */
  field: Field;
  /** The front-matter values written, so that checks can compare what comes out. */
  data: Record<string, unknown>;
}

export interface HostileBuild {
  root: string;
  contentDir: string;
  outDir: string;
  config: BoardConfig;
  cases: HostileCase[];
  board: LoadedBoard;
  result: BuildSiteResult;
  /** Site files, `/`-separated paths relative to outDir. */
  files: string[];
  /** Entries by the content-relative path of their file. */
  entryByFile: Map<string, PostingEntry>;
}

/** A file name an editor could really commit: no `/`, NUL or line breaks, not too long for the file system. */
export function fileNameFor(text: string): string {
  return Array.from(text.replace(/[\u0000-\u001f/\\]/g, '_')).slice(0, 50).join('').replace(/[\ud800-\udfff]/g, '_');
}

export interface HostileBoardOptions {
  /** Which vectors to use (all by default). */
  vectors?: (vector: Vector, index: number) => boolean;
  /** Which kinds of posting to write (all by default). */
  fields?: readonly Field[];
}

export function hostileCases(options: HostileBoardOptions = {}): { cases: HostileCase[]; files: Record<string, string> } {
  const fields = new Set(options.fields ?? ['text', 'url', 'url-in-query']);
  const cases: HostileCase[] = [];
  const files: Record<string, string> = {};
  const add = (file: string, vector: Vector, field: Field, data: Record<string, unknown>, body: string) => {
    if (!fields.has(field)) return;
    cases.push({ file, vector, field, data });
    files[file] = `---\n${stringify(data)}---\n\n${body}\n`;
  };
  VECTORS.forEach((vector, i) => {
    if (options.vectors && !options.vectors(vector, i)) return;
    const v = vector.text;
    add(
      `postings/2026-11-20-t${i}-${fileNameFor(v)}.md`,
      vector,
      'text',
      {
        title: `Engineer ${v}`,
        company: `Acme ${v}`,
        company_url: `https://acme.example/${i}`,
        location: `Berlin ${v}`,
        country: 'DE',
        salary: `€50,000 per year ${v}`,
        tags: [v, `go ${v}`],
        apply_url: `https://jobs.example.com/apply/${i}`,
        // Every tenth posting is closed on the build date: its page has no apply link and no JSON-LD.
        date: i % 10 === 9 ? '2026-08-01' : '2026-11-20',
        employment_type: 'FULL_TIME',
      },
      [`Intro ${v}`, v, `- item ${v}\n- second`, `> ${v}`, `**${v}** and _${v}_`, `[link ${v}](https://ok.example/${i})`, `| a | b |\n|---|---|\n| ${v.replace(/\n/g, ' ')} | x |`].join('\n\n'),
    );
    add(`postings/2026-11-21-u${i}.md`, vector, 'url', { title: `Apply ${i}`, company: 'Urls Inc', country: 'DE', apply_url: v, company_url: v }, 'Body.');
    add(
      `postings/2026-11-22-q${i}.md`,
      vector,
      'url-in-query',
      { title: `Query ${i}`, company: 'Query Ltd', country: 'DE', apply_url: `https://jobs.example.com/apply?q=${v}`, company_url: `https://query.example/${v}` },
      'Body.',
    );
  });
  URL_VECTORS.forEach((vector, i) => {
    if (options.vectors && !options.vectors(vector, -1 - i)) return;
    add(`postings/2026-11-23-url${i}.md`, vector, 'url', { title: `Link ${i}`, company: 'Links Co', country: 'DE', apply_url: vector.text, company_url: vector.text }, 'Body.');
  });
  return { cases, files };
}

export async function buildHostileBoard(options: HostileBoardOptions = {}): Promise<HostileBuild> {
  const root = mkdtempSync(path.join(tmpdir(), 'jobsite-hostile-'));
  const contentDir = path.join(root, 'content');
  const { cases, files } = hostileCases(options);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), text);
  }
  const config: BoardConfig = { ...DEFAULT_CONFIG, title: BOARD_TITLE, description: 'Jobs <img src=x onerror=alert(1)> ]]> --> "quoted"', siteUrl: SITE_URL };
  const board = await loadBoard(contentDir, config);
  const outDir = path.join(root, 'dist');
  // --keep-going: the postings with errors are simply not in `entries`.
  const result = await buildSite({ entries: board.entries, config, buildDate: BUILD_DATE, outDir });
  const entryByFile = new Map(board.entries.map((entry) => [entry.file, entry]));
  return { root, contentDir, outDir, config, cases, board, result, files: listFiles(outDir), entryByFile };
}

function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found.sort();
}
