// `jobsite check`: runs the posting pipeline over a content folder and reports
// every problem in every posting in one run. Exit 1 when any is an error.
import { reporter } from 'vfile-reporter';
import { loadBoard } from '../../build/load-board.ts';
import { BodyStore } from '../../build/memory/body-store.ts';
import { loadBoardConfig } from '../../load/load-board-config.ts';
import { toDiagnosticRows } from '../format/diagnostic-rows.ts';
import { formatText, countBySeverity, plural } from '../format/format-text.ts';
import { formatGithub } from '../format/format-github.ts';
import type { CliContext } from '../cli-context.ts';
import { progressBar } from '../progress-bar.ts';
import type { CheckFormat } from './check-formats.ts';


export interface CheckOptions {
  content: string;
  format: CheckFormat;
}

export async function runCheck(options: CheckOptions, context: CliContext): Promise<number> {
  const started = performance.now();
  const config = await loadBoardConfig(options.content);
  const progress = progressBar('Checking', { enabled: !context.quiet });
  // Only the messages are reported: the bodies need not stay in memory while a large board loads.
  const bodies = BodyStore.open();
  const board = await loadBoard(options.content, config, { onProgress: progress.update, bodies }).finally(() => bodies.close());
  progress.stop();
  const rows = toDiagnosticRows(board.files);
  const counts = countBySeverity(rows);

  if (options.format === 'json') {
    context.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (options.format === 'github') {
    const output = formatGithub(rows);
    if (output) context.stdout(`${output}\n`);
  } else if (options.format === 'stylish') {
    const output = reporter(board.files, { color: context.color, verbose: context.verbose, quiet: !context.verbose });
    if (output) context.stdout(`${output}\n`);
  } else {
    const output = formatText(rows, { color: context.color, verbose: context.verbose });
    if (output) context.stdout(`${output}\n`);
    if (!context.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const problems = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info message')].join(', ');
      context.stderr(`Checked ${plural(board.files.length, 'posting')} in ${seconds} s: ${problems}.\n`);
    }
  }
  return counts.error > 0 ? 1 : 0;
}
