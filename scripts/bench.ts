// `npm run bench -- --postings N [--runs 5] [--peers] [--keep]`: times jobsite's
// build on a generated corpus (../shared/bench/make-corpus.mjs) as a user runs
// it, one child process per build: a cold build (no cache, no output), a
// rebuild with nothing changed, a rebuild after editing 1 % of the postings and
// a rebuild after a template change. Prints a Markdown table of the medians
// with peak RSS; with --peers also runs ../shared/bench/run-peers.sh on a
// corpus of the same size and prints jobsite's ratios to Hugo and Eleventy.
// Timings live here, never in tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const SHARED_BENCH = path.join(REPO, '..', 'shared', 'bench');
const BUILD_DATE = '2026-11-29';
const GNU_TIME = '/usr/bin/time';
const MEASURES = ['cold build', 'no-change rebuild', 'rebuild after editing 1 %', 'rebuild after a template change'] as const;
type Measure = (typeof MEASURES)[number];

interface Sample {
  seconds: number;
  /** Peak RSS of the largest process of the build: jobsite's, or Pagefind's (a process of its own). */
  rssKiB: number;
  /** Peak RSS of jobsite's own process (its worker threads included). */
  selfKiB: number;
}

const { values } = parseArgs({
  options: {
    postings: { type: 'string' },
    runs: { type: 'string', default: '5' },
    peers: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const postings = Number(values.postings);
const runs = Number(values.runs);
if (!Number.isInteger(postings) || postings < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- --postings N [--runs 5] [--peers] [--keep]');
  process.exit(2);
}
if (!existsSync(path.join(SHARED_BENCH, 'make-corpus.mjs'))) {
  console.error(`bench: ${SHARED_BENCH}/make-corpus.mjs not found; the shared/ folder must sit beside the repository.`);
  process.exit(2);
}

const work = await mkdtemp(path.join(tmpdir(), `jobsite-bench-${postings}-`));
const content = path.join(work, 'content');
const templates = path.join(work, 'templates');
const out = path.join(work, 'dist');
const cacheDir = path.join(work, 'cache');
// Moved aside, not deleted, while timing: on a journal-less ext4 a big rm -rf slows the next build's file creation.
const trash = path.join(work, 'trash');
const rssFile = path.join(work, 'rss');
const selfRssFile = path.join(work, 'rss-self');
const useGnuTime = existsSync(GNU_TIME);
// The child reports its own peak RSS (KiB) as it exits; GNU time's figure is the largest process's.
const RSS_REPORTER = `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));`;


log(`corpus: ${postings} postings in ${content}`);
run(process.execPath, [path.join(SHARED_BENCH, 'make-corpus.mjs'), String(postings), content]);
await cp(path.join(REPO, 'templates'), templates, { recursive: true });
await mkdir(trash, { recursive: true });
const postingFiles = (await readdir(path.join(content, 'postings'))).filter((name) => name.endsWith('.md')).sort();
const templateFile = await firstTemplate(templates);

const samples = new Map<Measure, Sample[]>(MEASURES.map((measure) => [measure, []]));
for (let round = 1; round <= runs; round++) {
  log(`round ${round}/${runs}`);
  await moveAside(cacheDir);
  await moveAside(out);
  samples.get('cold build')!.push(await timeBuild());
  samples.get('no-change rebuild')!.push(await timeBuild());
  await editPostings(round);
  samples.get('rebuild after editing 1 %')!.push(await timeBuild());
  await appendFile(templateFile, `{# bench edit ${round} #}\n`);
  samples.get('rebuild after a template change')!.push(await timeBuild());
}

const peers = values.peers ? await runPeers() : null;
printTable();
if (!values.keep) await rm(work, { recursive: true, force: true });
else log(`kept ${work}`);

async function timeBuild(): Promise<Sample> {
  const args = [path.join(REPO, 'bin', 'jobsite.js'), 'build', '--content', content, '--out', out, '--now', BUILD_DATE, '--keep-going', '-q', '--cache-dir', cacheDir, '--templates', templates];
  const started = performance.now();
  const reporter = ['--import', 'data:text/javascript,' + encodeURIComponent(RSS_REPORTER)];
  const code = useGnuTime
    ? await spawnQuietly(GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...reporter, ...args], { BENCH_RSS_FILE: selfRssFile })
    : await spawnQuietly(process.execPath, [...reporter, ...args], { BENCH_RSS_FILE: selfRssFile });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`bench: the build exited with ${code}`);
  const selfKiB = Number((await readFile(selfRssFile, 'utf8')).trim());
  const rssKiB = useGnuTime ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1)) : selfKiB;
  return { seconds, rssKiB, selfKiB };
}


