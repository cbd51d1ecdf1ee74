// Writes generated files below a folder and counts what a folder holds.
import { mkdir, open, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** UTF-16 code units of consecutive parts written at once: large enough to amortise a write, small beside a feed. */
const WRITE_CHARS = 1 << 20;

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
      // Parts (a feed's items) are a few KB each: one write per part cost a 10,000-posting build
      // ~8 s of its main thread, so they are joined into writes of about WRITE_CHARS.
      let batch: string[] = [];
      let batched = 0;
      for (const part of text) {
        batch.push(part);
        batched += part.length;
        if (batched >= WRITE_CHARS) {
          // writeFile on a handle writes all of it at the current position, looping over short writes.
          await handle.writeFile(batch.join(''), 'utf8');
          written += batched;
          batch = [];
          batched = 0;
        }
      }
      if (batched > 0) await handle.writeFile(batch.join(''), 'utf8');
      written += batched;
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
