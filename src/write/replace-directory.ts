// Writes a folder all at once: the new contents are built in a temporary
// folder beside the target (same file system, so renames are atomic), then
// swapped in. Readers and web servers see the old folder or the new one,
// never half of each, and a failed build leaves the old one untouched.
// Another process building into the same folder is kept out by a lock file
// (output-lock.ts). A build killed between its two renames leaves no target
// but the old folder moved aside: the next build puts it back before anything.
// A preview (`serve`) may instead update the folder in place, file by file
// (`updateDirectory`): each file is replaced atomically, but a reader can see
// some new files beside old ones, and a failure can leave such a mix.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from './output-error.ts';
import { acquireOutputLock, isRunning } from './output-lock.ts';

export { OutputError } from './output-error.ts';

export interface ReplaceDirectoryOptions {
  /** Folders that must survive: the target may be neither one of them, nor inside one, nor hold one. */
  protect?: readonly string[];
  /** Runs after the swap while the output lock is still held (the record of what was published). */
  afterSwap?: () => Promise<void>;
}

// Temporary folders of builds still running in this process; never swept.
const active = new Set<string>();
// Swaps of one target run one at a time, so two builds in this process cannot interleave their renames.
const swapQueues = new Map<string, Promise<unknown>>();

/**
 * Calls `fill` with an empty temporary folder, then makes that folder `target`.
 * If `fill` or the swap fails, the temporary folder is removed and `target` is
 * left exactly as it was (or still absent). Returns what `fill` returned.
 */
export async function replaceDirectory<T>(target: string, fill: (tempDir: string) => Promise<T>, options: ReplaceDirectoryOptions = {}): Promise<T> {
  const outDir = path.resolve(target);
  assertReplaceable(outDir, options.protect ?? []);
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new OutputError(`Cannot create the folder ${parent}: ${(error as Error).message}`, { cause: error });
  }
  const release = await acquireOutputLock(outDir);
  try {
    await restoreInterruptedSwap(parent, name);
    await assertFolderOrMissing(outDir);
    await removeLeftovers(parent, name);

    const tempDir = path.join(parent, scratchName(name, 'tmp'));
    try {
      await mkdir(tempDir);
    } catch (error) {
      throw new OutputError(`Cannot create a temporary folder next to ${outDir}: ${(error as Error).message}`, { cause: error });
    }
    active.add(tempDir);
    try {
      const result = await fill(tempDir);
      const oldDir = await serialised(outDir, () => swapIn(tempDir, outDir));
      // The old tree (thousands of folders and links) goes while the record is written.
      const removing = oldDir === null ? null : removeOld(oldDir);
      try {
        await options.afterSwap?.();
      } finally {
        await removing;
      }
      return result;
    } finally {
      await removeSettled(tempDir);
      active.delete(tempDir);
    }
  } finally {
    await release();
  }
}

export interface UpdateDirectoryOptions {
  /** Runs after the new files are in place while the output lock is still held (removing files no longer made, the record). */
  afterUpdate?: () => Promise<void>;
}

/**
 * Calls `fill` with an empty temporary folder, then moves every file it wrote
 * into `target`, replacing the file of the same name. Files `fill` did not
 * write stay as they are. If `fill` fails nothing is moved; if a move fails,
 * the files moved before it stay moved (the caller then forgets its record).
 * Returns what `fill` returned.
 */
export async function updateDirectory<T>(target: string, fill: (tempDir: string) => Promise<T>, options: UpdateDirectoryOptions = {}): Promise<T> {
  const outDir = path.resolve(target);
  const release = await acquireOutputLock(outDir);
  const tempDir = path.join(path.dirname(outDir), scratchName(path.basename(outDir), 'tmp'));
  try {
    try {
      await mkdir(tempDir);
    } catch (error) {
      throw new OutputError(`Cannot create a temporary folder next to ${outDir}: ${(error as Error).message}`, { cause: error });
    }
    active.add(tempDir);
    const result = await fill(tempDir);
    for (const file of await readdir(tempDir, { recursive: true, withFileTypes: true })) {
      if (file.isDirectory()) continue;
      // `parentPath` from Node 20.12; `path` before it.
      const from = path.join(file.parentPath ?? (file as unknown as { path: string }).path, file.name);
      const to = path.join(outDir, path.relative(tempDir, from));
      try {
        await mkdir(path.dirname(to), { recursive: true });
        await rename(from, to);
      } catch (error) {
        throw new OutputError(`Cannot move ${to} into place: ${(error as Error).message}`, { cause: error });
      }
    }
    await options.afterUpdate?.();
    // Only empty folders are left: nothing can still be writing into them.
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    return result;
  } catch (error) {
    await removeSettled(tempDir);
    throw error;
  } finally {
    active.delete(tempDir);
    await release();
  }
}

