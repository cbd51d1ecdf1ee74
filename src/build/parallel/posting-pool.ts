// Runs processPosting on all cores with a piscina worker pool. Results are
// the same plain data the main thread would produce; the caller places each
// by its file, so the order in which the workers finish does not matter.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PostingResult, PostingTask } from '../posting-result.ts';

const WORKER = new URL('./posting-worker.js', import.meta.url).href;

/**
 * Young generation of each worker's heap, in MB. Parsing makes many objects
 * that live for one posting (micromark's events, the trees): with V8's
 * default young generation many outlive it and are collected from the old
 * one. Loading 1,500 postings on two workers took 28–31 s with 64 MB (96 MB
 * the same, 128 MB 30.5–31 s) against 33.5–42 s (median 35.0) without, for
 * at most ~130 MB more memory in all.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

export function defaultThreads(): number {
  return availableParallelism();
}

export class PostingPool {
  private constructor(private readonly pool: Piscina<PostingTask, PostingResult>) {}

  static open(threads: number): PostingPool {
    return new PostingPool(
      new Piscina<PostingTask, PostingResult>({
        filename: WORKER,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: 1000,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      }),
    );
  }

  run(task: PostingTask): Promise<PostingResult> {
    return this.pool.run(task);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
