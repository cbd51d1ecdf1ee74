// The example board as the browser tests see it: built once per test file
// with `jobsite build` and the fixed build date 2026-11-29 into a temporary
// folder, served from 127.0.0.1, with the facts the tests check pages against.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { loadBoard } from '../../src/build/load-board.ts';
import { main } from '../../src/cli/main.ts';
import { loadBoardConfig } from '../../src/load/load-board-config.ts';
import type { ShardSizes } from '../../src/render/search/index.ts';
import type { Posting } from '../../src/posting.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

export const BUILD_DATE = '2026-11-29';
export const EXAMPLE_CONTENT = path.join(import.meta.dirname, '..', '..', 'content');

export interface ExampleBoard {
  siteDir: string;
  server: StaticServer;
  /** Open postings as jobs.json lists them, newest first. */
  open: Posting[];
  /** Ids of postings that have a page but are closed. */
  closedIds: string[];
  /** The page address of `sitePath` (`jobs/a/`) on the test server. */
  url(sitePath?: string): string;
  dispose(): Promise<void>;
}

/**
 * Built as `jobsite build` builds it; with `searchShardSizes`, through the
 * build's API instead, so that the example board's search index comes in
 * shards as only a far larger board's would.
 */
export async function buildExampleBoard(options: { searchShardSizes?: ShardSizes } = {}): Promise<ExampleBoard> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'jobsite-browser-'));
  const siteDir = path.join(work, 'site');
  if (options.searchShardSizes) {
    const config = await loadBoardConfig(EXAMPLE_CONTENT);
    const { entries } = await loadBoard(EXAMPLE_CONTENT, config, { warn: () => {} });
    await buildSite({ entries, config, buildDate: BUILD_DATE, outDir: siteDir, searchShardSizes: options.searchShardSizes });
  } else {
    let errors = '';
    const code = await main(['build', '--content', EXAMPLE_CONTENT, '--out', siteDir, '--now', BUILD_DATE], {
      stdout: () => {},
      stderr: (text) => (errors += text),
      color: false,
    });
    if (code !== 0) throw new Error(`jobsite build failed (${code}):\n${errors}`);
  }
  const open = (JSON.parse(await readFile(path.join(siteDir, 'jobs.json'), 'utf8')) as { jobs: Posting[] }).jobs;
  const openIds = new Set(open.map((posting) => posting.id));
  const closedIds = (await readdir(path.join(siteDir, 'jobs'))).filter((id) => !openIds.has(id)).sort();
  const server = await serveFolder(siteDir);
  return {
    siteDir,
    server,
    open,
    closedIds,
    url: (sitePath = '') => new URL(sitePath, server.url).href,
    dispose: async () => {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
