// Cold start in headless Chromium: the app built into a temporary folder, served on localhost by
// the project's own static server, opened in a fresh browser context (empty cache) a few times.
// Measures first paint, an interactive search box (present, enabled, and taking a keystroke),
// the loaded sample corpus, the main thread's long tasks meanwhile (the 4 MB jieba WASM must load
// in the worker without blocking the page), and the bytes the page fetched, gzipped.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startStaticServer } from '../../scripts/serve.mjs';
import { launchChromium } from './bench-browser';


/** One cold visit, milliseconds from navigation start. */
export interface ColdVisit {
  firstPaintMs: number;
  searchInteractiveMs: number;
  sampleLoadedMs: number;
  /** Main-thread tasks over 50 ms before the sample corpus was loaded. */
  longTasks: number;
  longestTaskMs: number;
}

/** Cold start figures: the median visit and what was transferred. */
export interface ColdStartResult {
  visits: ColdVisit[];
  median: ColdVisit;
  /** Bytes the page fetched, by kind, raw and gzipped (level 9, as a static host would serve). */
  transferred: Record<string, { files: number; rawBytes: number; gzipBytes: number }>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function kindOf(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.wasm') return 'wasm';
  if (ext === '.html') return 'html';
  return 'data';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Build, serve and open the app `visits` times in fresh contexts. */
export async function measureColdStart(root: string, visits = 3): Promise<ColdStartResult> {
  const out = join(tmpdir(), 'baoxun-cold-start');
  rmSync(out, { recursive: true, force: true });
  await build({ root, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  if (!filesUnder(out).length) throw new Error(`the build wrote nothing to ${out}`);
  const server = await startStaticServer({ root: out, port: 0 });
  const browser = await launchChromium();
  const runs: ColdVisit[] = [];
  const fetched = new Set<string>();
  try {
    for (let i = 0; i < visits; i++) {
      // bypassCSP: the page's CSP forbids eval, which the string predicates below need.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      page.on('request', (r) => { if (r.url().startsWith(server.url)) fetched.add(new URL(r.url()).pathname); });
      // In-page code is given as source text: this file compiles without the DOM library.
      await page.addInitScript(`
        globalThis.__longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration); })
          .observe({ type: 'longtask', buffered: true });`);
      await page.goto(server.url, { waitUntil: 'commit' });
      const interactive = await page.waitForFunction(`(() => {
        const el = document.querySelector('[data-testid=search-input]');
        return el && !el.disabled && el.offsetParent !== null ? performance.now() : null;
      })()`, null, { polling: 'raf', timeout: 60_000 });
      const searchInteractiveMs = Number(await interactive.jsonValue());
      // A keystroke reaches the box (the main thread is free to handle input).
      await page.getByTestId('search-input').press('a');
      await page.getByTestId('search-input').press('Backspace');
      const loaded = await page.waitForFunction(`(() => {
        const app = document.querySelector('[data-testid=app]');
        const count = Number((document.querySelector('[data-testid=article-count]')?.textContent ?? '').replace(/\\D/g, ''));
        return app?.getAttribute('data-state') === 'ready' && count > 0 ? performance.now() : null;
      })()`, null, { polling: 'raf', timeout: 120_000 });
      const sampleLoadedMs = Number(await loaded.jsonValue());
      const { paint, tasks } = await page.evaluate(`({
        paint: performance.getEntriesByType('paint').map((e) => ({ name: e.name, t: e.startTime })),
        tasks: globalThis.__longTasks,
      })`) as { paint: Array<{ name: string; t: number }>; tasks: number[] };
      const fp = paint.find((p) => p.name === 'first-contentful-paint') ?? paint[0];
      runs.push({
        firstPaintMs: Math.round(fp?.t ?? NaN), searchInteractiveMs: Math.round(searchInteractiveMs),
        sampleLoadedMs: Math.round(sampleLoadedMs), longTasks: tasks.length, longestTaskMs: Math.round(Math.max(0, ...tasks)),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const transferred: ColdStartResult['transferred'] = {};
  for (const path of fetched) {
    const file = join(out, decodeURIComponent(path === '/' ? '/index.html' : path));
    let data: Buffer;
    try { data = readFileSync(file); } catch { continue; }
    const k = (transferred[kindOf(file)] ??= { files: 0, rawBytes: 0, gzipBytes: 0 });
    k.files++;
    k.rawBytes += data.length;
    k.gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  const pick = (f: (v: ColdVisit) => number) => median(runs.map(f));
  return {
    visits: runs,
    median: {
      firstPaintMs: pick((v) => v.firstPaintMs), searchInteractiveMs: pick((v) => v.searchInteractiveMs),
      sampleLoadedMs: pick((v) => v.sampleLoadedMs), longTasks: pick((v) => v.longTasks), longestTaskMs: pick((v) => v.longestTaskMs),
    },
    transferred,
  };
}
