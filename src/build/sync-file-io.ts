// Whole reads and writes on an open file descriptor, synchronously. The
// system may read or write fewer bytes than asked; these loop until all of
// them are done. The body store and the feed item memo read many small spans
// in a row, where a synchronous call costs less than an asynchronous one.
import { readSync, writeSync } from 'node:fs';

/** Exactly `length` bytes from `offset`; throws `endedEarly` as the message when the file is shorter. */
export function readExactlySync(fd: number, offset: number, length: number, endedEarly: string): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, buffer, read, length - read, offset + read);
    if (got === 0) throw new Error(endedEarly);
    read += got;
  }
  return buffer;
}

/** All of `bytes`, at `position`, or at the file's current position when it is absent. */
export function writeAllSync(fd: number, bytes: Uint8Array, position?: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written, position === undefined ? null : position + written);
  }
}
