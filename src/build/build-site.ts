// Renders a loaded board into a complete static site and writes it
// atomically: pages through Eleventy, then feeds, jobs.json, sitemap,
// robots.txt and the search index, all into a temporary folder that replaces
// `outDir` only when everything succeeded. Same entries and build date → byte-identical files.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BoardConfig, PostingEntry } from '../board.ts';
import { addSearch, writeSearchIndex } from '../render/search/index.ts';
import { BuildError, describeErrorChain } from '../render/site/build-error.ts';
import { machineReadableFiles } from '../render/site/machine-files.ts';
import { buildSiteView } from '../render/site/page-views.ts';
import { renderPages } from '../render/site/render-pages.ts';
import { planSite } from '../render/site/site-plan.ts';
import { OutputError, replaceDirectory } from '../write/replace-directory.ts';
import { listFiles, writeFiles } from '../write/write-files.ts';

export { BuildError } from '../render/site/build-error.ts';

export interface BuildSiteOptions {
  entries: PostingEntry[];
  config: BoardConfig;
  /** `YYYY-MM-DD`: decides which postings are open, and dates the feeds when there are none. */
  buildDate: string;
  outDir: string;
  /** Defaults to the `templates/` folder of this package. */
  templatesDir?: string;
}

export interface BuildSiteResult {
  open: number;
  closed: number;
  drafts: number;
  /** Files written, pages and the rest. */
  files: number;
}

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Builds the site into `outDir`; on any error throws a `BuildError` and leaves `outDir` as it was. */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { entries, config, buildDate, outDir } = options;
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  checkBuildDate(buildDate);
  // Eleventy renders a missing folder as an empty site, which would replace a good one.
  if (!(await isFolder(templatesDir))) throw new BuildError(`The templates folder ${templatesDir} does not exist.`);

  // Everything that can fail on bad input fails here, before the output folder is touched.
  let prepared;
  try {
    const plan = planSite(entries, buildDate);
    prepared = { plan, site: addSearch(buildSiteView(plan, config, buildDate), plan), otherFiles: machineReadableFiles(plan, config, buildDate) };
  } catch (error) {
    if (error instanceof BuildError) throw error;
    throw new BuildError(`The site could not be prepared: ${describeErrorChain(error)}`, { cause: error });
  }
  const { plan, site, otherFiles } = prepared;

  try {
    const files = await replaceDirectory(
      outDir,
      async (tempDir) => {
        try {
          await renderPages({ templatesDir, outDir: tempDir, site });
        } catch (error) {
          throw new BuildError(`The templates in ${templatesDir} could not be rendered: ${describeErrorChain(error)}`, { cause: error });
        }
        await writeFiles(tempDir, otherFiles);
        await writeSearchIndex({ siteDir: tempDir, openPostings: plan.open.length });
        return (await listFiles(tempDir)).length;
      },
      { protect: [templatesDir] },
    );
    return { open: plan.open.length, closed: plan.closed.length, drafts: plan.drafts, files };
  } catch (error) {
    if (error instanceof BuildError) throw error;
    if (error instanceof OutputError) throw new BuildError(error.message, { cause: error });
    throw new BuildError(`The site could not be written to ${outDir}: ${describeErrorChain(error)}`, { cause: error });
  }
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

function checkBuildDate(buildDate: string): void {
  const date = new Date(`${String(buildDate)}T00:00:00Z`);
  const valid = typeof buildDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(buildDate) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(buildDate);
  if (!valid) throw new BuildError(`The build date ${JSON.stringify(buildDate)} is not a real date in YYYY-MM-DD form.`);
}
