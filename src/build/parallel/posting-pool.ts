// Runs processPosting on all cores with a piscina worker pool. Results are
// the same plain data the main thread would produce; the caller places each
// by its file, so the order in which the workers finish does not matter.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PostingResult, PostingTask } from '../posting-result.ts';

const WORKER = new URL('./posting-worker.js', import.meta.url).href;

export function defaultThreads(): number {
  return availableParallelism();
}

export class PostingPool {
  private constructor(private readonly pool: Piscina<PostingTask, PostingResult>) {}

  static open(threads: number): PostingPool {
    return new PostingPool(new Piscina<PostingTask, PostingResult>({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 1000 }));
  }

  run(task: PostingTask): Promise<PostingResult> {
    return this.pool.run(task);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
