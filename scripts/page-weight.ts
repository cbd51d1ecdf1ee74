// Prints what readers download from a built board: the home page and a
// typical posting page (HTML, CSS, JS), what the first search adds (Pagefind's
// script, worker, WebAssembly, filter data and one index chunk), and the size
// of the whole search index. "Transferred" is gzip at the level static hosts
// use (6); Pagefind's files are gzipped already and are counted as they are.
//
//   npx tsx scripts/page-weight.ts [dist]
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface Weight {
  raw: number;
  transferred: number;
}

const siteDir = path.resolve(process.argv[2] ?? 'dist');

async function main(): Promise<void> {
  const home = await pageWeight('index.html');
  const postingFile = await typicalPosting();
  const posting = postingFile ? await pageWeight(postingFile) : null;
  const search = await searchWeight();

  const rows: [string, Weight | null][] = [
    ['home page HTML', home.html],
    ['home page CSS', home.css],
    ['home page JS', home.js],
    ['home page, before any search', sum([home.html, home.css, home.js])],
    ['first search adds (Pagefind JS, worker, wasm, entry, meta, filters, one index chunk)', search?.firstSearch ?? null],
    ['each further index chunk (median)', search?.medianChunk ?? null],
    [`posting page HTML (${postingFile ?? 'none'})`, posting?.html ?? null],
    ['posting page CSS', posting?.css ?? null],
    ['posting page JS', posting?.js ?? null],
    ['posting page, total', posting ? sum([posting.html, posting.css, posting.js]) : null],
  ];
  console.log(`Page weight of ${siteDir} (${home.cards} cards on the home page)\n`);
  console.log(`${'what'.padEnd(92)} ${'raw'.padStart(10)} ${'transferred'.padStart(12)}`);
  for (const [label, weight] of rows) {
    if (weight) console.log(`${label.padEnd(92)} ${kb(weight.raw).padStart(10)} ${kb(weight.transferred).padStart(12)}`);
  }
  if (search) {
    console.log(`\nSearch index (pagefind/): ${kb(search.total)} on disk in ${search.files} files`);
    for (const [part, size] of Object.entries(search.parts)) console.log(`  ${part.padEnd(12)} ${kb(size.bytes).padStart(10)} in ${size.files} files`);
  } else {
    console.log('\nNo search index (pagefind/) in this folder.');
  }
}

/** The page and the stylesheets and scripts it links, each counted once. */
async function pageWeight(page: string): Promise<{ html: Weight; css: Weight; js: Weight; cards: number }> {
  const html = await readFile(path.join(siteDir, page), 'utf8');
  const assets = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((match) => match[1]!))].map((href) => path.join(path.dirname(path.join(siteDir, page)), href));
  const styles = assets(/<link rel="stylesheet" href="([^"]+)"/g);
  const scripts = assets(/<script[^>]*\ssrc="([^"]+)"/g);
  return {
    html: compressible(Buffer.from(html)),
    css: sum(await Promise.all(styles.map(async (file) => compressible(await readFile(file))))),
    js: sum(await Promise.all(scripts.map(async (file) => compressible(await readFile(file))))),
    cards: (html.match(/<article class="job-card"/g) ?? []).length,
  };
}

/** The open posting page of median size, as a stand-in for a typical one. */
async function typicalPosting(): Promise<string | null> {
  const jobs = path.join(siteDir, 'jobs');
  const ids = await readdir(jobs).catch(() => [] as string[]);
  const sized: { file: string; size: number }[] = [];
  for (const id of ids) {
    const file = path.join('jobs', id, 'index.html');
    const text = await readFile(path.join(siteDir, file), 'utf8').catch(() => '');
    if (text.includes('data-pagefind-body')) sized.push({ file, size: text.length });
  }
  sized.sort((a, b) => a.size - b.size);
  return sized[Math.floor(sized.length / 2)]?.file ?? null;
}

async function searchWeight() {
  const root = path.join(siteDir, 'pagefind');
  const top = await readdir(root).catch(() => null);
  if (top === null) return null;
  const parts: Record<string, { bytes: number; files: number }> = {};
  let total = 0;
  let files = 0;
  const sizes = new Map<string, number[]>();
  for (const name of top) {
    const full = path.join(root, name);
    const entries = (await stat(full)).isDirectory() ? (await readdir(full)).map((file) => path.join(full, file)) : [full];
    const part = (await stat(full)).isDirectory() ? `${name}/` : name.endsWith('.pagefind') ? 'wasm' : name.endsWith('.pf_meta') ? 'meta' : 'scripts';
    for (const file of entries) {
      const size = (await stat(file)).size;
      parts[part] = { bytes: (parts[part]?.bytes ?? 0) + size, files: (parts[part]?.files ?? 0) + 1 };
      sizes.set(part, [...(sizes.get(part) ?? []), size]);
      total += size;
      files += 1;
    }
  }
  const entry = JSON.parse(await readFile(path.join(root, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm: string }> };
  const wasm = Object.values(entry.languages)[0]?.wasm ?? 'unknown';
  const plain = async (file: string) => compressible(await readFile(path.join(root, file)));
  const asIs = (bytes: number): Weight => ({ raw: bytes, transferred: bytes });
  const chunks = [...(sizes.get('index/') ?? [])].sort((a, b) => a - b);
  const medianChunk = asIs(chunks[Math.floor(chunks.length / 2)] ?? 0);
  const firstSearch = sum([
    await plain('pagefind.js'),
    await plain('pagefind-worker.js'),
    await plain('pagefind-entry.json'),
    asIs((await stat(path.join(root, `wasm.${wasm}.pagefind`))).size),
    asIs(parts['meta']?.bytes ?? 0),
    asIs(parts['filter/']?.bytes ?? 0),
    medianChunk,
  ]);
  return { parts, total, files, firstSearch, medianChunk };
}

function compressible(bytes: Buffer): Weight {
  return { raw: bytes.length, transferred: gzipSync(bytes, { level: 6 }).length };
}

function sum(weights: Weight[]): Weight {
  return weights.reduce((total, weight) => ({ raw: total.raw + weight.raw, transferred: total.transferred + weight.transferred }), { raw: 0, transferred: 0 });
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

await main();
