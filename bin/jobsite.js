#!/usr/bin/env node
// Entry point of the `jobsite` command. Runs the compiled copy in lib/ when it
// was compiled from the current src/ (`npm ci` compiles it; so does
// `npm run compile`); otherwise loads the TypeScript sources through tsx, so
// an edited checkout always runs what it says, only slower to start.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceDigest } from './source-digest.js';

const root = new URL('../', import.meta.url);
const compiledDigest = (() => {
  try {
    return readFileSync(new URL('lib/.source-digest', root), 'utf8').trim();
  } catch {
    return null;
  }
})();

let main;
if (compiledDigest !== null && compiledDigest === sourceDigest(fileURLToPath(root))) {
  ({ main } = await import('../lib/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
