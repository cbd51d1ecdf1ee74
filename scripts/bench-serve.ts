// `npx tsx scripts/bench-serve.ts [--postings 1000] [--saves 5]`: how long an
// editor waits in `jobsite serve`. Makes a corpus with make-corpus.mjs, starts
// the real `jobsite serve` on it, and then, several times, saves one posting
// with a new title and times until the served posting page shows that title
// (what the browser's live reload fetches), and until the search index has
// caught up. Timings live here, never in tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync, spawnSync } from 'node:child_process';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const MAKE_CORPUS = path.join(REPO, '..', 'shared', 'bench', 'make-corpus.mjs');
const { values } = parseArgs({ options: { postings: { type: 'string', default: '1000' }, saves: { type: 'string', default: '5' } } });
// How often the served page is fetched while waiting (a browser is told by the live-reload socket instead);
// fetching much more often takes the server's time from the build being timed.
const POLL_MS = 100;
const postings = Number(values.postings);
const saves = Number(values.saves);
if (!existsSync(MAKE_CORPUS)) throw new Error(`${MAKE_CORPUS} not found; the shared/ folder must sit beside the repository.`);

const work = await mkdtemp(path.join(tmpdir(), 'jobsite-bench-serve-'));
const content = path.join(work, 'content');
execFileSync(process.execPath, [MAKE_CORPUS, String(postings), content], { stdio: 'ignore' });
// serve keeps the last good site while any posting has errors, so the generated postings with errors go.
const check = spawnSync(process.execPath, [path.join(REPO, 'bin', 'jobsite.js'), 'check', '--content', content, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const broken = new Set((JSON.parse(check.stdout) as { file: string; severity: string }[]).filter((row) => row.severity === 'error').map((row) => row.file));
for (const file of broken) await rm(path.join(content, file));
const names = (await readdir(path.join(content, 'postings'))).filter((name) => name.endsWith('.md')).sort();

const server = spawn(process.execPath, [path.join(REPO, 'bin', 'jobsite.js'), 'serve', '--content', content, '--out', path.join(work, 'dist'), '--port', '0', '--now', '2026-11-29', '--cache-dir', path.join(work, 'cache')], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
const url = await waitFor(() => /Serving .* at (http:\/\/\S+?) \(Ctrl\+C/.exec(log)?.[1] ?? null, 600_000);
console.log(`serve: ${names.length} postings (${broken.size} with errors removed), first build done; saving one posting ${saves} times`);

const shown: number[] = [];
const indexed: number[] = [];
try {
  for (let save = 1; save <= saves; save++) {
    // An open posting with a page: the id is the file name without the number prefix's date, as the board makes it.
    const jobs = JSON.parse(await (await fetch(new URL('jobs.json', url))).text()) as { jobs: { id: string; url: string }[] };
    const job = jobs.jobs[(save * 37) % jobs.jobs.length];
    if (!job) throw new Error(`jobs.json from ${url} has ${jobs.jobs?.length} jobs`);
    const name = names.find((file) => file.replace(/\.md$/, '').endsWith(job.id)) ?? names.find((file) => file.includes(job.id));
    if (!name) throw new Error(`no file for ${job.id}`);
    const file = path.join(content, 'postings', name);
    const title = `Benchmark Title ${save} ${Date.now()}`;
    const builtBefore = (log.match(/^Built /gm) ?? []).length;
    const logBefore = log.length;
    const started = performance.now();
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: "${title}"`));
    await waitFor(async () => ((await (await fetch(new URL(`jobs/${job.id}/`, url))).text()).includes(title) ? true : null), 120_000);
    shown.push(performance.now() - started);
    // The second build (search index and feeds) has finished when two builds were logged after the save.
    await waitFor(() => ((log.match(/^Built /gm) ?? []).length >= builtBefore + 2 ? true : null), 300_000);
    indexed.push(performance.now() - started);
    // The server's own count, from seeing the change to the pages in place and the reload sent.
    const served = /files made; search index and feeds follow\) ([\d.]+) s after the change/.exec(log.slice(logBefore))?.[1] ?? '?';
    console.log(`save ${save}: page shows the change after ${(shown.at(-1)! / 1000).toFixed(2)} s (server: reload sent ${served} s after the change), search index after ${(indexed.at(-1)! / 1000).toFixed(2)} s`);
  }
} finally {
  server.kill('SIGINT');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(work, { recursive: true, force: true });
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]! / 1000;
console.log(`median: page ${median(shown).toFixed(2)} s, search index ${median(indexed).toFixed(2)} s (${postings} postings, ${saves} saves)`);

async function waitFor<T>(probe: () => T | null | Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => null);
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`timed out; server said:\n${log.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
