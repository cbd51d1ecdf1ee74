// A persistent, content-addressed store of posting results: the key is a
// hash of everything a result depends on (the digest of the file's bytes, its path, the
// pipeline fingerprint, the settings the normalisers read), so an entry is
// either exactly right or never looked up. Entries are written atomically
// (temporary file, then rename) and carry a checksum; one that is corrupt,
// truncated or from another format is reported, ignored and rewritten, never
// trusted. Deleting the folder is always safe.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BoardConfig } from '../../board.ts';
import type { PostingResult } from '../posting-result.ts';
import { CACHE_VERSION, pipelineFingerprint } from './pipeline-fingerprint.ts';

const MAGIC = 'jobsite-posting-cache';

export interface PostingCacheOptions {
  /** The cache folder, e.g. `<cwd>/.cache/jobsite`. */
  dir: string;
  /** Defaults to the fingerprint of this package's sources. */
  fingerprint?: string;
}

export class PostingCache {
  readonly dir: string;
  /** Entries found unusable since this cache was opened: `path: why`. */
  readonly problems: string[] = [];
  /** Why writing was given up (the folder is read-only, the disk is full…), if it was. */
  writeProblem: string | null = null;
  private readonly fingerprint: string;

  private constructor(dir: string, fingerprint: string) {
    this.dir = dir;
    this.fingerprint = fingerprint;
  }

  static async open(options: PostingCacheOptions): Promise<PostingCache> {
    return new PostingCache(path.resolve(options.dir), options.fingerprint ?? (await pipelineFingerprint()));
  }

  /** The key of a result: `digest` is the `contentDigest` of the bytes the result is made from. */
  key(relativePath: string, digest: string, config: Pick<BoardConfig, 'siteUrl' | 'validityDays'>): string {
    return createHash('sha256').update(JSON.stringify([CACHE_VERSION, this.fingerprint, relativePath, config.siteUrl, config.validityDays, digest])).digest('hex');
  }

  entryPath(key: string): string {
    return path.join(this.dir, 'postings', key.slice(0, 2), `${key}.json`);
  }

  /** The stored result, or null when there is none or it cannot be trusted (then `problems` says why). */
  async get(key: string): Promise<PostingResult | null> {
    const file = this.entryPath(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      // ENOTDIR: the cache folder is not a folder; the write that follows reports that once.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.problems.push(`${file}: unreadable (${code ?? 'error'})`);
      return null;
    }
    const why = checkEntry(text, key);
    if (typeof why === 'string') {
      this.problems.push(`${file}: ${why}`);
      return null;
    }
    return why;
  }

  async set(key: string, result: PostingResult): Promise<void> {
    if (this.writeProblem !== null || result.askedGit) return;
    const payload = JSON.stringify({ entry: result.entry, messages: result.messages });
    const text = `${MAGIC} ${CACHE_VERSION} ${key} ${sha256(payload)}\n${payload}`;
    const file = this.entryPath(key);
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch (error) {
      this.writeProblem = `${(error as NodeJS.ErrnoException).code ?? 'error'} writing ${file}`;
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** The result stored in `text`, or why it cannot be used. */
function checkEntry(text: string, key: string): PostingResult | string {
  const newline = text.indexOf('\n');
  if (newline < 0) return 'truncated (no header line)';
  const [magic, version, storedKey, checksum, ...rest] = text.slice(0, newline).split(' ');
  if (magic !== MAGIC || rest.length > 0) return 'not a jobsite cache entry';
  if (version !== String(CACHE_VERSION)) return `cache format ${version ?? '?'}, expected ${CACHE_VERSION}`;
  if (storedKey !== key) return 'stored under the wrong key';
  const payload = text.slice(newline + 1);
  if (checksum !== sha256(payload)) return 'checksum mismatch (corrupt or truncated)';
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return 'payload is not JSON';
  }
  if (!isResultShape(data)) return 'payload has the wrong shape';
  return { entry: data.entry, messages: data.messages, askedGit: false };
}

function isResultShape(data: unknown): data is Pick<PostingResult, 'entry' | 'messages'> {
  if (typeof data !== 'object' || data === null) return false;
  const { entry, messages } = data as Record<string, unknown>;
  const entryOk = entry === null || (typeof entry === 'object' && typeof (entry as Record<string, unknown>)['posting'] === 'object' && typeof (entry as Record<string, unknown>)['file'] === 'string');
  const messagesOk = Array.isArray(messages) && messages.every((message) => typeof message === 'object' && message !== null && typeof (message as Record<string, unknown>)['reason'] === 'string');
  return entryOk && messagesOk;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
