// The output lock and the recovery of an interrupted swap, one case at a
// time: what a second build, a killed build or a reused process id leaves
// beside the output folder, and what the next build makes of it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acquireOutputLock, lockPathFor, STALE_LOCK_MS } from '../../src/write/output-lock.ts';
import { OutputError, replaceDirectory } from '../../src/write/replace-directory.ts';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'jobsite-lock-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function place(): { parent: string; out: string; lock: string } {
  const parent = path.join(root, `case-${counter++}`);
  mkdirSync(parent);
  const out = path.join(parent, 'dist');
  return { parent, out, lock: lockPathFor(out) };
}

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the output lock', () => {
  it('is a file beside the output folder holding the pid, removed on release', async () => {
    const { parent, out, lock } = place();
    const release = await acquireOutputLock(out);
    expect(lock).toBe(path.join(parent, '.dist.lock'));
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    await release();
    await release();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('is shared by builds in one process (serve rebuilding), and released by the last', async () => {
    const { parent, out } = place();
    const first = await acquireOutputLock(out);
    const second = await acquireOutputLock(out);
    await first();
    expect(readdirSync(parent)).toEqual(['.dist.lock']);
    await second();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('stops a build while a live process holds it, naming that process', async () => {
    const { out, lock } = place();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, `${holder.pid}\n`);
      await expect(acquireOutputLock(out)).rejects.toThrow(new RegExp(`Another jobsite build \\(process ${holder.pid}\\) is writing .*dist; .*delete .*\\.dist\\.lock`));
      await expect(acquireOutputLock(out)).rejects.toBeInstanceOf(OutputError);
      expect(readFileSync(lock, 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.each([
    ['a process that is gone', () => `${deadPid()}\n`, 0],
    ['this process id, from an earlier process that had it', () => `${process.pid}\n`, 0],
    ['a live process, but older than any build runs', () => `${process.ppid}\n`, STALE_LOCK_MS + 60_000],
    ['garbage, left long ago', () => 'not a pid', 10_000],
  ])('is taken over when it was left by %s', async (_name, content, age) => {
    const { parent, out, lock } = place();
    writeFileSync(lock, content());
    if (age > 0) utimesSync(lock, new Date(Date.now() - age), new Date(Date.now() - age));
    const release = await acquireOutputLock(out);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    await release();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('waits for a lock file that is being written right now rather than breaking it', async () => {
    const { out, lock } = place();
    writeFileSync(lock, '');
    await expect(acquireOutputLock(out)).rejects.toThrow(/Another jobsite build is writing/);
  });
});

describe('replaceDirectory after a killed build', () => {
  it('puts the old site back when a build died between moving it aside and moving the new one in', async () => {
    const { parent, out } = place();
    const pid = deadPid();
    // What a build killed between its two renames leaves: no dist, the old site aside, a complete new one.
    mkdirSync(path.join(parent, `.dist.old-${pid}-aaaaaa`));
    writeFileSync(path.join(parent, `.dist.old-${pid}-aaaaaa`, 'index.html'), 'old');
    mkdirSync(path.join(parent, `.dist.tmp-${pid}-bbbbbb`));
    writeFileSync(path.join(parent, `.dist.tmp-${pid}-bbbbbb`, 'index.html'), 'new');
    writeFileSync(path.join(parent, '.dist.lock'), `${pid}\n`);
    // This build fails: what stays published must be the old site, not nothing.
    await expect(replaceDirectory(out, async () => Promise.reject(new Error('template exploded')))).rejects.toThrow('template exploded');
    expect(readdirSync(parent).sort()).toEqual(['dist']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
  });

  it('leaves the folders of a build that is still running alone', async () => {
    const { parent, out } = place();
    const alive = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      mkdirSync(path.join(parent, `.dist.old-${alive.pid}-aaaaaa`));
      await replaceDirectory(out, async (temp) => writeFileSync(path.join(temp, 'index.html'), 'new'));
      expect(readdirSync(parent).sort()).toEqual([`.dist.old-${alive.pid}-aaaaaa`, 'dist']);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    } finally {
      alive.kill('SIGKILL');
    }
  });
});
