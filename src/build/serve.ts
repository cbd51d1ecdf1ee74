// `serve`: builds the site, serves it on localhost with live reload
// (Eleventy's dev server) and rebuilds when the content or the templates
// change. A failed rebuild is printed and the last good site stays served,
// because builds swap the output folder in only when they succeed. With the
// cache, a rebuild makes only what changed, and a change to postings is shown
// before the search index and feeds catch up: the pages are swapped in with the
// last index and feeds, the browser reloads, and those follow in a second build.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import type { PostingEntry } from '../board.ts';
import { describeErrorChain } from '../render/site/build-error.ts';
import { lockPathFor } from '../write/output-lock.ts';
import { buildSite, DEFAULT_TEMPLATES_DIR, type BuildSiteOptions, type BuildSiteResult } from './build-site.ts';

export interface ServeOptions extends BuildSiteOptions {
  /** Port to listen on (0: any free port); the next free one is tried when it is taken. */
  port: number;
  /** Loads the postings again; null when they could not be loaded (the caller has reported why). */
  rebuild: () => Promise<PostingEntry[] | null>;
  /** Folders whose changes cause a rebuild besides the templates: the content folder. */
  watch?: string[];
  /** Where messages go; standard error by default. */
  log?: (message: string) => void;
  /** Quiet period after a change before rebuilding, in milliseconds. */
  debounceMs?: number;
}

export interface SiteServer {
  /** `http://localhost:<port>/` plus the site URL's path. */
  url: string;
  /** The last build's counts, or null while no build has succeeded. */
  lastBuild(): BuildSiteResult | null;
  /** Rebuilds now (as a change would); resolves when that build has finished. */
  rebuildNow(): Promise<void>;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<SiteServer> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const templatesDir = path.resolve(options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  const outDir = path.resolve(options.outDir);
  let entries = options.entries;
  let last: BuildSiteResult | null = null;

  // When the change that the running builds answer was seen, to tell the editor how long the wait was.
  let changedAt: number | null = null;
  const build = async (quick = false, seenAt: number | null = null): Promise<boolean> => {
    try {
      last = await buildSite({ entries, config: options.config, buildDate: options.buildDate, outDir, templatesDir, cacheDir: options.cacheDir, preview: quick, warn: log });
      const made = last.files - last.reused;
      const after = seenAt === null ? '' : ` ${((performance.now() - seenAt) / 1000).toFixed(2)} s after the change`;
      log(`Built ${last.open} open and ${last.closed} closed postings (${made} of ${last.files} files made${last.stale ? '; search index and feeds follow' : ''})${after}.`);
      return true;
    } catch (error) {
      log(`Build failed, still serving the last good site: ${describeErrorChain(error)}`);
      return false;
    }
  };
  const reload = () => server.reload({ files: [], subtype: 'default', build: { templates: [] } });
  // A failed first build still starts the server, so fixing the templates or content brings the site up.
  await build();

  const server = EleventyDevServer.getServer('jobsite', outDir, {
    liveReload: true,
    domDiff: false,
    showAllHosts: false,
    // The 404 page links from the site URL's path, so the site is served below that path too.
    pathPrefix: sitePath(options.config.siteUrl),
    logger: { log: () => undefined, info: () => undefined, warn: log, error: log },
    messageOnStart: () => false,
  });
  server.serve(options.port);
  await server.ready();
  // `ready()` resolved on "listening", so the address is known; getServerUrl adds the path prefix.
  const url = server.getServerUrl('localhost', '/');
  log(`Serving ${outDir} at ${url}`);

  // Builds run one at a time; changes during a build cause exactly one more.
  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const seenAt = changedAt;
        changedAt = null;
        let loaded: PostingEntry[] | null;
        try {
          loaded = await options.rebuild();
        } catch (error) {
          log(`Loading the postings failed, still serving the last good site: ${describeErrorChain(error)}`);
          continue;
        }
        if (loaded === null) {
          log('The postings have errors; still serving the last good site.');
          continue;
        }
        entries = loaded;
        if (!(await build(true, seenAt))) continue;
        reload();
        // The index of the changed postings, unless another change already calls for a new build.
        if (last?.stale === true && !again && (await build(false, seenAt))) reload();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  const scratch = new RegExp(`(^|[\\\\/])\\.${escapeRegExp(path.basename(outDir))}\\.(tmp|old)-`);
  const onChange = (dir: string) => (_event: string, file: string | Buffer | null) => {
    const changed = path.resolve(dir, file?.toString() ?? '');
    // Our own writes (the site, its lock, the cache) must not trigger builds when they sit inside a watched folder.
    if (isInside(outDir, changed) || scratch.test(changed) || changed === lockPathFor(outDir)) return;
    if (options.cacheDir !== undefined && isInside(path.resolve(options.cacheDir), changed)) return;
    clearTimeout(timer);
    changedAt ??= performance.now();
    timer = setTimeout(() => void rebuild(), options.debounceMs ?? 50);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of [templatesDir, ...(options.watch ?? []).map((folder) => path.resolve(folder))]) {
    try {
      const watcher = watch(dir, { recursive: true }, onChange(dir));
      watcher.on('error', (error) => log(`Stopped watching ${dir}: ${error.message}`));
      watchers.push(watcher);
    } catch (error) {
      log(`Cannot watch ${dir} for changes: ${(error as Error).message}`);
    }
  }

  return {
    url,
    lastBuild: () => last,
    rebuildNow: rebuild,
    async close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      await server.close();
    },
  };
}

function sitePath(siteUrl: string): string {
  try {
    const pathname = new URL(siteUrl).pathname;
    return pathname.endsWith('/') ? pathname : `${pathname}/`;
  } catch {
    return '/';
  }
}

function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
