// Runs processPosting over many files on all cores with a piscina worker
// pool. Results come back in task order whatever order the workers finish
// in, and they are the same plain data the main thread would produce.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PostingResult, PostingTask } from '../posting-result.ts';

const WORKER = new URL('./posting-worker.js', import.meta.url).href;

export function defaultThreads(): number {
  return availableParallelism();
}

/** `onResult` is called with each result as its task finishes (in finishing order). */
export async function processInPool(tasks: readonly PostingTask[], threads: number, onResult?: (result: PostingResult) => void): Promise<PostingResult[]> {
  const pool = new Piscina<PostingTask, PostingResult>({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const result = await pool.run(task);
        onResult?.(result);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
