// The digest of what the compiled copy in lib/ is made from: every file under
// src/ and the TypeScript settings. bin/jobsite.js runs lib/ only when the
// digest lib/ was compiled from equals this one, so an edited source is never
// run stale; scripts/compile.js records it after compiling.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function sourceDigest(packageRoot) {
  const hash = createHash('sha256');
  const src = path.join(packageRoot, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    // Dirent.parentPath is Node 20.12+; .path is its older name.
    .map((entry) => path.relative(packageRoot, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .concat(['tsconfig.json', 'tsconfig.build.json'])
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(packageRoot, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
