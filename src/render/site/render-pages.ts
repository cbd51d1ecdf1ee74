// Runs Eleventy over the templates folder to write the HTML pages. Postings
// reach the templates only as global data (`site`); Eleventy never sees a
// posting file. Nunjucks autoescapes everything, so a template emits raw HTML
// only where it says `| safe` (the sanitised body and the JSON-LD).
// Eleventy keeps every page it renders until its run ends, so the paginated
// pages (postings, listings, directories) go through it in runs of a few
// thousand: memory stays bounded by a run, not by the board. Later runs
// leave out the templates that are not paginated over those lists (the home
// and 404 pages), which the first run wrote.
import { existsSync } from 'node:fs';
import { cp, readdir, readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import path from 'node:path';
import Eleventy, { type EleventyFilterContext, type EleventyUserConfig } from '@11ty/eleventy';
import { relativeHref, rootHref } from './relative-href.ts';
import type { SiteView } from './page-views.ts';

export interface RenderPagesOptions {
  templatesDir: string;
  /** Folder Eleventy writes into; a fresh temporary folder in a build. */
  outDir: string;
  site: SiteView;
  /** Most paginated pages per Eleventy run. */
  pagesPerRun?: number;
  /** Called after each run when there are several: what a run rendered is garbage once written. */
  afterRun?: () => void;
}

export const PAGES_PER_RUN = 2000;

/** The lists templates paginate over; each item is one page. */
const PAGINATED = ['jobs', 'listings', 'directories'] as const;
type PageLists = Pick<SiteView, (typeof PAGINATED)[number]>;

/** Folder below the templates copied verbatim to the same place in the output. */
export const ASSETS_FOLDER = 'assets';

/** Writes every page; throws Eleventy's error (template syntax, missing variable…) unchanged. */
export async function renderPages({ templatesDir, outDir, site, pagesPerRun = PAGES_PER_RUN, afterRun }: RenderPagesOptions): Promise<void> {
  const runs = splitIntoRuns(site, Math.max(1, pagesPerRun));
  const unpaginated = runs.length > 1 ? await unpaginatedTemplates(templatesDir) : [];
  for (const [index, lists] of runs.entries()) {
    await renderRun({ templatesDir, outDir, site: { ...site, ...lists }, ignore: index === 0 ? [] : unpaginated });
    if (runs.length > 1) afterRun?.();
  }
  // Copied here rather than as Eleventy passthrough: Eleventy copies beside its page writes, and when
  // both fail (a full disk) the copy's rejection is never handled and kills the process mid-build.
  const assets = path.join(path.resolve(templatesDir), ASSETS_FOLDER);
  if (existsSync(assets)) await cp(assets, path.join(path.resolve(outDir), ASSETS_FOLDER), { recursive: true });
}

/** The paginated lists cut into consecutive slices of at most `size` pages in all; always at least one run. */
function splitIntoRuns(site: SiteView, size: number): PageLists[] {
  const runs: PageLists[] = [];
  let current: PageLists = { jobs: [], listings: [], directories: [] };
  let count = 0;
  for (const list of PAGINATED) {
    for (const page of site[list] as PageLists[typeof list][number][]) {
      if (count === size) {
        runs.push(current);
        current = { jobs: [], listings: [], directories: [] };
        count = 0;
      }
      (current[list] as unknown[]).push(page);
      count++;
    }
  }
  runs.push(current);
  return runs;
}

/** Templates (outside `_includes`) whose front matter does not paginate over `site.jobs`, `site.listings` or `site.directories`. */
async function unpaginatedTemplates(templatesDir: string): Promise<string[]> {
  const root = path.resolve(templatesDir);
  const names = (await readdir(root, { recursive: true, encoding: 'utf8' })).filter((name) => name.endsWith('.njk') && !name.split(path.sep).some((part) => part.startsWith('_')));
  const found: string[] = [];
  for (const name of names.sort()) {
    // Options on every call: gray-matter caches by content otherwise, and a template is small.
    const { data } = matter(await readFile(path.join(root, name), 'utf8'), {});
    const source = (data as { pagination?: { data?: unknown } }).pagination?.data;
    if (!PAGINATED.some((list) => source === `site.${list}`)) found.push(path.join(root, name));
  }
  return found;
}

interface RunOptions {
  templatesDir: string;
  outDir: string;
  site: SiteView;
  /** Template files Eleventy must leave out of this run. */
  ignore: string[];
}

async function renderRun({ templatesDir, outDir, site, ignore }: RunOptions): Promise<void> {
  let escaping: boolean | undefined;
  const eleventy = new Eleventy(path.resolve(templatesDir), path.resolve(outDir), {
    quietMode: true,
    // A stray eleventy.config.js in the working folder must not change the site.
    configPath: false,
    config(config) {
      silenceBenchmarks(config);
      config.setTemplateFormats(['njk']);
      config.setUseGitIgnore(false);
      for (const file of ignore) config.ignores.add(file);
      // Eleventy keeps template files in a process-wide cache keyed by path; `serve` rebuilds
      // in one process and must see edited templates.
      config.setUseTemplateCache(false);
      config.setNunjucksEnvironmentOptions({
        autoescape: true,
        // A misspelt variable is a build error, not an empty spot on the page.
        throwOnUndefined: true,
        trimBlocks: true,
        lstripBlocks: true,
      });
      // Checked on the environment Eleventy really renders with, not only on what was asked for.
      // (Eleventy does not await its listeners, so a throw here would be an unhandled rejection.)
      config.on('eleventy.engine.njk', ({ environment }) => {
        escaping = (escaping ?? true) && environment.opts?.autoescape === true;
      });
      config.addGlobalData('site', site);
      config.addFilter('href', function (this: EleventyFilterContext, target: string) {
        // The 404 page is served at whatever URL was missing, so relative links would break there.
        if (this.ctx?.['rootLinks'] === true) return rootHref(site.board.siteUrl, target);
        const from = typeof this.page?.url === 'string' ? this.page.url : '/';
        return relativeHref(from, target);
      });
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  // The pages sit in a temporary folder that is thrown away when this throws.
  if (escaping === undefined) throw new Error(`No Nunjucks templates (.njk) were found in ${templatesDir}.`);
  if (!escaping) throw new Error('Nunjucks autoescaping was off, so text could have been written as HTML; the pages were discarded.');
}

// Eleventy's "Configuration" benchmark group is created before quiet mode applies and
// prints slow-filter warnings on large boards; builds must print nothing.
function silenceBenchmarks(config: EleventyUserConfig): void {
  const manager = config.benchmarkManager;
  manager?.setVerboseOutput(false);
  for (const group of Object.values(manager?.getAll() ?? {})) group.setIsVerbose(false);
}
