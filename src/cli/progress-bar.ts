// A progress bar on stderr for long runs, only when stderr is a terminal and
// the user did not ask for quiet: in CI logs and pipes it would be noise.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };
// Short runs finish before a bar helps; it appears only past this many files.
const MIN_TOTAL = 200;

export function progressBar(label: string, options: { enabled: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  if (!options.enabled || stream.isTTY !== true) return SILENT;
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      if (total < MIN_TOTAL) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total} postings ({eta}s left)`, stream, clearOnComplete: true, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else {
        bar.update(done);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
