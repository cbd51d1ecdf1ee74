// One build at a time per output folder, across processes: a lock file
// beside the folder (`.<name>.lock`), created exclusively and holding the
// builder's process id. A second build finds it and stops with a message
// naming the first; a lock left by a build that was killed (its process is
// gone) is taken over. Builds inside one process (`serve` rebuilding) share
// the lock; replaceDirectory orders their swaps.
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from './output-error.ts';

/** A lock older than this is stale even if its process id is in use: no build runs this long, so the id was reused. */
export const STALE_LOCK_MS = 60 * 60 * 1000;

interface Held {
  count: number;
}

// Locks this process holds, by lock path.
const held = new Map<string, Held>();

export function lockPathFor(outDir: string): string {
  const resolved = path.resolve(outDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

/** Takes the lock of `outDir` (whose parent folder must exist); resolves to its release. */
export async function acquireOutputLock(outDir: string): Promise<() => Promise<void>> {
  const lockPath = lockPathFor(outDir);
  const mine = held.get(lockPath);
  if (mine) {
    mine.count++;
    return once(() => release(lockPath));
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await create(lockPath)) {
      held.set(lockPath, { count: 1 });
      return once(() => release(lockPath));
    }
    const owner = await readOwner(lockPath);
    if (owner === 'gone') continue;
    if (owner.live) {
      throw new OutputError(
        `Another jobsite build${owner.pid === null ? '' : ` (process ${owner.pid})`} is writing ${path.resolve(outDir)}; wait for it to finish and build again. If no build is running, delete ${lockPath}.`,
      );
    }
    await breakStaleLock(lockPath, owner.text);
  }
  throw new OutputError(`Could not take the lock ${lockPath}: other builds keep taking it; build again.`);
}

async function create(lockPath: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new OutputError(`Cannot create the lock file ${lockPath}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

type Owner = 'gone' | { pid: number | null; live: boolean; text: string };

async function readOwner(lockPath: string): Promise<Owner> {
  let text: string;
  let modified: number;
  try {
    text = await readFile(lockPath, 'utf8');
    modified = (await stat(lockPath)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new OutputError(`Cannot read the lock file ${lockPath}: ${(error as Error).message}`, { cause: error });
  }
  const pid = /^\d+\n?$/.test(text) ? Number(text.trim()) : null;
  // An empty or half-written file: its writer may be between `open` and `write`; give it a moment.
  if (pid === null && Date.now() - modified < 2000) return { pid: null, live: true, text };
  // Our own id on a lock this process does not hold: left by an earlier process that had the same id.
  const live = pid !== null && pid !== process.pid && isRunning(pid) && Date.now() - modified < STALE_LOCK_MS;
  return { pid, live, text };
}

/**
 * Moves the stale lock aside before deleting it, so that two builds breaking
 * it at once cannot delete a fresh lock that one of them has just made. If the
 * file moved aside turns out not to be the stale one, it is put back.
 */
async function breakStaleLock(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new OutputError(`Cannot remove the stale lock file ${lockPath}: ${(error as Error).message}`, { cause: error });
  }
  const text = await readFile(aside, 'utf8').catch(() => staleText);
  if (text !== staleText) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function release(lockPath: string): Promise<void> {
  const mine = held.get(lockPath);
  if (!mine || --mine.count > 0) return;
  held.delete(lockPath);
  // Only our own lock: a build that outlived its lock's age limit may have been overtaken.
  const text = await readFile(lockPath, 'utf8').catch(() => null);
  if (text !== null && text.trim() === String(process.pid)) await unlink(lockPath).catch(() => undefined);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function once(task: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= task());
}
