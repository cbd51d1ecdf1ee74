// Serialised feed items kept between builds. Serialising an RSS item or an
// Atom entry through the XML library costs about half a millisecond, and a
// board's site feeds list every open posting: 8,000 of them cost ~10 s of a
// rebuild that changed a hundred. An item's XML depends only on the item, its
// context in the feed (link, language) and the code, so it is stored under a
// hash of those and reused while they are unchanged.
//
// One file, `<cache>/feed-items.jsonl`: a header line (format, the code
// fingerprint, the count and a sha256 of the lines after it), then one
// `[key, xml]` line per item. Written whole to a temporary file and renamed,
// holding only the items the build just used, so it never outgrows the board.
// A file that is truncated, altered or unreadable is reported and ignored; one
// from other code is simply not used. Deleting it is always safe.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : `${this.file}: ${(error as Error).message}`;
    }
    try {
      this.stored = parseMemo(text, code);
      return null;
    } catch (error) {
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

  /** Writes the items used since loading, if it was loaded; returns why it could not, or null. */
  async save(): Promise<string | null> {
    if (this.code === null) return null;
    const lines = [...this.used].map((entry) => JSON.stringify(entry));
    const body = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    const header = JSON.stringify({ format: FORMAT, code: this.code, count: lines.length, sha256: createHash('sha256').update(body).digest('hex') });
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, `${header}\n${body}`);
      await rename(temporary, this.file);
      return null;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return `${this.file}: ${(error as Error).message}`;
    }
  }
}

function parseMemo(text: string, code: string): Map<string, string> {
  const headerEnd = text.indexOf('\n');
  if (headerEnd < 0) throw new Error('no header line');
  const header = JSON.parse(text.slice(0, headerEnd)) as { format?: unknown; code?: unknown; count?: unknown; sha256?: unknown };
  if (header.format !== FORMAT) throw new Error(`not a ${FORMAT} file`);
  // Items of other code are not wrong, only not ours: not a problem to report.
  if (header.code !== code) return new Map();
  const body = text.slice(headerEnd + 1);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new Error('its checksum does not match (truncated or altered)');
  const items = new Map<string, string>();
  for (const line of body.split('\n')) {
    if (line === '') continue;
    const entry = JSON.parse(line) as unknown;
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') throw new Error('an item line is not [key, xml]');
    items.set(entry[0], entry[1]);
  }
  if (items.size !== header.count) throw new Error(`it holds ${items.size} items, its header says ${String(header.count)}`);
  return items;
}
