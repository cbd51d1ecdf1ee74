// The all-or-nothing folder swap: success replaces, failure leaves the old
// folder as it was, leftovers of dead builds are swept, and folders whose
// loss would be a disaster are refused.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputError, replaceDirectory } from '../../src/write/replace-directory.ts';
import { listFiles, writeFiles } from '../../src/write/write-files.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'jobsite-write-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('replaceDirectory', () => {
  it('creates the target and its missing parents', async () => {
    const target = path.join(root, 'fresh', 'a', 'b', 'site');
    const value = await replaceDirectory(target, async (temp) => {
      expect(path.dirname(temp)).toBe(path.dirname(target));
      expect(path.basename(temp)).toMatch(/^\.site\.tmp-\d+-[0-9a-f]+$/);
      await writeFile(path.join(temp, 'index.html'), 'new');
      return 42;
    });
    expect(value).toBe(42);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(path.dirname(target))).toEqual(['site']);
  });

  it('replaces the whole old folder, dropping files the new one lacks', async () => {
    const parent = await folder('replace');
    const target = path.join(parent, 'site');
    await writeFiles(target, new Map([['old.html', 'old'], ['jobs/a/index.html', 'a']]));
    await replaceDirectory(target, (temp) => writeFiles(temp, new Map([['index.html', 'new']])));
    expect(await listFiles(target)).toEqual(['index.html']);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('leaves the old folder exactly as it was when filling fails, and removes the temporary folder', async () => {
    const parent = await folder('failing');
    const target = path.join(parent, 'site');
    await writeFiles(target, new Map([['index.html', 'old'], ['feed.xml', '<rss/>']]));
    const failure = new Error('template exploded');
    await expect(
      replaceDirectory(target, async (temp) => {
        await writeFile(path.join(temp, 'index.html'), 'half');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await listFiles(target)).toEqual(['feed.xml', 'index.html']);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('old');
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('leaves no target when filling fails and there was none', async () => {
    const parent = await folder('failing-fresh');
    await expect(replaceDirectory(path.join(parent, 'site'), async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await readdir(parent)).toEqual([]);
  });

  it('sweeps temporary and old folders of dead builds, keeps those of running ones and of other targets', async () => {
    const parent = await folder('sweep');
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const names = [`.site.tmp-${deadPid}-abc123`, `.site.old-${deadPid}-def456`, `.site.tmp-${alive.pid}-abc123`, `.other.tmp-${deadPid}-abc123`, '.site.tmp-notes'];
      for (const name of names) await mkdir(path.join(parent, name, 'jobs'), { recursive: true });
      await replaceDirectory(path.join(parent, 'site'), async () => undefined);
      expect((await readdir(parent)).sort()).toEqual([`.other.tmp-${deadPid}-abc123`, `.site.tmp-${alive.pid}-abc123`, '.site.tmp-notes', 'site'].sort());
    } finally {
      alive.kill();
    }
  });

  it('runs two swaps of one target in this process one after the other', async () => {
    const target = path.join(await folder('concurrent'), 'site');
    await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        replaceDirectory(target, async (temp) => {
          await writeFile(path.join(temp, `${name}.txt`), name);
        }),
      ),
    );
    const left = await listFiles(target);
    expect(left).toHaveLength(1);
    expect(await readdir(path.dirname(target))).toEqual(['site']);
  });

  it.each([
    ['the file-system root', () => path.parse(process.cwd()).root, false],
    ['the working folder', () => process.cwd(), false],
    ['a parent of the working folder', () => path.dirname(process.cwd()), false],
    ['a protected folder', () => path.join(root, 'templates'), true],
    ['a folder holding a protected one', () => root, true],
    ['a folder inside a protected one', () => path.join(root, 'templates', 'out'), true],
  ] as const)('refuses to replace %s', async (_name, target, protectTemplates) => {
    const protect = protectTemplates ? [path.join(root, 'templates')] : [];
    let called = false;
    await expect(
      replaceDirectory(target(), async () => {
        called = true;
      }, { protect }),
    ).rejects.toBeInstanceOf(OutputError);
    expect(called).toBe(false);
  });

  it('refuses a target that is a file', async () => {
    const file = path.join(await folder('file-target'), 'site');
    await writeFile(file, 'not a folder');
    await expect(replaceDirectory(file, async () => undefined)).rejects.toThrow(/not a folder/);
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });
});

describe('writeFiles', () => {
  it('writes nested files and refuses paths that leave the folder', async () => {
    const dir = await folder('write-files');
    await writeFiles(dir, new Map([['a/b/c.txt', 'c'], ['d.txt', 'd']]));
    expect(await listFiles(dir)).toEqual(['a/b/c.txt', 'd.txt']);
    await expect(writeFiles(dir, new Map([['../escape.txt', 'x']]))).rejects.toThrow(/outside/);
    await expect(writeFiles(dir, new Map([['/etc/escape.txt', 'x']]))).rejects.toThrow(/outside/);
  });

  it('writes text given as parts exactly as their concatenation, however the parts are sized', async () => {
    const dir = await folder('write-parts');
    // Many small parts, parts around a megabyte and non-ASCII text, so that parts are joined into writes of several sizes.
    const parts = [
      ...Array.from({ length: 5000 }, (_, i) => `<item>${i} – naïve ✓</item>\n`),
      'é'.repeat(1 << 20),
      'x'.repeat((1 << 20) - 1),
      '',
      '😀 end',
    ];
    const written = await writeFiles(dir, new Map([['feed.xml', parts]]));
    const expected = parts.join('');
    expect(written).toBe(expected.length);
    expect(await readFile(path.join(dir, 'feed.xml'), 'utf8')).toBe(expected);
  });
});
