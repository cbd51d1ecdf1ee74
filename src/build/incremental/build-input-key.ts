// One fingerprint of everything a build reads: every posting file's path and
// bytes (through their digests, file-digests.ts), the board settings, the
// build date, the templates and the code of the pipeline and of rendering. When it equals the fingerprint recorded by
// the last build into the same folder, and that folder is as the last build
// left it, the build has nothing to do. Postings dated from git history are
// not decided by their bytes, so a board with any of them always builds.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BoardConfig } from '../../board.ts';
import { findPostingFiles } from '../../load/find-posting-files.ts';
import { MAX_POSTING_BYTES } from '../../load/read-posting-file.ts';
import { PACKAGE_ROOT, sourceFile } from '../package-paths.ts';
import { computeFingerprint, pipelineFingerprint } from '../cache/pipeline-fingerprint.ts';
import { renderCodeFingerprint, templatesFingerprint } from './site-fingerprints.ts';
import type { FileDigests } from './file-digests.ts';

/** The build command reaches every stage: loading, checking, rendering, writing. */
const BUILD_ENTRY = sourceFile('cli/commands/build.ts');

let buildCode: Promise<string> | undefined;

export interface BuildInputs {
  contentDir: string;
  config: BoardConfig;
  templatesDir: string;
  buildDate: string;
  /** Digests of the posting files, kept between builds; the caller saves them. */
  digests: FileDigests;
}

/** Hex sha256 of every input of a build. */
export async function buildInputKey({ contentDir, config, templatesDir, buildDate, digests }: BuildInputs): Promise<string> {
  const hash = createHash('sha256');
  buildCode ??= computeFingerprint(PACKAGE_ROOT, BUILD_ENTRY);
  hash.update(JSON.stringify(['jobsite-build', await pipelineFingerprint(), await renderCodeFingerprint(), await buildCode, (await templatesFingerprint(templatesDir)).fingerprint, config, buildDate]));
  for (const relativePath of await findPostingFiles(contentDir)) {
    const file = path.join(contentDir, relativePath);
    hash.update(`\0${relativePath}\0`);
    hash.update(digests.digest(file, relativePath, MAX_POSTING_BYTES));
  }
  return hash.digest('hex');
}
