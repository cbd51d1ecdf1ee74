// Finds what `jobsite import` was asked to import: each file named, and every
// `.md`, `.markdown` and `.txt` file under each folder named, recursively and
// in a stable (code point) order. A file reached twice (named twice, or through
// a symbolic link) is imported once; folder cycles are not followed.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareCodePoints } from '../load/find-posting-files.ts';

export const IMPORT_EXTENSIONS = /\.(md|markdown|txt)$/i;
// Folders that hold tooling, never postings.
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.cache']);

export interface ImportSourceFile {
  /** The path as the user would write it: the argument, then `/` and the path inside a folder. */
  path: string;
  absolute: string;
  /** Found by walking a folder (rather than named on the command line). */
  walked: boolean;
}

/** A path on the command line that does not exist or cannot be read: a usage error. */
export class ImportInputError extends Error {
  override name = 'ImportInputError';
}

export async function walkImportSources(inputs: readonly string[], cwd: string = process.cwd()): Promise<ImportSourceFile[]> {
  const found: ImportSourceFile[] = [];
  const seen = new Set<string>();
  const add = (file: ImportSourceFile, real: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    found.push(file);
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new ImportInputError(`${input}: ${error.code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${error.code ?? 'error'})`}.`);
    });
    if (info.isFile()) {
      add({ path: input, absolute, walked: false }, await realpath(absolute));
    } else if (info.isDirectory()) {
      for (const relative of await walkFolder(absolute)) {
        const file = path.join(absolute, relative);
        add({ path: joinDisplay(input, relative), absolute: file, walked: true }, await realpath(file));
      }
    } else {
      throw new ImportInputError(`${input}: not a file or folder.`);
    }
  }
  return found;
}

/** Files under `root` with an import extension, relative to it with `/` separators, sorted. */
async function walkFolder(root: string): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir).catch(() => null);
    if (real === null || visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const info = await stat(full).catch(() => null);
        if (info === null) continue;
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      }
      if (isDirectory) await walk(full);
      else if (isFile && IMPORT_EXTENSIONS.test(entry.name)) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
  await walk(root);
  return found.sort(compareCodePoints);
}

function joinDisplay(input: string, relative: string): string {
  const base = input.split(path.sep).join('/');
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed === '' && base !== '') return `/${relative}`;
  return trimmed === '' || trimmed === '.' ? relative : `${trimmed}/${relative}`;
}
