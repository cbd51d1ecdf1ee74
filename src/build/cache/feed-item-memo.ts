// Serialised feed items kept between builds. Making an RSS item or an Atom
// entry reads the posting's body back and makes its summary and content
// HTML (~0.2 ms an item, ~0.6 ms an entry, since they are written as text;
// through xmlbuilder2's DOM it was ~2.4 ms), and a board's site feeds list
// every open posting. An item's XML depends only on the item, its context in
// the feed (link, language) and the code, so it is stored under a hash of
// those and reused while they are unchanged. Whether reading it back still
// beats making it again has not been measured since the DOM went.
//
// One file, `<cache>/feed-items.jsonl`: a header line (format, the code
// fingerprint), one `<id> <XML as a JSON string>` line per item (the id is
// the item key's sha256, base64url), and a closing line with the count and a
// sha256 of every line before it. The items are never all in memory (an Atom
// entry holds the whole body: ~1 GB of text at 100,000 postings): loading
// reads the file once, to check it and note where each item's line is, and
// `get` reads that line; items the build uses are appended to a temporary
// file as they come, which `save` completes and renames over the old one, so
// the file holds just the items of the last build and never outgrows the board.
// A file that is truncated, altered or unreadable is reported and ignored; one
// from other code is simply not used. Deleting it is always safe.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SerialisedItemMemo } from '../../render/feeds/index.ts';
import { readExactlySync, writeAllSync } from '../sync-file-io.ts';

const FORMAT = 'jobsite-feed-items-2';
const FILE = 'feed-items.jsonl';
/** Characters of an item id: 32 bytes of sha256 in base64url. */
const ID_LENGTH = 43;
const READ_CHUNK = 1 << 22;
const WRITE_CHUNK = 1 << 20;
const ENDED_EARLY = 'the feed item file ended early; it was changed while the build ran';

/** Where a line is in its file, without its newline. */
interface Span {
  offset: number;
  length: number;
}

/** The file being written: lines are buffered and written a chunk at a time. */
interface NextFile {
  fd: number;
  temporary: string;
  lines: Map<string, Span>;
  /** Bytes of the file, the buffered ones included. */
  end: number;
  buffered: Buffer[];
  bufferedBytes: number;
  hash: Hash;
}

export class FeedItemMemo implements SerialisedItemMemo {
  private code: string | null = null;
  private stored: { fd: number; lines: Map<string, Span> } | null = null;
  private next: NextFile | null = null;
  /** Why the file being written was given up, if it was. */
  private writeProblem: string | null = null;

  private constructor(private readonly file: string) {}

  /** The memo of `cacheDir`, nothing read yet: a build that makes no feed never reads it. */
  static at(cacheDir: string): FeedItemMemo {
    return new FeedItemMemo(path.join(path.resolve(cacheDir), FILE));
  }

  /**
   * Reads where the items stored for code `code` (a fingerprint of the
   * rendering code and its libraries) are; returns why the file was
   * unusable, or null. An unusable file is only not used: the next `save`
   * replaces it.
   */
  async load(code: string): Promise<string | null> {
    if (this.code !== null) return null;
    this.code = code;
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return `${this.file}: ${(error as Error).message}`;
    }
    try {
      const lines = indexMemo(fd, code);
      if (lines === null) {
        closeSync(fd);
        return null;
      }
      this.stored = { fd, lines };
      return null;
    } catch (error) {
      closeSync(fd);
      return `${this.file}: ${(error as Error).message}`;
    }
  }

  get(key: string): string | undefined {
    if (this.code === null) return undefined;
    const id = itemId(key);
    const fresh = this.next?.lines.get(id);
    if (fresh !== undefined) {
      // Written only when the line is still in the buffer: listing feeds ask again for items written long ago.
      if (fresh.offset >= this.next!.end - this.next!.bufferedBytes) flush(this.next!);
      return xmlOf(readExactlySync(this.next!.fd, fresh.offset, fresh.length, ENDED_EARLY));
    }
    const span = this.stored?.lines.get(id);
    if (span === undefined) return undefined;
    const line = readExactlySync(this.stored!.fd, span.offset, span.length, ENDED_EARLY);
    const xml = xmlOf(line);
    if (xml !== undefined) this.append(id, line);
    return xml;
  }

  set(key: string, xml: string): void {
    if (this.code === null) return;
    const id = itemId(key);
    if (this.next?.lines.has(id)) return;
    this.append(id, Buffer.from(`${id} ${JSON.stringify(xml)}`, 'utf8'));
  }

  /** Completes the file of the items used since loading, if it was loaded, in place of the old one; returns why it could not, or null. */
  async save(): Promise<string | null> {
    if (this.code === null) return null;
    const next = this.next ?? this.startNext();
    try {
      if (next === null || this.writeProblem !== null) return `${this.file}: ${this.writeProblem ?? 'not written'}`;
      flush(next);
      writeAllSync(next.fd, Buffer.from(`${JSON.stringify({ count: next.lines.size, sha256: next.hash.digest('hex') })}\n`));
      closeSync(next.fd);
      this.next = null;
      try {
        renameSync(next.temporary, this.file);
      } catch (error) {
        rmSync(next.temporary, { force: true });
        throw error;
      }
      return null;
    } catch (error) {
      return `${this.file}: ${(error as Error).message}`;
    } finally {
      this.discard();
    }
  }

  /** Lets go of the files without saving (a build that did not make the site feeds keeps the old file). */
  discard(): void {
    if (this.stored !== null) closeSync(this.stored.fd);
    this.stored = null;
    if (this.next !== null) {
      closeSync(this.next.fd);
      rmSync(this.next.temporary, { force: true });
      this.next = null;
    }
  }

  private append(id: string, line: Buffer): void {
    const next = this.next ?? this.startNext();
    if (next === null) return;
    next.lines.set(id, { offset: next.end, length: line.length });
    next.buffered.push(line, NEWLINE);
    next.bufferedBytes += line.length + 1;
    next.end += line.length + 1;
    if (next.bufferedBytes >= WRITE_CHUNK) {
      try {
        flush(next);
      } catch (error) {
        this.giveUp(error);
      }
    }
  }

  private startNext(): NextFile | null {
    if (this.writeProblem !== null) return null;
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const fd = openSync(temporary, 'w+');
      const header = Buffer.from(`${JSON.stringify({ format: FORMAT, code: this.code })}\n`);
      this.next = { fd, temporary, lines: new Map(), end: header.length, buffered: [header], bufferedBytes: header.length, hash: createHash('sha256') };
      return this.next;
    } catch (error) {
      this.giveUp(error);
      return null;
    }
  }

  /** A full disk or a vanished folder costs the next build time, never this build its feeds. */
  private giveUp(error: unknown): void {
    this.writeProblem = (error as Error).message;
    if (this.next !== null) {
      try {
        closeSync(this.next.fd);
      } catch {
        // Already unusable.
      }
      rmSync(this.next.temporary, { force: true });
      this.next = null;
    }
  }
}

