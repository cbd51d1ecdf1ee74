// A full garbage collection between the big stages of a build. V8 sizes its
// heap for throughput: with memory to spare it lets the garbage of one
// Eleventy run or one large feed pile up under the next, and a 10,000-posting
// build peaked above 2 GiB although what it held alive stayed under 700 MiB.
// Collecting at the few points where a stage's garbage is all dead keeps the
// peak near what is live. Node exposes `gc` only behind a flag, which can be
// turned on at run time and read from a fresh context.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Runs a full collection; does nothing where the engine does not allow it. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
