// `jobsite new`: writes a new posting file that `check` accepts. Values come
// from flags; on a terminal, the required ones that are missing (and the
// country) are asked for, each answer checked as it is typed. Nothing is
// written while any value is wrong, and an existing posting is never replaced.
// Exit codes: 0 written, 1 the file or its id already exists (or the file
// could not be written), 2 a value is wrong or missing (or the content folder
// is), 130 the prompts were cancelled.
import { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import type { NewCommandEnvironment, NewOptions } from './run-new.ts';

export type { NewCommandEnvironment, PromptTerminal } from './run-new.ts';

export function newCommand(context: CliContext, setExitCode: (code: number) => void, environment: NewCommandEnvironment = {}): Command {
  return new Command('new')
    .description('Write a new posting file under <content>/postings/ that `jobsite check` accepts; ask for missing values on a terminal.')
    .option('--title <text>', 'job title (required)')
    .option('--company <name>', 'company that is hiring (required)')
    .option('--company-url <url>', 'company website, an absolute https: URL')
    .option('--salary <text>', 'salary as written, such as "£95,000 - £150,000" or "USD 45/hour"')
    .option('--currency <code>', 'ISO 4217 code for a --salary that names no currency')
    .option('--country <names>', 'country name or ISO code, several separated by commas, or Worldwide')
    .option('--location <text>', 'location as written, such as "Berlin, Germany (Hybrid)"')
    .option('--remote <mode>', 'remote, hybrid or onsite (or true/false)')
    .option('--apply-url <url>', 'https: link or mailto: address where candidates apply (required)')
    .option('--employment-type <type>', 'FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER')
    .option('--tags <tags>', 'comma-separated tags; may be repeated', collect)
    .option('--date <YYYY-MM-DD>', 'posting date, also the file name prefix (default: today, UTC)')
    .option('--expires <YYYY-MM-DD>', 'last day the posting is open (default: date + validity_days)')
    .option('--draft', 'keep the posting out of the site until draft is removed')
    .option('--id <slug>', 'the id (file name after the date, and URL) instead of <company>-<title>')
    .option('-c, --content <dir>', 'content folder (holds postings/ and board.yml)', 'content')
    .addHelpText('after', `
Examples:
  $ jobsite new       # on a terminal: asks for the title, company, country and apply URL
  $ jobsite new --title "Senior Backend Engineer" --company Monzo --country "United Kingdom" \\
      --apply-url https://monzo.com/careers/123 --salary "£95,000 - £150,000" --tags go,backend
  $ jobsite new --content my-board --title "Data Engineer" --company Acme --country DE \\
      --apply-url mailto:jobs@acme.example --employment-type contract --draft

Prints the path of the file written. Never replaces an existing file.
Exit codes: 0 written; 1 a posting with that file name or id exists, or the file could not be written;
2 a value is wrong or missing (without a terminal, missing required values are not asked for);
130 cancelled at a prompt.`)
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .action(async (options: NewOptions) => {
      // Loaded on use: main builds this command on every start, and the pipeline is heavy.
      const { runNew } = await import('./run-new.ts');
      setExitCode(await runNew(options, context, environment));
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
