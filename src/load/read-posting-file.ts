// Reads one posting file into a VFile holding honestly decoded text. Files too
// large to be a posting are refused before they are decoded or parsed.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { reportFinding } from '../diagnostics/report-finding.ts';
import { decodeBytes } from './decode-bytes.ts';

export const MAX_POSTING_BYTES = 1024 * 1024;

/** `relativePath` is relative to `contentDir` and becomes the file's path in every message. */
export async function readPostingFile(contentDir: string, relativePath: string): Promise<VFile> {
  const file = new VFile({ path: relativePath, cwd: contentDir, value: '' });
  let bytes: Uint8Array;
  try {
    const handle = await open(path.join(contentDir, relativePath), 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_POSTING_BYTES) {
        reportFinding(file, { rule: 'file-unreadable', reason: `The file is ${(size / 1024 / 1024).toFixed(1)} MiB; a posting may be at most 1 MiB. Shorten it or remove embedded data.` }, { line: 1, column: 1 });
        return file;
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    reportFinding(file, { rule: 'file-unreadable', reason: `The file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that it exists and is readable.` }, { line: 1, column: 1 });
    return file;
  }
  const decoded = decodeBytes(bytes);
  for (const finding of decoded.findings) reportFinding(file, finding, { line: 1, column: 1 });
  file.value = decoded.text;
  return file;
}
