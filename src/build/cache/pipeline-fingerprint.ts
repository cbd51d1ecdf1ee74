// What "the same pipeline" means for the posting cache: a cached result may be
// reused only when the code and libraries that produced it are unchanged. The
// fingerprint hashes CACHE_VERSION, package.json and package-lock.json (our
// version and every library's), and every source file that processing a
// posting imports, found by following the relative imports from
// posting-result.ts. So an edit to the pipeline invalidates the cache without
// anyone remembering to bump a number, while an edit to rendering or the CLI
// does not. Bump CACHE_VERSION when the stored format or the meaning of an
// entry changes in a way those files alone would not show.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT, sourceFile } from '../package-paths.ts';

export const CACHE_VERSION = 1;

const PIPELINE_ENTRY = sourceFile('build/posting-result.ts');
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

let memo: Promise<string> | undefined;

/** Hex sha256 of the pipeline's code and the runtime (its ICU data formats and compares text); computed once per process. */
export function pipelineFingerprint(): Promise<string> {
  memo ??= computeFingerprint(PACKAGE_ROOT, PIPELINE_ENTRY).then((code) => createHash('sha256').update(code).update('\0').update(runtimeVersions()).digest('hex'));
  return memo;
}

/** The versions that decide how Node formats, compares and segments text. */
export function runtimeVersions(): string {
  const { node, icu, unicode, cldr, tz } = process.versions as Record<string, string | undefined>;
  return JSON.stringify({ node, icu, unicode, cldr, tz });
}

export async function computeFingerprint(packageRoot: string, entry: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`jobsite-cache ${CACHE_VERSION}\0`);
  for (const name of ['package.json', 'package-lock.json']) {
    hash.update(`${name}\0`);
    hash.update(await readFile(path.join(packageRoot, name)).catch(() => Buffer.from('(missing)')));
    hash.update('\0');
  }
  const sources = await importClosure(entry);
  for (const source of [...sources.keys()].sort()) {
    hash.update(`${path.relative(packageRoot, source).split(path.sep).join('/')}\0`);
    hash.update(sources.get(source)!);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Every local source file `entry` reaches through relative imports, with its bytes. */
export async function importClosure(entry: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    const bytes = await readFile(file).catch(() => Buffer.from('(missing)'));
    found.set(file, bytes);
    for (const match of bytes.toString('utf8').matchAll(RELATIVE_IMPORT)) queue.push(path.resolve(path.dirname(file), match[1]!));
  }
  return found;
}
