// What `jobsite new` does once its flags are parsed (see new.ts for the
// command): reads the values, asks on a terminal for the missing ones, checks
// them and writes the posting file. Loaded only when the command runs.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { input as inputPrompt } from '@inquirer/prompts';
import type { CliContext } from '../cli-context.ts';
import { findPostingFiles } from '../../load/find-posting-files.ts';
import { idFromFileName } from '../../normalise/fields/slugify-id.ts';
import { FIELD_OF_KEY, type AskableKey, type NewPostingInput } from '../../new/new-posting-input.ts';
import { readNewPosting, type FlagFinding } from '../../new/read-new-posting.ts';
import { prepareNewPosting } from '../../new/prepare-new-posting.ts';
import { QUESTIONS, checkAnswer } from '../../new/check-answer.ts';

const EXIT = { written: 0, exists: 1, invalid: 2, cancelled: 130 } as const;

/** Where prompts read answers and draw themselves; tests pass streams, the CLI the process's. */
export interface PromptTerminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { columns?: number };
}

export interface NewCommandEnvironment {
  /** Default: stdin, with prompts drawn on stderr so that stdout carries only the path written. */
  terminal?: PromptTerminal;
  /** Today as `YYYY-MM-DD`; default: the current UTC date. */
  today?: () => string;
}

export interface NewOptions extends NewPostingInput {
  content: string;
}

// Asked in front-matter order, which is the order a posting is read in.
const ASK_ORDER: readonly AskableKey[] = ['title', 'company', 'country', 'apply_url'];

export async function runNew(options: NewOptions, context: CliContext, environment: NewCommandEnvironment): Promise<number> {
  const say = (text: string) => context.stderr(`jobsite new: ${text}\n`);
  const today = environment.today?.() ?? new Date().toISOString().slice(0, 10);
  const terminal: PromptTerminal = environment.terminal ?? { input: process.stdin, output: process.stderr };
  const { content, ...given } = options;
  let input: NewPostingInput = given;

  if (!(await isDirectory(content))) {
    say(`the content folder ${content} does not exist; run in the board's folder or give --content.`);
    return EXIT.invalid;
  }

  const reading = readNewPosting(input, today);
  const interactive = terminal.input.isTTY === true;
  if (reading.refused.length > 0 || (reading.missing.length > 0 && !interactive)) {
    for (const problem of reading.refused) say(describe(problem));
    if (reading.missing.length > 0 && !interactive) {
      const flags = reading.missing.map((key) => FIELD_OF_KEY[key].flag);
      say(`missing ${listed(flags)}; give ${flags.length === 1 ? 'it' : 'them'} as flags (stdin is not a terminal, so nothing can be asked).`);
    }
    say('nothing was written.');
    return EXIT.invalid;
  }

  const toAsk = ASK_ORDER.filter((key) => (key === 'country' ? reading.countryMissing : (reading.missing as readonly AskableKey[]).includes(key)));
  if (interactive) {
    for (const key of toAsk) {
      const answer = await ask(key, input, today, terminal);
      if (answer === null) {
        say('cancelled; nothing was written.');
        return EXIT.cancelled;
      }
      input = { ...input, [FIELD_OF_KEY[key].input]: answer };
    }
  }

  const prepared = await prepareNewPosting(input, today);
  if (!prepared.ok) {
    for (const problem of prepared.refused) say(describe(problem));
    if (prepared.missing.length > 0) say(`missing ${listed(prepared.missing.map((key) => FIELD_OF_KEY[key].flag))}.`);
    say('nothing was written.');
    return EXIT.invalid;
  }

  const clash = await postingWithId(content, prepared.id);
  if (clash === prepared.relativePath) {
    say(`${path.join(content, clash)} already exists and was left as it is; jobsite new never replaces a posting. Edit that file, or give another --date or --id.`);
    return EXIT.exists;
  }
  if (clash !== null) {
    say(`${path.join(content, clash)} already has the id \`${prepared.id}\` (ids ignore the date and letter case); edit that posting, or give this one another id with --id.`);
    return EXIT.exists;
  }

  const target = path.join(content, prepared.relativePath);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    // `wx` fails if the file exists, even if it appeared since the id check.
    await writeFile(target, prepared.text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      say(`${target} already exists and was left as it is; jobsite new never replaces a posting. Edit that file, or give another --date or --id.`);
      return EXIT.exists;
    }
    say(`could not write ${target}: ${(error as Error).message}`);
    return EXIT.exists;
  }

  for (const note of prepared.notes) {
    if (note.severity === 'warning' || context.verbose) say(`${note.severity}: ${describe(note)}`);
  }
  context.stdout(`${target}\n`);
  return EXIT.written;
}

/** One question, re-asked until the answer is accepted; null when cancelled (Ctrl+C, Ctrl+D, end of input). */
async function ask(key: AskableKey, input: NewPostingInput, today: string, terminal: PromptTerminal): Promise<string | null> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  const onKeypress = (_text: unknown, keypress?: { ctrl?: boolean; name?: string }) => {
    if (keypress?.ctrl === true && keypress.name === 'd') cancel();
  };
  terminal.input.once('end', cancel);
  terminal.input.on('keypress', onKeypress);
  try {
    return await inputPrompt(
      {
        message: QUESTIONS[key].message,
        validate: (answer: string) => checkAnswer(input, key, answer, today),
        // A refused answer is cleared, so that the next one is typed afresh rather than appended.
        theme: { validationFailureMode: 'clear' },
      },
      { input: terminal.input, output: forwardTo(terminal.output), signal: controller.signal },
    );
  } catch (error) {
    if (error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name)) return null;
    throw error;
  } finally {
    terminal.input.removeListener('end', cancel);
    terminal.input.removeListener('keypress', onKeypress);
  }
}

// Each prompt ends the stream it draws on; a fresh stream in front of the
// terminal's keeps the terminal's open for the next prompt and the messages after.
function forwardTo(output: PromptTerminal['output']): Writable {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
      output.write(chunk, (error) => callback(error ?? null));
    },
  });
  Object.defineProperty(stream, 'columns', { get: () => output.columns });
  return stream;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** The posting file (relative to the content folder) whose id is `id`, compared as `check` does. */
async function postingWithId(content: string, id: string): Promise<string | null> {
  const files = await findPostingFiles(content);
  return files.find((file) => idFromFileName(file).toLowerCase() === id.toLowerCase()) ?? null;
}

function describe(problem: FlagFinding): string {
  return `${problem.flag}: ${problem.reason}`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