const NEWLINE = Buffer.from('\n');

function itemId(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function flush(next: NextFile): void {
  if (next.bufferedBytes === 0) return;
  const chunk = Buffer.concat(next.buffered);
  next.hash.update(chunk);
  writeAllSync(next.fd, chunk);
  next.buffered = [];
  next.bufferedBytes = 0;
}

/** The XML of an item line, or undefined when the line is not one (then the item is made again). */
function xmlOf(line: Buffer): string | undefined {
  try {
    const xml = JSON.parse(line.subarray(ID_LENGTH + 1).toString('utf8')) as unknown;
    return typeof xml === 'string' ? xml : undefined;
  } catch {
    return undefined;
  }
}

/** Where each item's line is, after checking the whole file; null when it was written by other code. */
function indexMemo(fd: number, code: string): Map<string, Span> | null {
  const lines = new Map<string, Span>();
  const size = fstatSync(fd).size;
  if (size === 0) throw new Error('it is empty');
  // Every byte before the closing line is checksummed; a line is hashed once the next one shows it is not the last.
  const hash = createHash('sha256');
  let header = false;
  let pending: { line: Buffer; offset: number } | null = null;
  const take = (line: Buffer, offset: number): boolean => {
    if (pending !== null) {
      hash.update(pending.line).update(NEWLINE);
      if (!header) {
        const { format, code: written } = JSON.parse(pending.line.toString('utf8')) as { format?: unknown; code?: unknown };
        if (format !== FORMAT) throw new Error(`not a ${FORMAT} file`);
        // Items of other code are not wrong, only not ours: not a problem to report.
        if (written !== code) return false;
        header = true;
      } else {
        if (pending.line.length <= ID_LENGTH || pending.line[ID_LENGTH] !== 0x20) throw new Error('an item line is not `<id> <xml>`');
        lines.set(pending.line.toString('latin1', 0, ID_LENGTH), { offset: pending.offset, length: pending.line.length });
      }
    }
    pending = { line: Buffer.from(line), offset };
    return true;
  };
  const chunk = Buffer.allocUnsafe(READ_CHUNK);
  let rest = Buffer.alloc(0);
  let restOffset = 0;
  for (let position = 0; position < size; ) {
    const got = readSync(fd, chunk, 0, Math.min(READ_CHUNK, size - position), position);
    if (got === 0) break;
    position += got;
    let data = rest.length === 0 ? chunk.subarray(0, got) : Buffer.concat([rest, chunk.subarray(0, got)]);
    let dataOffset = rest.length === 0 ? position - got : restOffset;
    let newline: number;
    while ((newline = data.indexOf(10)) >= 0) {
      if (!take(data.subarray(0, newline), dataOffset)) return null;
      data = data.subarray(newline + 1);
      dataOffset += newline + 1;
    }
    rest = Buffer.from(data);
    restOffset = dataOffset;
  }
  if (rest.length > 0) throw new Error('its last line is cut off (truncated)');
  if (pending === null) throw new Error('it is empty');
  if (!header) throw new Error('it has no items and no closing line (truncated)');
  const closing = JSON.parse((pending as { line: Buffer }).line.toString('utf8')) as { count?: unknown; sha256?: unknown };
  if (closing.sha256 !== hash.digest('hex')) throw new Error('its checksum does not match (truncated or altered)');
  if (closing.count !== lines.size) throw new Error(`it holds ${lines.size} items, its closing line says ${String(closing.count)}`);
  return lines;
}
