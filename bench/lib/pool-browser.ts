// The page's parse pool in headless Chromium: the same generated corpus loaded by the app's real
// corpus worker (through the benchmark page, bench/search/page) with no parse worker and with
// its default pool (navigator.hardwareConcurrency - 1 parse workers), alternately A B B A in
// fresh pages, each mode keeping its faster load. The corpora are compared by their counts and
// index statistics (row-for-row identity is checked by tests/e2e/parse-pool.e2e.test.ts).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../../scripts/serve.mjs';
import type { GeneratedBulletin } from '../search/corpus';
import { buildBenchPage, launchChromium } from './bench-browser';


/** One load in the browser. */
export interface BrowserPoolRun {
  mode: string;
  /** Parse workers asked for (null: the page's default). */
  workers: number | null;
  seconds: number;
  articles: number;
}

/** The browser pool comparison. */
export interface BrowserPoolResult {
  hardwareConcurrency: number;
  runs: BrowserPoolRun[];
  /** Same article count and index statistics with and without the pool. */
  identical: boolean;
  speedup: number;
}

type Bench = {
  load(u: string): Promise<{ ms: number; summary: { articles: number; errors: number } }>;
  stats(): Promise<Record<string, number>>;
};

/** Load `corpus` in Chromium without and with parse workers; compare the times. */
export async function measureBrowserPool(corpus: GeneratedBulletin[]): Promise<BrowserPoolResult> {
  const out = join(tmpdir(), 'baoxun-pool-browser-bench');
  rmSync(out, { recursive: true, force: true });
  await buildBenchPage(out, corpus);
  const server = await startStaticServer({ root: out, port: 0 });
  const browser = await launchChromium();
  try {
    let hardwareConcurrency = 0;
    const load = async (workers: number | null) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(workers === null ? server.url : `${server.url}?workers=${workers}`);
        await page.waitForSelector('body[data-ready="true"]');
        hardwareConcurrency = await page.evaluate(() => (globalThis as unknown as { navigator: { hardwareConcurrency: number } }).navigator.hardwareConcurrency);
        const loaded = await page.evaluate((u) => (globalThis as unknown as { bench: Bench }).bench.load(u), `${server.url}corpus/manifest.json`);
        const stats = await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.stats());
        if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
        // Timings (…Ms) differ from run to run; sizes and counts must not.
        const facts = Object.entries(stats).filter(([k]) => !k.endsWith('Ms'));
        return { seconds: loaded.ms / 1000, articles: loaded.summary.articles, stats: JSON.stringify(facts) };
      } finally {
        await context.close();
      }
    };
    const a1 = await load(0);
    const b1 = await load(null);
    const b2 = await load(null);
    const a2 = await load(0);
    const one = a1.seconds <= a2.seconds ? a1 : a2;
    const pool = b1.seconds <= b2.seconds ? b1 : b2;
    const workers = Math.max(0, Math.min(hardwareConcurrency - 1, 3));
    return {
      hardwareConcurrency,
      runs: [
        { mode: 'corpus worker alone', workers: 0, seconds: one.seconds, articles: one.articles },
        { mode: `with ${workers} parse worker${workers === 1 ? '' : 's'}`, workers: null, seconds: pool.seconds, articles: pool.articles },
      ],
      identical: [a1, a2, b1, b2].every((r) => r.stats === a1.stats && r.articles === a1.articles),
      speedup: one.seconds / pool.seconds,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}
