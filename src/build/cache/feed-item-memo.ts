// Serialised feed items kept between builds. Serialising an RSS item or an
// Atom entry through the XML library costs about half a millisecond, and a
// board's site feeds list every open posting: 8,000 of them cost ~10 s of a
// rebuild that changed a hundred. An item's XML depends only on the item, its
// context in the feed (link, language) and the code, so it is stored under a
// hash of those and reused while they are unchanged.
//
// One file, `<cache>/feed-items.jsonl`: a header line (format, the code
// fingerprint), one `[key, xml]` line per item, and a closing line with the
// count and a sha256 of every line before it. Streamed to a temporary file and
// renamed, holding only the items the build just used, so it never outgrows
// the board; read back line by line, so neither ever holds the file whole
// (~110 MB at 10,000 postings).
// A file that is truncated, altered or unreadable is reported and ignored; one
// from other code is simply not used. Deleting it is always safe.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SerialisedItemMemo } from '../../render/feeds/index.ts';

const FORMAT = 'jobsite-feed-items-1';
const FILE = 'feed-items.jsonl';

export class FeedItemMemo implements SerialisedItemMemo {
  private stored = new Map<string, string>();
  private readonly used = new Map<string, string>();
  private code: string | null = null;

  private constructor(private readonly file: string) {}

  /** The memo of `cacheDir`, nothing read yet: a build that makes no feed never reads it. */
  static at(cacheDir: string): FeedItemMemo {
    return new FeedItemMemo(path.join(path.resolve(cacheDir), FILE));
  }

  /**
   * Reads the items stored for code `code` (a fingerprint of the rendering
   * code and its libraries); returns why the file was unusable, or null. An
   * unusable file is only not used: the next `save` replaces it.
   */
  async load(code: string): Promise<string | null> {
    if (this.code !== null) return null;
    this.code = code;
    try {
      this.stored = await readMemo(this.file, code);
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return `${this.file}: ${(error as Error).message}`;
    }
  }

  get(key: string): string | undefined {
    const xml = this.used.get(key) ?? this.stored.get(key);
    if (xml !== undefined) this.used.set(key, xml);
    return xml;
  }

  set(key: string, xml: string): void {
    this.used.set(key, xml);
  }

  /** Writes the items used since loading, if it was loaded, and lets go of them; returns why it could not, or null. */
  async save(): Promise<string | null> {
    if (this.code === null) return null;
    try {
      return await this.write();
    } finally {
      // A build saves once, after its feeds: the ~100 MB of items need not outlive it.
      this.stored = new Map();
      this.used.clear();
    }
  }

  private async write(): Promise<string | null> {
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      const handle = await open(temporary, 'w');
      try {
        const header = `${JSON.stringify({ format: FORMAT, code: this.code })}\n`;
        await handle.write(header);
        const hash = createHash('sha256').update(header);
        let chunk = '';
        for (const entry of this.used) {
          chunk += `${JSON.stringify(entry)}\n`;
          if (chunk.length < 1 << 20) continue;
          hash.update(chunk);
          await handle.write(chunk);
          chunk = '';
        }
        hash.update(chunk);
        await handle.write(`${chunk}${JSON.stringify({ count: this.used.size, sha256: hash.digest('hex') })}\n`);
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
      return null;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return `${this.file}: ${(error as Error).message}`;
    }
  }
}

async function readMemo(file: string, code: string): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  // Every byte before the closing line is checksummed; a line is hashed once the next one shows it is not the last.
  const hash = createHash('sha256');
  let header = false;
  let pending: Buffer | null = null;
  let rest: Buffer = Buffer.alloc(0);
  const take = (line: Buffer): boolean => {
    if (pending !== null) {
      hash.update(pending).update('\n');
      if (!header) {
        const { format, code: written } = JSON.parse(pending.toString('utf8')) as { format?: unknown; code?: unknown };
        if (format !== FORMAT) throw new Error(`not a ${FORMAT} file`);
        // Items of other code are not wrong, only not ours: not a problem to report.
        if (written !== code) return false;
        header = true;
      } else {
        const entry = JSON.parse(pending.toString('utf8')) as unknown;
        if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') throw new Error('an item line is not [key, xml]');
        items.set(entry[0], entry[1]);
      }
    }
    pending = line;
    return true;
  };
  // Read in chunks rather than as one string: the file grows with the board.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    let data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    let newline: number;
    while ((newline = data.indexOf(10)) >= 0) {
      if (!take(data.subarray(0, newline))) return new Map();
      data = data.subarray(newline + 1);
    }
    rest = Buffer.from(data);
  }
  if (rest.length > 0) throw new Error('its last line is cut off (truncated)');
  if (pending === null) throw new Error('it is empty');
  if (!header) throw new Error('it has no items and no closing line (truncated)');
  const closing = JSON.parse((pending as Buffer).toString('utf8')) as { count?: unknown; sha256?: unknown };
  if (closing.sha256 !== hash.digest('hex')) throw new Error('its checksum does not match (truncated or altered)');
  if (closing.count !== items.size) throw new Error(`it holds ${items.size} items, its closing line says ${String(closing.count)}`);
  return items;
}
