// Where the package's own files are. The fingerprints of code always hash the
// TypeScript sources under src/, also when the CLI runs the compiled copy in
// lib/ (bin/jobsite.js runs that copy only while it matches src/), so a cache
// written by either is valid for both.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file is src/build/ or lib/build/ below it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The board's templates that ship with jobsite. */
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates') + path.sep;

/** Absolute path of a file under src/, given as its path from src/. */
export function sourceFile(fromSrc: string): string {
  return path.join(PACKAGE_ROOT, 'src', fromSrc);
}
