// A full garbage collection between the big stages of a build, when the heap
// has grown enough since the last one to be worth its pause. V8 sizes its
// heap for throughput: with memory to spare it lets the garbage of one
// Eleventy run or one large feed pile up under the next, and a 10,000-posting
// build peaked above 2 GiB although what it held alive stayed under 700 MiB.
// Collecting at the few points where a stage's garbage is all dead keeps the
// peak near what is live. But a full collection walks everything alive: at
// 100,000 postings (~1 GB alive) each took 2–5 s, and collecting after every
// large listing feed (76 times, most freeing under 20 MB of ~1,070) cost
// ~300 s of a 709 s feeds stage. So a collection runs only when the heap has
// grown by half of what was alive after the last one, and by at least
// 256 MiB. Node exposes `gc` only behind a flag, which can be turned on at
// run time and read from a fresh context.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth of the heap since the last collection that makes the next one worth its pause. */
export const GROWTH = { fraction: 0.5, minBytes: 256 * 1024 * 1024 };

let gc: (() => void) | null | undefined;
/** Heap in use right after the last collection made here. */
let usedAfterLast = 0;

/** Whether a heap of `used` bytes, `usedAfterLast` just after the last collection, has grown enough to collect. */
export function worthCollecting(used: number, usedAfterLast: number): boolean {
  return used - usedAfterLast >= Math.max(GROWTH.minBytes, usedAfterLast * GROWTH.fraction);
}

/** Runs a full collection if the heap has grown enough since the last; does nothing where the engine does not allow it. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc || !worthCollecting(getHeapStatistics().used_heap_size, usedAfterLast)) return;
  gc();
  usedAfterLast = getHeapStatistics().used_heap_size;
}
