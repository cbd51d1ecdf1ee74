// `jobsite import <file|dir>...`: turns scraped or foreign postings into
// canonical front-matter postings that pass `check`, one line per file saying
// what changed. Never overwrites without --force; --dry-run writes nothing.
// Exit codes: 0 every file imported, 1 some file could not be, 2 usage error.
import { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export const DEFAULT_IMPORT_DIR = 'content/postings';

export function importCommand(context: CliContext, setExitCode: (code: number) => void): Command {
  return new Command('import')
    .description('Turn scraped or foreign postings into canonical front-matter postings that pass `jobsite check`.')
    .argument('<paths...>', 'posting files (.md, .markdown, .txt) or folders to walk recursively')
    .option('-t, --to <dir>', 'folder to write the postings into', DEFAULT_IMPORT_DIR)
    .option('-f, --force', 'replace postings that already exist')
    .option('-n, --dry-run', 'write nothing; print what would be written')
    .option('--date <YYYY-MM-DD>', "date for postings that nothing dates (default: the source's last git commit, else today)")
    // Settings are not inherited through addCommand: errors must reach main as exceptions, output the context.
    .exitOverride()
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `
Each posting is written as <to>/<YYYY-MM-DD>-<id>.md. The id is the file name (or, for README.md and
the like, the folder name) without date prefix; the date is the posting's own, else the file name's
YYYY-MM-DD- prefix, else a YYYY-MM folder's first day, else --date, else the source's last commit, else today.
What could not be decided is left as a "# TODO:" comment on its key.

Examples:
  $ jobsite import scraped/2026-11-27-monzo-senior-backend-engineer.md
  $ jobsite import remote-jobs/jobs --to content/postings/imported --dry-run

Exit codes: 0 every file imported, 1 some file could not be imported (the others were), 2 usage error.`)
    .action(async (paths: string[], options: { to: string; force?: boolean; dryRun?: boolean; date?: string }) => {
      // Loaded on use: main builds this command on every start.
      const { runImport } = await import('./run-import.ts');
      setExitCode(await runImport({ paths, ...options }, context));
    });
}
