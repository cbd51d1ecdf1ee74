// Writes generated files below a folder and counts what a folder holds.
import { mkdir, open, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes each `relative path → content` (bytes, UTF-8 text, or text as
 * consecutive parts, taken one at a time) below `root`; a path that would leave
 * `root` throws. Returns how many UTF-16 code units of text were written.
 */
export async function writeFiles(root: string, files: ReadonlyMap<string, string | Uint8Array | Iterable<string>>): Promise<number> {
  const base = path.resolve(root);
  let written = 0;
  for (const [relative, text] of files) {
    const target = path.resolve(base, relative);
    if (!target.startsWith(`${base}${path.sep}`)) throw new Error(`Refusing to write ${JSON.stringify(relative)} outside ${base}.`);
    await mkdir(path.dirname(target), { recursive: true });
    // `wx`: a new file, never one already there, which could be a link to a published file.
    if (typeof text === 'string' || text instanceof Uint8Array) {
      await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
      written += typeof text === 'string' ? text.length : 0;
      continue;
    }
    const handle = await open(target, 'wx');
    try {
      // writeFile on a handle writes all of a part at the current position, looping over short writes.
      for (const part of text) {
        await handle.writeFile(part, 'utf8');
        written += part.length;
      }
    } finally {
      await handle.close();
    }
  }
  return written;
}

/** Every file below `root`, as `/`-separated relative paths in code-unit order. */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  await walk('');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
