// What a command may do to the outside world, passed in so that commands are
// testable without a terminal: where to print, and how loudly.
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  quiet: boolean;
  verbose: boolean;
}

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
