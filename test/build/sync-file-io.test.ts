import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExactlySync, writeAllSync } from '../../src/build/sync-file-io.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'jobsite-sync-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readExactlySync and writeAllSync', () => {
  it('write at positions or after what was written, and read back exactly the span asked for', () => {
    const file = path.join(dir, 'spans');
    const fd = openSync(file, 'w+');
    try {
      writeAllSync(fd, Buffer.from('hello '));
      writeAllSync(fd, Buffer.from('world'));
      // A write at a position leaves the current position where it was.
      writeAllSync(fd, Buffer.from('W'), 6);
      const big = Buffer.alloc(3 << 20, 'é');
      writeAllSync(fd, big, 11);
      expect(readExactlySync(fd, 0, 11, 'short').toString()).toBe('hello World');
      expect(readExactlySync(fd, 11, big.length, 'short').equals(big)).toBe(true);
      expect(readExactlySync(fd, 4, 0, 'short').length).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file).subarray(0, 11).toString()).toBe('hello World');
  });

  it('says what the caller gave when the file ends before the span does', () => {
    const file = path.join(dir, 'short');
    const fd = openSync(file, 'w+');
    try {
      writeAllSync(fd, Buffer.from('abc'));
      expect(() => readExactlySync(fd, 1, 5, 'the file ended early')).toThrow('the file ended early');
    } finally {
      closeSync(fd);
    }
  });
});
