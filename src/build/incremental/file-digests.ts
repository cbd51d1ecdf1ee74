// Digests of the posting files, kept between builds so that deciding whether
// anything changed does not read every posting again. As git's index does, a
// file's recorded digest is reused only while its identity and timestamps
// (device, inode, size, mtime and ctime) are as recorded; any write to a file
// changes its ctime, which no tool can set back. A record is dated when its
// build began taking digests, and a file whose timestamps are not older than
// that by RACY_MS is always read again: a write just after it was read may
// carry the same (coarse) timestamp as the one recorded. The record is only ever
// a shortcut to a digest of the bytes; if it is missing or unreadable, every
// file is read.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Room for file systems with coarse timestamps (FAT keeps mtimes to 2 s). */
const RACY_MS = 2_000;
const FORMAT = 'jobsite-file-digests 1';

/** [dev, ino, size, mtimeMs, ctimeMs, digest] */
type Entry = [number, number, number, number, number, string];

interface Record {
  format: string;
  /** When taking the digests began (ms since the epoch): every file was stated after it. */
  takenAt: number;
  files: { [relativePath: string]: Entry };
}

export class FileDigests {
  readonly #file: string;
  readonly #previous: Map<string, Entry>;
  readonly #previousTakenAt: number;
  readonly #current = new Map<string, Entry>();
  readonly #startedAt: number;
  #read = 0;

  private constructor(file: string, previous: Map<string, Entry>, takenAt: number, now: number) {
    this.#file = file;
    this.#previous = previous;
    this.#previousTakenAt = takenAt;
    this.#startedAt = now;
  }

  /**
   * The record for `contentDir` in `cacheDir`; an empty one if there is none or
   * it cannot be read. `now` is the clock (tests move it).
   */
  static async open(cacheDir: string, contentDir: string, now: () => number = Date.now): Promise<FileDigests> {
    const name = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 32);
    const file = path.join(cacheDir, 'inputs', `${name}.json`);
    const record = await readFile(file, 'utf8').then(parseRecord, () => null);
    return new FileDigests(file, new Map(Object.entries(record?.files ?? {})), record?.takenAt ?? 0, now());
  }

  /** Whether a record of an earlier build was found: without one, every file is read. */
  get hasRecord(): boolean {
    return this.#previous.size > 0;
  }

  /** How many files were read because no recorded digest could be trusted. */
  get filesRead(): number {
    return this.#read;
  }

  /**
   * The digest of the file's bytes, or of why it cannot be a posting: too large
   * (the loader refuses it unread) or unreadable.
   */
  digest(file: string, relativePath: string, maxBytes: number): string {
    let stats: Stats;
    try {
      stats = statSync(file);
    } catch (error) {
      return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
    const known = this.#trustedFor(relativePath, stats);
    if (known !== null) return known;
    if (stats.size > maxBytes) return `too large: ${stats.size} ${stats.mtimeMs}`;
    let bytes: Buffer;
    try {
      // Synchronous: thousands of small reads, each far cheaper than a promise round trip.
      bytes = readFileSync(file);
    } catch (error) {
      return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
    return this.remember(relativePath, stats, bytes);
  }

  /**
   * The recorded digest of the file, if its identity and timestamps are as
   * recorded and it was settled when the digest was taken; else null, and the
   * caller reads the file. Digests taken earlier in this process count too.
   */
  trusted(file: string, relativePath: string): string | null {
    if (!this.#current.has(relativePath) && !this.#previous.has(relativePath)) return null;
    let stats: Stats;
    try {
      stats = statSync(file);
    } catch {
      return null;
    }
    return this.#trustedFor(relativePath, stats);
  }

  #trustedFor(relativePath: string, { dev, ino, size, mtimeMs, ctimeMs }: Stats): string | null {
    const current = this.#current.get(relativePath);
    const known = current ?? this.#previous.get(relativePath);
    if (known === undefined) return null;
    const takenAt = current === undefined ? this.#previousTakenAt : this.#startedAt;
    const settled = Math.max(mtimeMs, ctimeMs) < takenAt - RACY_MS;
    if (!settled || known[0] !== dev || known[1] !== ino || known[2] !== size || known[3] !== mtimeMs || known[4] !== ctimeMs) return null;
    this.#current.set(relativePath, known);
    return known[5];
  }

  /** Records the digest of `bytes`, read from the file after `stats` were taken (so a write in between shows as a changed ctime). */
  remember(relativePath: string, stats: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>, bytes: Uint8Array): string {
    this.#read++;
    const entry: Entry = [stats.dev, stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs, contentDigest(bytes)];
    this.#current.set(relativePath, entry);
    return entry[5];
  }

  /** Keeps the digests taken for the next build; a failure to write only costs that build a full read. */
  async save(): Promise<void> {
    if (this.#read === 0 && this.#current.size === this.#previous.size) return;
    const record: Record = { format: FORMAT, takenAt: this.#startedAt, files: Object.fromEntries(this.#current) };
    const temporary = `${this.#file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.#file), { recursive: true });
      await writeFile(temporary, JSON.stringify(record));
      await rename(temporary, this.#file);
    } catch {
      // Only a shortcut; the next build reads the files instead.
    }
  }
}

/** The digest a file's bytes are known by, here and in the posting cache's keys. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

function parseRecord(text: string): Record | null {
  try {
    const record = JSON.parse(text) as Partial<Record> | null;
    if (record === null || typeof record !== 'object' || record.format !== FORMAT || typeof record.takenAt !== 'number') return null;
    const files = record.files;
    if (files === null || typeof files !== 'object' || Array.isArray(files)) return null;
    for (const entry of Object.values(files)) if (!isEntry(entry)) return null;
    return record as Record;
  } catch {
    return null;
  }
}

function isEntry(value: unknown): value is Entry {
  return Array.isArray(value) && value.length === 6 && value.slice(0, 5).every((part) => typeof part === 'number') && typeof value[5] === 'string';
}
