// `npm run bench`: the scale benchmark. Deterministic corpora of 1k and 10k articles (50k with
// `--full`) are generated from the sample bulletins (bench/search/corpus.ts: reordered and edited
// articles, new names and places, reprints, some traditional script), then for each size:
//   - in Node, ingest end to end (ingestFile: hash, decode, parse + repair, file dedup, jieba,
//     SQLite/FTS4) next to jieba-wasm alone on the same text in the same run, a per-stage
//     breakdown, and peak memory (bench/lib/ingest-scale.ts);
//   - in headless Chromium, the app's real worker loading the same corpus and the search
//     benchmark's queries with facets timed there (bench/search/run.ts);
// then cold start of the built app (bench/lib/cold-start.ts), and how each figure grows from the
// smallest corpus to the largest. Prints tables and writes bench/results/<date>.json.
// Then the worker-thread pool against one thread on the 1k corpus (10k with --full), with a check
// that the corpora come out identical (bench/lib/pool-scale.ts).
// Flags: --full (adds 50k), --sizes 1000,5000 (override), --no-search, --no-cold, --no-pool.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureColdStart, type ColdStartResult } from './lib/cold-start';
import { alignTable, growth, growthCell, type SizedFigure } from './lib/growth';
import { measureIngest, type IngestScaleResult } from './lib/ingest-scale';
import { measurePool, type PoolResult } from './lib/pool-scale';
import { measureBrowserPool, type BrowserPoolResult } from './lib/pool-browser';
import { formatTable } from './lib/report';
import { generateCorpus } from './search/corpus';
import { runSearchBench, type SearchBenchResult } from './search/run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sizes(argv: string[]): number[] {
  const i = argv.indexOf('--sizes');
  if (i >= 0) {
    const list = (argv[i + 1] ?? '').split(',').map(Number);
    if (!list.length || list.some((n) => !(n > 0))) throw new Error(`--sizes needs article counts like 1000,10000, got ${argv[i + 1]}`);
    return list;
  }
  return argv.includes('--full') ? [1_000, 10_000, 50_000] : [1_000, 10_000];
}

/** One corpus size's figures, Node and browser. */
interface SizeResult {
  target: number;
  node: IngestScaleResult;
  /** rssAfterPer10kMB: the browser's RSS growth over the load, scaled to 10k articles. */
  browser: (SearchBenchResult & { ingestCharsPerSecond: number; rssAfterPer10kMB: number }) | null;
  /** Why the browser run at this size failed, if it did. */
  browserError?: string;
}

