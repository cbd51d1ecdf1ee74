// One fingerprint of everything a build reads: every posting file's path and
// bytes, the board settings, the build date, the templates and the code of
// the pipeline and of rendering. When it equals the fingerprint recorded by
// the last build into the same folder, and that folder is as the last build
// left it, the build has nothing to do. Postings dated from git history are
// not decided by their bytes, so a board with any of them always builds.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BoardConfig } from '../../board.ts';
import { findPostingFiles } from '../../load/find-posting-files.ts';
import { MAX_POSTING_BYTES } from '../../load/read-posting-file.ts';
import { fileURLToPath } from 'node:url';
import { computeFingerprint, pipelineFingerprint } from '../cache/pipeline-fingerprint.ts';
import { renderCodeFingerprint, templatesFingerprint } from './site-fingerprints.ts';

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The build command reaches every stage: loading, checking, rendering, writing. */
const BUILD_ENTRY = fileURLToPath(new URL('../../cli/commands/build.ts', import.meta.url));

let buildCode: Promise<string> | undefined;

export interface BuildInputs {
  contentDir: string;
  config: BoardConfig;
  templatesDir: string;
  buildDate: string;
}

/** Hex sha256 of every input of a build. */
export async function buildInputKey({ contentDir, config, templatesDir, buildDate }: BuildInputs): Promise<string> {
  const hash = createHash('sha256');
  buildCode ??= computeFingerprint(PACKAGE_ROOT, BUILD_ENTRY);
  hash.update(JSON.stringify(['jobsite-build', await pipelineFingerprint(), await renderCodeFingerprint(), await buildCode, (await templatesFingerprint(templatesDir)).fingerprint, config, buildDate]));
  for (const relativePath of await findPostingFiles(contentDir)) {
    hash.update(`\0${relativePath}\0`);
    // Synchronous: thousands of small reads, each far cheaper than a promise round trip.
    try {
      const file = path.join(contentDir, relativePath);
      const { size, mtimeMs } = statSync(file);
      // A file too large to be a posting is refused by the loader; it is not read whole here either.
      hash.update(size > MAX_POSTING_BYTES ? `(too large: ${size} ${mtimeMs})` : readFileSync(file));
    } catch (error) {
      hash.update(`(unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return hash.digest('hex');
}
