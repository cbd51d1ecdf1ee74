// The last resort for dating a posting: when its file was last committed.
// Asked only for postings with no date at all, so git runs rarely.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function gitCommitDate(file: string): string | null {
  try {
    const output = execFileSync('git', ['log', '-1', '--format=%cs', '--', path.basename(file)], {
      cwd: path.dirname(file),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(output) ? output : null;
  } catch {
    return null;
  }
}
