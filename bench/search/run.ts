// The search benchmark: a deterministic corpus of 50,000 articles generated from the sample
// bulletins (corpus.ts) is loaded by the app's real worker in headless Chromium (through a small
// page, page/), then hundreds of searches with facets are timed in the worker. Reports p50/p95
// latency per kind of query, the time and memory the index took, and writes
// bench/results/search-<date>.json. `npx tsx bench/search/run.ts [--articles N]`; `npm run bench`
// runs it after the load benchmark.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/serve.mjs';
import { buildBenchPage, launchChromium } from '../lib/bench-browser';
import { generateCorpus } from './corpus';
import { benchQueries, type BenchQuery } from './queries';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Latency figures of a set of searches, in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** The same, measured in the page (postMessage there and back). */
  roundTripP50: number;
  roundTripP95: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function latency(samples: Array<{ tookMs: number; roundTripMs: number }>): Latency {
  const took = samples.map((s) => s.tookMs).sort((a, b) => a - b);
  const rt = samples.map((s) => s.roundTripMs).sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: took.length, p50: r(percentile(took, 0.5)), p95: r(percentile(took, 0.95)), max: r(took.at(-1) ?? NaN), roundTripP50: r(percentile(rt, 0.5)), roundTripP95: r(percentile(rt, 0.95)) };
}

/** Resident memory of the processes under this one (the browser and its helpers), bytes. */
function childrenRss(): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const pid of parent.keys()) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += rss.get(pid) ?? 0;
        break;
      }
    }
  }
  return total;
}

/** What the benchmark measured. */
export interface SearchBenchResult {
  articles: number;
  files: number;
  generateSeconds: number;
  loadSeconds: number;
  /** The people index's pass after the load (entities desk), waited for before timing searches. */
  settleSeconds: number;
  index: Record<string, number>;
  browserRssBeforeMB: number;
  browserRssAfterMB: number;
  latency: Record<string, Latency>;
  slowest: Array<{ query: string; kind: string; tookMs: number; total: number }>;
}

