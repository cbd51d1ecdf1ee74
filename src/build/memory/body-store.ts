// Keeps the bodies of postings in a file instead of in memory. A posting's
// HTML body is most of its size (~14 KB in memory for a 3–8 KB Markdown
// body, as V8 holds text with any non-Latin-1 character at two bytes a
// character), so a 100,000-posting board held whole would need 1.4 GB for
// bodies alone, where its metadata needs ~0.3 GB. A build reads each body a
// few times, one posting at a time (its page, its feed entries, jobs.json),
// so the bodies are written out once as the postings are loaded and read
// back when asked for.
//
// The posting keeps its `contentHtml` property, as the `Posting` type says:
// it becomes a getter that reads the body from the file, so every reader,
// JSON.stringify and structuredClone included, sees the same string as
// before. The file is unlinked as soon as it is opened: the process holds the
// only reference, and the system frees it when the process ends, however
// it ends.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Posting } from '../../posting.ts';
import { readExactlySync, writeAllSync } from '../sync-file-io.ts';

export class BodyStore {
  private size = 0;
  private closed = false;
  private last: { offset: number; length: number; text: string } | null = null;

  private constructor(private readonly fd: number) {}

  /**
   * A store in a file of its own in `preferred` (the cache folder: on disk,
   * where a system's temporary folder may be memory), else in the system's
   * temporary folder.
   */
  static open(preferred?: string): BodyStore {
    if (preferred !== undefined) {
      try {
        mkdirSync(preferred, { recursive: true });
        return BodyStore.openIn(preferred);
      } catch {
        // An unwritable cache folder is reported by the cache itself; bodies go to the temporary folder.
      }
    }
    return BodyStore.openIn(tmpdir());
  }

  private static openIn(dir: string): BodyStore {
    const folder = mkdtempSync(path.join(dir, 'jobsite-bodies-'));
    const file = path.join(folder, 'bodies');
    const fd = openSync(file, 'w+', 0o600);
    try {
      unlinkSync(file);
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // A system that cannot remove an open file keeps it until the process ends: only a leftover.
    }
    return new BodyStore(fd);
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.size;
  }

  /** Moves `posting.contentHtml` into the file; reading it afterwards reads the file. */
  keep(posting: Posting): void {
    const descriptor = Object.getOwnPropertyDescriptor(posting, 'contentHtml');
    // Kept already (a result shared between loads, as `serve` does).
    if (descriptor?.get !== undefined) return;
    const bytes = Buffer.from(posting.contentHtml, 'utf8');
    const offset = this.size;
    writeAllSync(this.fd, bytes, offset);
    this.size += bytes.length;
    // Only numbers and the store in the closure: the body's bytes must not stay reachable from it.
    const length = bytes.length;
    Object.defineProperty(posting, 'contentHtml', {
      enumerable: true,
      configurable: true,
      get: (): string => this.read(offset, length),
    });
  }

  private read(offset: number, length: number): string {
    // A closed descriptor's number is soon another file's: never read through it.
    if (this.closed) throw new Error('A posting body was read after its store was closed.');
    // A body is read a few times in a row (a template looks a value up twice, the JSON-LD reads it too).
    // (An empty body takes no room: the next body starts at its offset, so the length is compared too.)
    if (this.last?.offset === offset && this.last.length === length) return this.last.text;
    const text = readExactlySync(this.fd, offset, length, 'The posting bodies file ended early; it was changed by another program.').toString('utf8');
    this.last = { offset, length, text };
    return text;
  }

  /** Closes the file; bodies kept in it can no longer be read. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.last = null;
    closeSync(this.fd);
  }
}