/** `.<name>.tmp-<pid>-<random>`: hidden, beside the target, and recognisable as ours when a killed build leaves it behind. */
function scratchName(name: string, kind: 'tmp' | 'old'): string {
  return `.${name}.${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

function scratchPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
}

/** Makes `tempDir` the target; returns where the old target was moved, for the caller to remove, or null when there was none. */
async function swapIn(tempDir: string, outDir: string): Promise<string | null> {
  const oldDir = path.join(path.dirname(outDir), scratchName(path.basename(outDir), 'old'));
  // Registered so that a sweep by a concurrent build in this process leaves it alone; removeOld unregisters it.
  active.add(oldDir);
  let movedAside = false;
  try {
    try {
      await rename(outDir, oldDir);
      movedAside = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new OutputError(`Cannot move the old ${outDir} aside: ${(error as Error).message}`, { cause: error });
      }
    }
    try {
      await rename(tempDir, outDir);
    } catch (error) {
      if (movedAside) await rename(oldDir, outDir).catch(() => undefined);
      throw new OutputError(`Cannot move the new site into ${outDir}: ${(error as Error).message}`, { cause: error });
    }
  } catch (error) {
    active.delete(oldDir);
    throw error;
  }
  if (!movedAside) active.delete(oldDir);
  return movedAside ? oldDir : null;
}

/** The new site is in place; an old copy that cannot be removed now is swept by the next build. */
async function removeOld(oldDir: string): Promise<void> {
  try {
    await rm(oldDir, { recursive: true, force: true });
  } catch {
    // Swept by the next build.
  } finally {
    active.delete(oldDir);
  }
}

/**
 * A build killed after moving the old folder aside and before moving the new
 * one in leaves no target, only `.<name>.old-<pid>-…`: that old folder is the
 * published site, so it goes back in place (the newest, if there are several).
 */
async function restoreInterruptedSwap(parent: string, name: string): Promise<void> {
  const target = path.join(parent, name);
  if (await exists(target)) return;
  const pattern = scratchPattern(name);
  let newest: { dir: string; time: number } | null = null;
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const match = pattern.exec(entry);
    if (!match || match[1] !== 'old') continue;
    const pid = Number(match[2]);
    const dir = path.join(parent, entry);
    if (active.has(dir) || (pid !== process.pid && isRunning(pid))) continue;
    const time = await stat(dir).then((info) => (info.isDirectory() ? info.mtimeMs : null), () => null);
    if (time !== null && (newest === null || time > newest.time)) newest = { dir, time };
  }
  if (newest) await rename(newest.dir, target).catch(() => undefined);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Removes temporary and old folders of earlier builds of `name` whose process is gone. */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const pattern = scratchPattern(name);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const scratch = path.join(parent, entry);
    const pid = Number(match[2]);
    if (active.has(scratch) || (pid !== process.pid && isRunning(pid))) continue;
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function assertFolderOrMissing(outDir: string): Promise<void> {
  try {
    if (!(await stat(outDir)).isDirectory()) throw new OutputError(`${outDir} exists and is not a folder; choose another output folder.`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError(`Cannot read ${outDir}: ${(error as Error).message}`, { cause: error });
  }
}

// Replacing the output folder deletes what was there: refuse targets whose loss would be a disaster.
function assertReplaceable(outDir: string, protect: readonly string[]): void {
  if (path.dirname(outDir) === outDir) throw new OutputError(`Refusing to replace ${outDir}, the root of the file system; choose an output folder such as ./_site.`);
  if (contains(outDir, process.cwd())) throw new OutputError(`Refusing to replace ${outDir}: it holds the current working folder; choose an output folder such as ./_site.`);
  for (const kept of protect.map((folder) => path.resolve(folder))) {
    if (contains(outDir, kept) || contains(kept, outDir)) {
      throw new OutputError(`Refusing to write the site to ${outDir}: it overlaps ${kept}, which the build reads; choose a separate output folder.`);
    }
  }
}

/** Whether `inner` is `outer` or lies inside it. */
function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

async function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = swapQueues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  swapQueues.set(key, settled);
  try {
    return await run;
  } finally {
    if (swapQueues.get(key) === settled) swapQueues.delete(key);
  }
}

/**
 * Removes a folder that a failed renderer may still be writing into: writes
 * already in flight when the build failed can land after a first removal and
 * recreate it, so removal is repeated until the folder stays gone.
 */
async function removeSettled(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 20 : 100));
    if (!(await stat(dir).then(() => true, () => false))) return;
  }
}
