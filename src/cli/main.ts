// The `jobsite` command line: parses arguments with commander and dispatches
// to one module per command. Exit codes: 0 ok, 1 content errors, 2 usage or
// configuration errors. Content problems are messages, never stack traces.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../load/load-board-config.ts';
import { CHECK_FORMATS, type CheckFormat } from './commands/check-formats.ts';
import type { BuildOptions } from './commands/build.ts';
import type { ServeCommandOptions } from './commands/serve.ts';
import { BuildDateError } from './build-date.ts';
import { importCommand } from './commands/import.ts';
import { newCommand } from './commands/new.ts';
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
      // Commands load on use: `check` never pays for Eleventy's start-up.
      const { runCheck } = await import('./commands/check.ts');
      exitCode = await runCheck(options, context);
    });

  program
    .command('build')
    .description('Check every posting and build the board (pages, feeds, jobs.json) into the output folder.')
    .option('-c, --content <dir>', 'content folder (holds postings/ and board.yml)', 'content')
    .option('-o, --out <dir>', 'output folder, replaced only when the build succeeds', 'dist')
    .option('--site-url <url>', 'absolute URL the site is deployed at (overrides board.yml)')
    .option('--now <YYYY-MM-DD>', 'build date that decides which postings are open (default: SOURCE_DATE_EPOCH, else today)')
    .option('-k, --keep-going', 'leave postings with errors out instead of stopping')
    .option('--cache-dir <dir>', 'folder of the build cache, safe to delete (default: .cache/jobsite)')
    .option('--no-cache', 'parse and make everything again, neither reading nor writing the cache')
    .option('--templates <dir>', 'templates folder (default: the templates/ of jobsite itself)')
    .addHelpText('after', `
Examples:
  $ jobsite build
  $ jobsite build --content my-board --out public --site-url https://jobs.example.com/
  $ SOURCE_DATE_EPOCH=1795737600 jobsite build     # reproducible: same input, same bytes

Exit codes: 0 built, 1 a posting has errors (without --keep-going) or the build failed; dist/ is then left as it was; 2 usage or configuration error.`)
    .action(async (options: BuildOptions) => {
      const { runBuild } = await import('./commands/build.ts');
      exitCode = await runBuild(options, context);
    });

  program
    .command('serve')
    .description('Build the board, serve it on localhost with live reload, and rebuild on every change.')
    .option('-c, --content <dir>', 'content folder (holds postings/ and board.yml)', 'content')
    .option('-o, --out <dir>', 'output folder to build into and serve', 'dist')
    .option('-p, --port <number>', 'port to listen on (the next free one if taken)', '8080')
    .option('--now <YYYY-MM-DD>', 'build date that decides which postings are open')
    .option('--cache-dir <dir>', 'folder of the build cache, safe to delete (default: .cache/jobsite)')
    .option('--no-cache', 'parse and make everything again, neither reading nor writing the cache')
    .addHelpText('after', `
Examples:
  $ jobsite serve
  $ jobsite serve --content my-board --port 3000`)
    .action(async (options: ServeCommandOptions) => {
      const { runServe } = await import('./commands/serve.ts');
      exitCode = await runServe(options, context);
    });

  program.addCommand(newCommand(context, (code) => {
    exitCode = code;
  }));
  program.addCommand(importCommand(context, (code) => {
    exitCode = code;
  }));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ConfigError || error instanceof BuildDateError) {
      context.stderr(`jobsite: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
