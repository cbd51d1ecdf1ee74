// What each output of a build is made from, as a fingerprint, so that a file
// whose fingerprint is unchanged since the last build can be taken from it
// (src/write/previous-output.ts). A fingerprint covers the code that renders
// (every source file build-site.ts reaches, and the lockfile), every file of
// the templates folder, the board-wide data the templates see, and the
// output's own view. Posting, listing and directory pages see `site.board`
// and their own page; `site.home` and `site.search` are the home page's and
// are left out, or every page would change whenever any posting did.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { computeFingerprint, runtimeVersions } from '../cache/pipeline-fingerprint.ts';
import { PACKAGE_ROOT, sourceFile } from '../package-paths.ts';
import { fingerprintOf } from '../../write/previous-output.ts';
import type { SearchSiteView } from '../../render/search/index.ts';

const RENDER_ENTRY = sourceFile('build/build-site.ts');
/** Data files rendering reads at run time, which no import names. */
const RENDER_DATA = [sourceFile('render/search/currency-rates.json')];

let renderCode: Promise<string> | undefined;

/**
 * The rendering code, its data files and libraries, and the runtime: dates,
 * numbers and country names are formatted by the ICU data of the Node that
 * runs the build. Computed once per process.
 */
export function renderCodeFingerprint(): Promise<string> {
  renderCode ??= (async () => {
    const data = await Promise.all(RENDER_DATA.map((file) => readFile(file).catch(() => Buffer.from('(missing)'))));
    return fingerprintOf('render', await computeFingerprint(PACKAGE_ROOT, RENDER_ENTRY), runtimeVersions(), ...data);
  })();
  return renderCode;
}


export interface TemplatesFingerprint {
  fingerprint: string;
  /** Whether any template names `buildDate`; when none does, the build date changes no page by itself. */
  readsBuildDate: boolean;
}

/** Every file of the templates folder, by path and bytes. */
export async function templatesFingerprint(templatesDir: string): Promise<TemplatesFingerprint> {
  const parts: (string | Uint8Array)[] = [];
  let readsBuildDate = false;
  // Links are followed, as Eleventy and Nunjucks follow them; a loop of links is walked once.
  const seen = new Set<string>();
  const walk = async (relative: string): Promise<void> => {
    const real = await realpath(path.join(templatesDir, relative));
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(path.join(templatesDir, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = path.join(templatesDir, child);
      const kind = entry.isSymbolicLink() ? await stat(full).catch(() => null) : entry;
      if (kind === null) continue; // a dangling link: nothing any template can include
      if (kind.isDirectory()) await walk(child);
      else if (kind.isFile()) {
        // Unreadable templates fail the build (Eleventy would fail on them too) rather than hash as a constant.
        const bytes = await readFile(full);
        if (!readsBuildDate && bytes.includes('buildDate')) readsBuildDate = true;
        parts.push(child, bytes);
      }
    }
  };
  await walk('');
  return { fingerprint: fingerprintOf('templates', ...parts), readsBuildDate };
}

/** The part of every page's input that is the same for all pages: code, templates and the board settings. */
export async function sharedPageFingerprint(site: SearchSiteView, templatesDir: string): Promise<string> {
  const templates = await templatesFingerprint(templatesDir);
  const board = templates.readsBuildDate ? site.board : { ...site.board, buildDate: null };
  return fingerprintOf(await renderCodeFingerprint(), templates.fingerprint, JSON.stringify(board), JSON.stringify(site.notFound));
}

// Views are never changed once made, and `serve` keeps a posting's page view
// from build to build while nothing it shows changed (page-views.ts): its
// fingerprint, which serialises the whole body, is then taken as well.
const knownFingerprints = new WeakMap<object, { shared: string; fingerprint: string }>();

/** One page's fingerprint: the shared part and its own view. */
export function pageFingerprint(shared: string, view: object): string {
  const known = knownFingerprints.get(view);
  if (known?.shared === shared) return known.fingerprint;
  const fingerprint = fingerprintOf(shared, JSON.stringify(view));
  knownFingerprints.set(view, { shared, fingerprint });
  return fingerprint;
}