function spawnQuietly(command: string, args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // -q still prints postings' errors and warnings; only a failed build's output matters here.
      if (code !== 0) process.stderr.write(stderr);
      resolve(code);
    });
  });
}

/** Changes the body of 1 % of the postings (at least one), different ones each round. */
async function editPostings(round: number): Promise<void> {
  const count = Math.max(1, Math.round(postingFiles.length / 100));
  for (let i = 0; i < count; i++) {
    const name = postingFiles[(round * 7919 + i * 97) % postingFiles.length]!;
    await appendFile(path.join(content, 'postings', name), `\nEdited in benchmark round ${round}.\n`);
  }
}

async function firstTemplate(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((name) => name.endsWith('.njk')).sort();
  const preferred = files.find((name) => /job\.njk$/.test(name)) ?? files[0];
  if (!preferred) throw new Error(`bench: no .njk template in ${dir}`);
  return path.join(dir, preferred);
}

async function moveAside(target: string): Promise<void> {
  if (existsSync(target)) await rename(target, path.join(trash, `${path.basename(target)}-${Date.now()}-${Math.random().toString(36).slice(2)}`));
}

interface PeerFigures {
  hugo: { seconds: number; rssMiB: number } | null;
  eleventy: { seconds: number; rssMiB: number } | null;
}

async function runPeers(): Promise<PeerFigures> {
  const benchTmp = path.join(work, 'peers');
  log(`peers: ${SHARED_BENCH}/run-peers.sh ${postings} (hugo, eleventy)`);
  const result = spawnSync('bash', [path.join(SHARED_BENCH, 'run-peers.sh'), String(postings)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PEERS: 'hugo eleventy', RUNS: String(Math.max(5, runs)), BENCH_TMP: benchTmp },
  });
  if (result.status !== 0) {
    log(`run-peers.sh exited with ${result.status}; no ratios`);
    return { hugo: null, eleventy: null };
  }
  const results = path.join(benchTmp, `n${postings}`, 'results');
  const figures = async (peer: string) => {
    try {
      const json = JSON.parse(await readFile(path.join(results, `${peer}.json`), 'utf8')) as { results: { median: number }[] };
      const time = await readFile(path.join(results, `${peer}.time`), 'utf8').catch(() => '');
      const rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)?.[1] ?? NaN);
      return { seconds: json.results[0]!.median, rssMiB: rssKiB / 1024 };
    } catch {
      return null;
    }
  };
  return { hugo: await figures('hugo'), eleventy: await figures('eleventy') };
}

function printTable(): void {
  const lines: string[] = [];
  lines.push(`jobsite build, ${postings.toLocaleString('en-US')} postings, median of ${runs} run${runs === 1 ? '' : 's'} (${new Date().toISOString().slice(0, 16)}Z; ${availableParallelism()} cores, ${cpus()[0]?.model.trim() ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; peak RSS from ${useGnuTime ? '/usr/bin/time' : 'process.resourceUsage()'})`);
  lines.push('');
  const peerColumns = peers ? ' × Hugo cold | × Eleventy cold |' : '';
  lines.push(`| measure | median s | min s | max s | peak RSS MiB, jobsite | peak RSS MiB, largest process |${peerColumns}`);
  lines.push(`|---|--:|--:|--:|--:|--:|${peers ? '--:|--:|' : ''}`);
  for (const measure of MEASURES) {
    const list = samples.get(measure)!;
    const seconds = list.map((sample) => sample.seconds);
    const rss = Math.max(...list.map((sample) => sample.rssKiB)) / 1024;
    const self = Math.max(...list.map((sample) => sample.selfKiB)) / 1024;
    const median = medianOf(seconds);
    const ratios = peers ? ` ${ratio(median, peers.hugo?.seconds)} | ${ratio(median, peers.eleventy?.seconds)} |` : '';
    lines.push(`| ${measure} | ${median.toFixed(2)} | ${Math.min(...seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ${self.toFixed(0)} | ${rss.toFixed(0)} |${ratios}`);
  }
  if (peers) {
    for (const [name, figures] of [['Hugo', peers.hugo], ['Eleventy', peers.eleventy]] as const) {
      lines.push(figures ? `| ${name} cold build (run-peers.sh) | ${figures.seconds.toFixed(2)} | | | | ${figures.rssMiB.toFixed(0)} | | |` : `| ${name} cold build | n/a | | | | | | |`);
    }
  }
  console.log(lines.join('\n'));
}

function ratio(value: number, base: number | undefined): string {
  return base ? `${(value / base).toFixed(2)} ×` : 'n/a';
}

function medianOf(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} exited with ${result.status}`);
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
