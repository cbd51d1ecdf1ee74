// What the last build wrote, so that the next one writes only what changed.
// Every file of a build is recorded with the fingerprint of what it was made
// from (its page view, the templates, the code) and the size and mtime it had
// once published. A new build whose file would have the same fingerprint
// hard-links the published file into its temporary folder instead of making
// it again, but only while that file is still exactly as recorded: anything
// touched, missing or unknown is made afresh. The record lives in the build
// cache (`<cache>/outputs/`), never in the published site, and a record that
// cannot be read only makes the build a full one. The file operations are
// synchronous on purpose: tens of thousands of stats and links, each a
// microsecond or so, cost seconds as promise round trips through the pool.
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MANIFEST_VERSION = 1;
/** The fingerprint of a file that is made on every build: no computed fingerprint equals it. */
const ALWAYS_MADE = '-';
const LEADING_SLASH = /^\//;

interface RecordedFile {
  fingerprint: string;
  size: number;
  mtimeMs: number;
}

interface Manifest {
  version: number;
  outDir: string;
  /** Fingerprint of every input of the build that wrote this (see build-input-key.ts), if known. */
  inputKey: string | null;
  /** What that build reported, for a build that finds nothing to do; opaque here. */
  report: unknown;
  files: Record<string, RecordedFile>;
}

export interface ReuseStats {
  /** Files taken from the previous build. */
  reused: number;
  /** Files made by this build. */
  made: number;
}

export class PreviousOutput {
  readonly stats: ReuseStats = { reused: 0, made: 0 };
  /** Why the record of the last build was not used, if it was unusable. */
  readonly problem: string | null;
  /** The last build's input fingerprint and report, when recorded. */
  readonly inputKey: string | null;
  readonly report: unknown;
  private readonly previous: ReadonlyMap<string, RecordedFile>;
  private readonly next = new Map<string, string>();
  private readonly madeFolders = new Set<string>();
  /** Files hard-linked from the last build: still exactly as recorded then. */
  private readonly linked = new Set<string>();

  /**
   * Set for a build that updates the published folder in place: a file taken
   * from the last build then simply stays where it is.
   */
  inPlace = false;

  private constructor(
    private readonly manifestFile: string | null,
    private readonly outDir: string,
    previous: Map<string, RecordedFile>,
    problem: string | null,
    recorded: Pick<Manifest, 'inputKey' | 'report'> = { inputKey: null, report: null },
  ) {
    this.previous = previous;
    this.problem = problem;
    this.inputKey = recorded.inputKey;
    this.report = recorded.report;
  }

  /** No record: every file is made. */
  static none(outDir: string): PreviousOutput {
    return new PreviousOutput(null, path.resolve(outDir), new Map(), null);
  }

  /** The record of the last build into `outDir`, kept in `cacheDir`. */
  static async open(cacheDir: string, outDir: string): Promise<PreviousOutput> {
    const resolved = path.resolve(outDir);
    const manifestFile = path.join(cacheDir, 'outputs', `${createHash('sha256').update(resolved).digest('hex').slice(0, 24)}.json`);
    let text: string;
    try {
      text = await readFile(manifestFile, 'utf8');
    } catch {
      return new PreviousOutput(manifestFile, resolved, new Map(), null);
    }
    try {
      const manifest = JSON.parse(text) as Manifest;
      if (manifest.version !== MANIFEST_VERSION || manifest.outDir !== resolved || typeof manifest.files !== 'object' || manifest.files === null) {
        throw new Error('written by another version or for another folder');
      }
      const files = new Map<string, RecordedFile>();
      for (const [file, recorded] of Object.entries(manifest.files)) {
        if (typeof recorded?.fingerprint !== 'string' || typeof recorded.size !== 'number' || typeof recorded.mtimeMs !== 'number') throw new Error(`its entry for ${file} is malformed`);
        files.set(file, recorded);
      }
      const inputKey = typeof manifest.inputKey === 'string' ? manifest.inputKey : null;
      return new PreviousOutput(manifestFile, resolved, files, null, { inputKey, report: manifest.report ?? null });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return new PreviousOutput(manifestFile, resolved, new Map(), `${manifestFile}: ${reason}`);
    }
  }

  /**
   * Puts the published `file` into `tempDir` when it was made from `fingerprint`
   * and is unchanged since; true when it did. Either way the file is recorded
   * as made from `fingerprint`, so a caller that gets false must make it.
   */
  async reuse(tempDir: string, file: string, fingerprint: string): Promise<boolean> {
    this.next.set(file, fingerprint);
    if (await this.take(tempDir, file, fingerprint)) {
      this.stats.reused++;
      return true;
    }
    this.stats.made++;
    return false;
  }

  /** Like `reuse` for every recorded file below `folder` at once: all of them, or none. */
  async reuseFolder(tempDir: string, folder: string, fingerprint: string): Promise<boolean> {
    const files = this.recordedBelow(folder);
    if (!files.every((file) => this.previous.get(file)!.fingerprint === fingerprint)) return false;
    return this.takeFolder(tempDir, folder, files);
  }

  /**
   * Puts every recorded file below `folder` into `tempDir` whatever it was made
   * from, keeping the old fingerprints, so that the next build that asks for
   * the current one makes the folder again. For a quick preview only.
   */
  async keepFolder(tempDir: string, folder: string): Promise<boolean> {
    return this.takeFolder(tempDir, folder, this.recordedBelow(folder));
  }

  private recordedBelow(folder: string): string[] {
    return [...this.previous.keys()].filter((file) => file.startsWith(`${folder}/`));
  }

