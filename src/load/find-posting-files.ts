// Finds the posting files of a board: every `*.md` / `*.markdown` under
// `<content>/postings/`, recursively, in a stable (code point) order so that
// builds never depend on the file system's listing order. Symbolic links are
// followed only when they stay inside the content folder.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const POSTING_EXTENSIONS = /\.(md|markdown)$/i;
// Folders that are never content: version control and tooling.
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.cache']);

/** Paths relative to `contentDir`, with `/` separators, sorted. */
export async function findPostingFiles(contentDir: string, extensions: RegExp = POSTING_EXTENSIONS): Promise<string[]> {
  const root = await realpath(contentDir);
  const postingsDir = path.join(root, 'postings');
  const found: string[] = [];
  const visited = new Set<string>();

  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir).catch(() => null);
    if (real === null || !isInside(real, root) || visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => null);
        if (target === null || !isInside(target, root)) continue;
        const info = await stat(target);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      }
      if (isDirectory) await walk(full);
      else if (isFile && extensions.test(entry.name)) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }

  await walk(postingsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  return found.sort(compareCodePoints);
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
