// The `jobsite` command line: parses arguments with commander and dispatches
// to one module per command. Exit codes: 0 ok, 1 content errors, 2 usage or
// configuration errors. Content problems are messages, never stack traces.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../load/load-board-config.ts';
import { runCheck, CHECK_FORMATS, type CheckFormat } from './commands/check.ts';
import { wantsColor, type CliContext } from './cli-context.ts';

export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function main(argv: string[], io: Partial<CliContext> = {}): Promise<number> {
  const context: CliContext = {
    stdout: io.stdout ?? ((text) => process.stdout.write(text)),
    stderr: io.stderr ?? ((text) => process.stderr.write(text)),
    color: io.color ?? wantsColor(process.stderr, process.env),
    quiet: false,
    verbose: false,
  };
  let exitCode: number = EXIT.ok;
  const program = new Command('jobsite')
    .description('A static site generator for job boards: Markdown postings in, validated pages and feeds out.')
    .version(version, '-V, --version')
    .option('-q, --quiet', 'print only errors and warnings')
    .option('-v, --verbose', 'print info messages too (repairs, inferences)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .exitOverride()
    .hook('preAction', (command) => {
      const global = command.opts<{ quiet?: boolean; verbose?: boolean }>();
      context.quiet = global.quiet === true;
      context.verbose = global.verbose === true;
    });

  program
    .command('check')
    .description('Check every posting and report each problem with file:line:col, severity and rule id.')
    .option('-c, --content <dir>', 'content folder (holds postings/ and board.yml)', 'content')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .addHelpText('after', `
Examples:
  $ jobsite check
  $ jobsite check --content my-board --format json
  $ jobsite check --format github     # annotations for GitHub Actions

Exit codes: 0 no errors (warnings allowed), 1 some posting has errors, 2 usage or configuration error.`)
    .action(async (options: { content: string; format: CheckFormat }) => {
      exitCode = await runCheck(options, context);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ConfigError) {
      context.stderr(`jobsite: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