  /** Takes all of `files` with their recorded fingerprints, or none of them. */
  private async takeFolder(tempDir: string, folder: string, files: readonly string[]): Promise<boolean> {
    if (files.length === 0 || !this.unchangedSync(files)) return false;
    for (const file of files) {
      const { fingerprint } = this.previous.get(file)!;
      if (!(await this.take(tempDir, file, fingerprint))) {
        // Links to published files must not stay where the folder is now made afresh.
        await this.dropFolder(tempDir, folder, files);
        return false;
      }
      this.next.set(file, fingerprint);
    }
    this.stats.reused += files.length;
    return true;
  }

  /** Like `keepFolder` for one file. */
  async keepFile(tempDir: string, file: string): Promise<boolean> {
    const recorded = this.previous.get(file);
    if (!recorded || recorded.fingerprint === ALWAYS_MADE || !(await this.take(tempDir, file, recorded.fingerprint))) return false;
    this.next.set(file, recorded.fingerprint);
    this.stats.reused++;
    return true;
  }

  /** Removes what a failed `reuseFolder`/`keepFolder` put below `folder`, and forgets it. */
  private async dropFolder(tempDir: string, folder: string, files: readonly string[]): Promise<void> {
    await rm(path.join(tempDir, folder), { recursive: true, force: true });
    for (const file of files) {
      this.next.delete(file);
      this.linked.delete(file);
    }
  }

  /** Removes the record of the last build: the next build makes every file. */
  async forget(): Promise<void> {
    if (this.manifestFile !== null) await rm(this.manifestFile, { force: true }).catch(() => undefined);
  }

  /** Records the files a caller made below `folder` (after `reuseFolder` said false). */
  recordFolder(files: readonly string[], folder: string, fingerprint: string): void {
    for (const file of files) {
      if (file.startsWith(`${folder}/`)) {
        this.next.set(file, fingerprint);
        this.stats.made++;
      }
    }
  }

  /** Whether `outDir` holds exactly the files the last build recorded, each as it was published. */
  isIntact(): boolean {
    if (this.previous.size === 0) return false;
    let present: string[];
    try {
      // Paths cut rather than computed with path.relative: this runs over every published file.
      const prefix = this.outDir.length + 1;
      present = readdirSync(this.outDir, { recursive: true, withFileTypes: true })
        .filter((entry) => !entry.isDirectory())
        // `parentPath` from Node 20.12; `path` before it.
        .map((entry) => `${(entry.parentPath ?? (entry as unknown as { path: string }).path).slice(prefix)}/${entry.name}`.replace(LEADING_SLASH, '').split(path.sep).join('/'));
    } catch {
      return false;
    }
    return present.length === this.previous.size && present.every((file) => this.previous.has(file)) && this.unchangedSync(present);
  }

  /**
   * Records the rest of the files a build wrote (the home page, assets…): made
   * every time, never reused, but part of what an intact output holds.
   */
  recordRest(files: readonly string[]): void {
    for (const file of files) {
      if (!this.next.has(file)) {
        this.next.set(file, ALWAYS_MADE);
        this.stats.made++;
      }
    }
  }

  /**
   * Writes the record of what is now published in `outDir`. Called after the
   * swap; a failure only costs the next build its reuse, so it is not thrown.
   */
  async save(recorded: Pick<Manifest, 'inputKey' | 'report'> = { inputKey: null, report: null }): Promise<string | null> {
    if (this.manifestFile === null) return null;
    try {
      const files: Record<string, RecordedFile> = {};
      for (const [file, fingerprint] of [...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const kept = this.linked.has(file) ? this.previous.get(file) : undefined;
        const stats = kept ?? lstatSync(path.join(this.outDir, file));
        files[file] = { fingerprint, size: stats.size, mtimeMs: stats.mtimeMs };
      }
      const manifest: Manifest = { version: MANIFEST_VERSION, outDir: this.outDir, inputKey: recorded.inputKey, report: recorded.report, files };
      await mkdir(path.dirname(this.manifestFile), { recursive: true });
      const temp = `${this.manifestFile}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(manifest));
      await rename(temp, this.manifestFile);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** How many files the last build recorded. */
  get recordedFiles(): number {
    return this.previous.size;
  }

  /** How many files this build has recorded so far. */
  get nextFiles(): number {
    return this.next.size;
  }

  /** In place: removes the published files the last build recorded and this one does not make. */
  removeUnmade(): void {
    for (const file of this.previous.keys()) if (!this.next.has(file)) rmSync(path.join(this.outDir, file), { force: true });
  }

  private async take(tempDir: string, file: string, fingerprint: string): Promise<boolean> {
    const recorded = this.previous.get(file);
    if (recorded?.fingerprint !== fingerprint || !this.unchangedSync([file])) return false;
    if (this.inPlace) {
      this.linked.add(file);
      return true;
    }
    const target = path.join(tempDir, file);
    const folder = path.dirname(target);
    if (!this.madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.madeFolders.add(folder);
    }
    // A hard link costs no copy; the published file is never written again (the next build
    // replaces whole files), so sharing it is safe. Copy where links are not allowed.
    try {
      linkSync(path.join(this.outDir, file), target);
      this.linked.add(file);
    } catch {
      try {
        copyFileSync(path.join(this.outDir, file), target);
      } catch {
        return false;
      }
    }
    return true;
  }

  private unchangedSync(files: readonly string[]): boolean {
    for (const file of files) {
      const recorded = this.previous.get(file);
      if (!recorded) return false;
      try {
        const stats = lstatSync(path.join(this.outDir, file));
        if (!stats.isFile() || stats.size !== recorded.size || stats.mtimeMs !== recorded.mtimeMs) return false;
      } catch {
        return false;
      }
    }
    return true;
  }
}

/** Hex sha256 of the given parts, each ended by a NUL so that no two lists of parts collide. */
export function fingerprintOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
}
