// Writes a folder all at once: the new contents are built in a temporary
// folder beside the target (same file system, so renames are atomic), then
// swapped in. Readers and web servers see the old folder or the new one,
// never half of each, and a failed build leaves the old one untouched.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The output folder cannot be written or is not safe to replace. */
export class OutputError extends Error {
  override name = 'OutputError';
}

export interface ReplaceDirectoryOptions {
  /** Folders that must survive: the target may be neither one of them, nor inside one, nor hold one. */
  protect?: readonly string[];
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
    await serialised(outDir, () => swapIn(tempDir, outDir));
    return result;
  } finally {
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
    active.delete(tempDir);
  }
}

/** `.<name>.tmp-<pid>-<random>`: hidden, beside the target, and recognisable as ours when a killed build leaves it behind. */
function scratchName(name: string, kind: 'tmp' | 'old'): string {
  return `.${name}.${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

function scratchPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$`);
}

async function swapIn(tempDir: string, outDir: string): Promise<void> {
  const oldDir = path.join(path.dirname(outDir), scratchName(path.basename(outDir), 'old'));
  let movedAside = false;
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
  // The new site is in place; an old copy that cannot be removed now is swept by the next build.
  if (movedAside) await rm(oldDir, { recursive: true, force: true }).catch(() => undefined);
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
    const pid = Number(match[1]);
    if (active.has(scratch) || (pid !== process.pid && isRunning(pid))) continue;
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
