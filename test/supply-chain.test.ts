// Supply chain: what `npm ci` installs is pinned, checksummed and runs no
// code of its own beyond the install scripts the README lists and justifies.
// A new dependency that brings an install script fails here until someone
// reads it and adds it to the README's table.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');

interface LockedPackage {
  version?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  link?: boolean;
}

const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockedPackage> };
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

const installed = Object.entries(lock.packages).filter(([where]) => where !== '');
const nameOf = (where: string) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Package names in the first column of the README's install-script table (the table after "**Dependencies.**"). */
function listedInReadme(): string[] {
  const section = readme.slice(readme.indexOf('**Dependencies.**'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('\n|')));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => /^\| `([^`]+)`/.exec(line)![1]!);
}

describe('dependencies', () => {
  it('run no install script that the README does not list and justify', () => {
    const withScripts = [...new Set(installed.filter(([, entry]) => entry.hasInstallScript === true).map(([where]) => nameOf(where)))].sort();
    expect(listedInReadme().sort()).toEqual(withScripts);
  });

  it('are pinned to exact versions and locked with a checksum', () => {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) expect(range, `${name} in ${field}`).toMatch(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/);
    }
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const unchecked = installed.filter(([, entry]) => entry.link !== true && !/^sha512-/.test(entry.integrity ?? '')).map(([where]) => where);
    expect(unchecked).toEqual([]);
  });
});
