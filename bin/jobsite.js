#!/usr/bin/env node
// Entry point of the `jobsite` command: loads the TypeScript CLI through tsx,
// so that the sources run as they are, with no separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