/** Run the benchmark and print its table. */
export async function runSearchBench(opts: { articles?: number; write?: boolean } = {}): Promise<SearchBenchResult> {
  const articles = opts.articles ?? 50_000;
  const out = join(tmpdir(), 'baoxun-search-bench');
  rmSync(out, { recursive: true, force: true });

  let t = performance.now();
  const corpus = generateCorpus({ articles });
  const generateSeconds = (performance.now() - t) / 1000;
  const total = corpus.reduce((n, b) => n + b.articles, 0);
  console.log(`search benchmark: ${total.toLocaleString('en')} articles in ${corpus.length} bulletins generated in ${generateSeconds.toFixed(1)} s`);

  await buildBenchPage(out, corpus);

  const server = await startStaticServer({ root: out, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    type Bench = {
      load(u: string): Promise<{ ms: number; summary: { articles: number; errors: number } }>;
      stats(): Promise<Record<string, number>>;
      search(p: unknown): Promise<{ tookMs: number; roundTripMs: number; total: number }>;
      facetValues(q: string, f: string): Promise<string[]>;
      settle(maxMs: number): Promise<{ ms: number; phase: string }>;
    };
    const rssBefore = childrenRss();
    const loaded = await page.evaluate((u) => (globalThis as unknown as { bench: Bench }).bench.load(u), `${server.url}corpus/manifest.json`);
    if (loaded.summary.articles !== total) throw new Error(`the worker loaded ${loaded.summary.articles} articles, the parser found ${total}`);
    const index = await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.stats());
    const rssAfter = childrenRss();
    console.log(`loaded by the worker in ${(loaded.ms / 1000).toFixed(1)} s (decode, parse, jieba, store, search index, reprints, merge)`);
    const settled = await page.evaluate((ms) => (globalThis as unknown as { bench: Bench }).bench.settle(ms), 15 * 60_000);
    console.log(`the people index's pass after the load ran ${(settled.ms / 1000).toFixed(1)} s more (phase: ${settled.phase}); searches are timed after it`);

    const queries: BenchQuery[] = benchQueries(corpus);
    for (const word of ['学习', '防汛', '会议', '街道', '工作']) {
      for (const field of ['district', 'year', 'paper']) {
        const values = await page.evaluate(([q, f]) => (globalThis as unknown as { bench: Bench }).bench.facetValues(q, f), [word, field]);
        if (values.length) queries.push({ kind: 'facet', query: word, filters: [{ field, value: values[0] } as never] });
        if (values.length > 1) queries.push({ kind: 'facet', query: word, filters: [{ field, value: values[0] }, { field, value: values[1] }] as never });
      }
    }
    const run = (q: BenchQuery) => page.evaluate((p) => (globalThis as unknown as { bench: Bench }).bench.search(p),
      { query: q.query, offset: 0, limit: 50, filters: q.filters ?? [], sort: q.sort ?? 'relevance', everyPrinting: false });
    for (const q of queries.slice(0, 20)) await run(q); // warm-up: JIT and the page cache, not counted
    const samples: Array<BenchQuery & { tookMs: number; roundTripMs: number; total: number }> = [];
    for (const q of queries) samples.push({ ...q, ...(await run(q)) });
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);

    const kinds = ['substring', 'word', 'syntax', 'facet', 'typing'] as const;
    const latencyByKind: Record<string, Latency> = {};
    for (const k of kinds) latencyByKind[k] = latency(samples.filter((s) => s.kind === k));
    latencyByKind['all but typing'] = latency(samples.filter((s) => s.kind !== 'typing'));
    latencyByKind.all = latency(samples);
    const result: SearchBenchResult = {
      articles: total, files: corpus.length, generateSeconds, loadSeconds: loaded.ms / 1000, settleSeconds: settled.ms / 1000, index,
      browserRssBeforeMB: Math.round(rssBefore / 1e6), browserRssAfterMB: Math.round(rssAfter / 1e6),
      latency: latencyByKind,
      slowest: samples.sort((a, b) => b.tookMs - a.tookMs).slice(0, 10).map((s) => ({ query: s.query, kind: s.kind, tookMs: Math.round(s.tookMs), total: s.total })),
    };
    printResult(result);
    if (opts.write !== false) {
      const file = join(ROOT, 'bench', 'results', `search-${new Date().toISOString().slice(0, 10)}.json`);
      mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, ...result }, null, 2)}\n`);
      console.log(`results written to ${file.slice(ROOT.length)}`);
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

function printResult(r: SearchBenchResult): void {
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  console.log(`\nindex: database ${mb(r.index.databaseBytes)} (gram index ${mb(r.index.gramBytes)}, folded text ${mb(r.index.foldedTextBytes)}, word index ${mb(r.index.wordIndexBytes)})`);
  console.log(`index build in the worker: search tables ${(r.index.indexMs / 1000).toFixed(1)} s, reprint clustering ${(r.index.storiesMs / 1000).toFixed(1)} s (${r.index.reprintedStories} reprinted stories), segment merge ${(r.index.optimizeMs / 1000).toFixed(1)} s`);
  console.log(`browser memory (all its processes): ${r.browserRssBeforeMB} MB before loading, ${r.browserRssAfterMB} MB after\n`);
  console.log('search with facets, in the worker (ms)   n     p50    p95    max   round trip p50/p95');
  for (const [k, l] of Object.entries(r.latency)) {
    console.log(`  ${k.padEnd(38)} ${String(l.n).padStart(4)} ${String(l.p50).padStart(7)} ${String(l.p95).padStart(6)} ${String(l.max).padStart(6)}   ${l.roundTripP50} / ${l.roundTripP95}`);
  }
  console.log(`targets: p50 < 20 ms, p95 < 50 ms. slowest: ${r.slowest.slice(0, 5).map((s) => `${s.query} (${s.kind}, ${s.total} hits) ${s.tookMs} ms`).join('; ')}`);
}

const isEntryPoint = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntryPoint) {
  const i = process.argv.indexOf('--articles');
  const articles = i >= 0 ? Number(process.argv[i + 1]) : 50_000;
  runSearchBench({ articles }).catch((err: unknown) => {
    console.error(`search bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
