// Compiles src/ into lib/ (run by `npm ci` through the prepare script, or by
// `npm run compile`), so that the CLI starts without compiling TypeScript on
// the fly. lib/ mirrors src/ file for file, so every path a module finds
// through import.meta.url (templates, package.json, data files) is the same.
// lib/ is written beside and swapped in whole; bin/jobsite.js falls back to
// the sources through tsx whenever lib/ is missing or older than src/.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDigest } from '../bin/source-digest.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const staging = path.join(root, '.lib-staging');
const lib = path.join(root, 'lib');

// Taken before compiling: an edit made meanwhile leaves lib/ marked as stale.
const digest = sourceDigest(root);
rmSync(staging, { recursive: true, force: true });
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without devDependencies: the CLI runs the sources through tsx instead.
  console.warn('jobsite: TypeScript is not installed, so lib/ was not compiled; the CLI will run src/ through tsx.');
  process.exit(0);
}
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', staging], { stdio: 'inherit' });
// Data files that modules read beside themselves.
for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
  const from = path.join(entry.parentPath ?? entry.path, entry.name);
  cpSync(from, path.join(staging, path.relative(path.join(root, 'src'), from)));
}
writeFileSync(path.join(staging, '.source-digest'), `${digest}\n`);
rmSync(lib, { recursive: true, force: true });
renameSync(staging, lib);