const k = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(0)} k`);

function summary(results: SizeResult[]): string {
  return alignTable(
    ['articles', 'MB', 'Node e2e chars/s', 'jieba alone', 'ratio', 'Node peak growth rss/heap/ab per 10k', 'tab load chars/s', 'tab RSS growth per 10k', 'search p50/p95', 'facets p50/p95'],
    results.map(({ node: n, browser: b }) => [
      n.articles.toLocaleString('en'), (n.bytes / 1e6).toFixed(1), k(n.endToEndCharsPerSecond), k(n.jiebaCharsPerSecond),
      `${n.ratioToJieba.toFixed(2)}x`,
      `${n.peakPer10kArticlesMB.rss}/${n.peakPer10kArticlesMB.heapUsed}/${n.peakPer10kArticlesMB.arrayBuffers} MB`,
      b ? k(b.ingestCharsPerSecond) : '-', b ? `${b.rssAfterPer10kMB} MB` : '-',
      b ? `${b.latency['all but typing'].p50}/${b.latency['all but typing'].p95} ms` : '-',
      b ? `${b.latency.facet.p50}/${b.latency.facet.p95} ms` : '-',
    ]),
  );
}

function growthTable(results: SizeResult[]): { text: string; json: Record<string, ReturnType<typeof growth>> } {
  const figures: Record<string, SizedFigure[]> = {
    'Node ingest time': results.map((r) => ({ articles: r.node.articles, value: r.node.endToEndSeconds })),
    'Node peak RSS': results.map((r) => ({ articles: r.node.articles, value: r.node.peak.rss })),
    'Node peak JS heap': results.map((r) => ({ articles: r.node.articles, value: r.node.peak.heapUsed })),
  };
  const withBrowser = results.filter((r) => r.browser);
  if (withBrowser.length > 1) {
    figures['tab load time'] = withBrowser.map((r) => ({ articles: r.node.articles, value: r.browser!.loadSeconds }));
    figures['tab memory (RSS growth)'] = withBrowser.map((r) => ({ articles: r.node.articles, value: r.browser!.browserRssAfterMB - r.browser!.browserRssBeforeMB }));
    figures['search p50'] = withBrowser.map((r) => ({ articles: r.node.articles, value: r.browser!.latency['all but typing'].p50 }));
    figures['search p95'] = withBrowser.map((r) => ({ articles: r.node.articles, value: r.browser!.latency['all but typing'].p95 }));
    figures['facet search p95'] = withBrowser.map((r) => ({ articles: r.node.articles, value: r.browser!.latency.facet.p95 }));
  }
  const json: Record<string, ReturnType<typeof growth>> = {};
  const body: string[][] = [];
  for (const [name, f] of Object.entries(figures)) {
    json[name] = growth(f);
    for (const g of json[name]) body.push([name, `to ${g.articles.toLocaleString('en')}`, growthCell(g)]);
  }
  return { text: alignTable(['figure', 'from smallest', 'growth'], body), json };
}

function coldTable(c: ColdStartResult): string {
  const m = c.median;
  const lines = [
    `cold start (median of ${c.visits.length} fresh contexts): first paint ${m.firstPaintMs} ms (target < 300), ` +
      `interactive search box ${m.searchInteractiveMs} ms (target < 1000), sample corpus loaded ${m.sampleLoadedMs} ms; ` +
      `main-thread long tasks meanwhile: ${m.longTasks}, longest ${m.longestTaskMs} ms`,
    alignTable(['fetched', 'files', 'raw', 'gzip'], Object.entries(c.transferred).map(([kind, t]) => [
      kind, String(t.files), `${(t.rawBytes / 1e3).toFixed(0)} kB`, `${(t.gzipBytes / 1e3).toFixed(0)} kB`,
    ])),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const started = performance.now();
  const loadBefore = loadavg();
  const results: SizeResult[] = [];
  console.log(`Baoxun scale benchmark: Node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
  for (const target of sizes(argv)) {
    const corpus = generateCorpus({ articles: target });
    const node = await measureIngest(corpus);
    console.log(`${node.articles.toLocaleString('en')} articles, ${node.files} files, ${(node.bytes / 1e6).toFixed(1)} MB, ${node.chars.toLocaleString('en')} chars (Node):`);
    console.log(formatTable(node.stages) + '\n');
    results.push({ target, node, browser: null });
  }
  if (!argv.includes('--no-search')) {
    for (const r of results) {
      console.log(`--- in headless Chromium, ${r.target.toLocaleString('en')} articles ---`);
      // A failure at one size is reported and the other sizes still run (the search benchmark
      // shares /tmp/baoxun-search-bench with anyone else running it on this machine).
      try {
        const s = await runSearchBench({ articles: r.target, write: false });
        if (s.articles !== r.node.articles) throw new Error(`the browser loaded ${s.articles} articles, Node ${r.node.articles}: the corpora differ`);
        r.browser = { ...s, ingestCharsPerSecond: r.node.chars / s.loadSeconds, rssAfterPer10kMB: Math.round((s.browserRssAfterMB - s.browserRssBeforeMB) * 10_000 / s.articles) };
      } catch (e) {
        r.browserError = e instanceof Error ? e.message : String(e);
        console.error(`the browser run at ${r.target} articles failed: ${r.browserError}`);
      }
      console.log('');
    }
  }
  let cold: ColdStartResult | null = null;
  let coldError: string | null = null;
  if (!argv.includes('--no-cold')) {
    try {
      cold = await measureColdStart(ROOT, 3);
    } catch (e) {
      coldError = e instanceof Error ? e.message : String(e);
      console.error(`cold start failed: ${coldError}`);
    }
  }
  let pool: PoolResult | null = null;
  let browserPool: BrowserPoolResult | null = null;
  let browserPoolError: string | null = null;
  if (!argv.includes('--no-pool')) {
    const poolCorpus = generateCorpus({ articles: argv.includes('--full') ? 10_000 : 1_000 });
    pool = await measurePool(poolCorpus);
    if (!argv.includes('--no-search')) {
      try {
        browserPool = await measureBrowserPool(poolCorpus);
      } catch (e) {
        browserPoolError = e instanceof Error ? e.message : String(e);
        console.error(`the browser pool run failed: ${browserPoolError}`);
      }
    }
  }
  const loadAfter = loadavg();
  const grown = growthTable(results);

  console.log('=== summary (ratios are within this one run; the machine is shared, absolute rates are noisy) ===');
  console.log(summary(results) + '\n');
  if (grown.text.split('\n').length > 2) console.log(grown.text + '\n');
  if (cold) console.log(coldTable(cold) + '\n');
  if (pool) {
    console.log(alignTable(['worker-thread pool (Node)', 'threads', 'time', 'articles'], pool.runs.map((r) => [r.mode, String(r.threads), `${r.seconds.toFixed(2)} s`, String(r.articles)])));
    console.log(`pool of ${pool.cpus}: ${pool.speedupVsOneThread.toFixed(2)}x one thread, ${pool.speedupVsPoolOfOne.toFixed(2)}x a pool of 1 (target 1.6x); ` +
      `results ${pool.identical ? 'identical' : 'DIFFERENT'} (SHA-256 of every bulletin and article row)\n`);
  }
  if (browserPool) {
    console.log(alignTable(['parse pool (Chromium)', 'parse workers', 'load time', 'articles'], browserPool.runs.map((r) => [r.mode, r.workers === null ? 'default' : String(r.workers), `${r.seconds.toFixed(2)} s`, String(r.articles)])));
    console.log(`hardwareConcurrency ${browserPool.hardwareConcurrency}: the pool loads ${browserPool.speedup.toFixed(2)}x as fast as the corpus worker alone; ` +
      `index ${browserPool.identical ? 'identical' : 'DIFFERENT'} (counts and sizes)\n`);
  }
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`load average (1, 5, 15 min): ${fmtLoad(loadBefore)} at the start, ${fmtLoad(loadAfter)} at the end (2 cores)`);

  const date = new Date().toISOString().slice(0, 10);
  const out = join(ROOT, 'bench', 'results', `${date}.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(out, JSON.stringify({
    date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null,
    seconds: (performance.now() - started) / 1000,
    loadAverage: { start: loadBefore, end: loadAfter },
    sizes: results, growth: grown.json, coldStart: cold, coldError, pool, browserPool, browserPoolError,
  }, null, 2) + '\n');
  console.log(`results written to ${out.slice(ROOT.length)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
});
