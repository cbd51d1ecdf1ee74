// Runs Eleventy over the templates folder to write the HTML pages. Postings
// reach the templates only as global data (`site`); Eleventy never sees a
// posting file. Nunjucks autoescapes everything, so a template emits raw HTML
// only where it says `| safe` (the sanitised body and the JSON-LD).
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import Eleventy, { type EleventyFilterContext, type EleventyUserConfig } from '@11ty/eleventy';
import { relativeHref, rootHref } from './relative-href.ts';
import type { SiteView } from './page-views.ts';

export interface RenderPagesOptions {
  templatesDir: string;
  /** Folder Eleventy writes into; a fresh temporary folder in a build. */
  outDir: string;
  site: SiteView;
}

/** Folder below the templates copied verbatim to the same place in the output. */
export const ASSETS_FOLDER = 'assets';

/** Writes every page; throws Eleventy's error (template syntax, missing variable…) unchanged. */
export async function renderPages({ templatesDir, outDir, site }: RenderPagesOptions): Promise<void> {
  let escaping: boolean | undefined;
  const eleventy = new Eleventy(path.resolve(templatesDir), path.resolve(outDir), {
    quietMode: true,
    // A stray eleventy.config.js in the working folder must not change the site.
    configPath: false,
    config(config) {
      silenceBenchmarks(config);
      config.setTemplateFormats(['njk']);
      config.setUseGitIgnore(false);
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
  // Copied here rather than as Eleventy passthrough: Eleventy copies beside its page writes, and when
  // both fail (a full disk) the copy's rejection is never handled and kills the process mid-build.
  const assets = path.join(path.resolve(templatesDir), ASSETS_FOLDER);
  if (existsSync(assets)) await cp(assets, path.join(path.resolve(outDir), ASSETS_FOLDER), { recursive: true });
}

// Eleventy's "Configuration" benchmark group is created before quiet mode applies and
// prints slow-filter warnings on large boards; builds must print nothing.
function silenceBenchmarks(config: EleventyUserConfig): void {
  const manager = config.benchmarkManager;
  manager?.setVerboseOutput(false);
  for (const group of Object.values(manager?.getAll() ?? {})) group.setIsVerbose(false);
}
