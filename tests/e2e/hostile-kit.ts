// What the hostile-input, failure and security browser tests share: the corpus worker of a page
// (to kill it from inside, as a crash would), file rows by name, files generated inside the page
// (a 200 MB file never exists on disk or crosses the test's wire), and the memory of Chromium's
// renderer processes read from /proc while a test runs.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';

/** The corpus worker of a page (the SQL console's worker and the service worker are others). */
export async function corpusWorker(page: Page, not?: Worker): Promise<Worker> {
  let found: Worker | undefined;
  await expect.poll(() => {
    found = page.workers().find((w) => /\/worker-[^/]*\.js/.test(w.url()) && w !== not);
    return found !== undefined;
  }, { timeout: 30_000, message: 'a corpus worker in the page' }).toBe(true);
  return found as Worker;
}

/** Wait until the page watches a living worker: a lifeline lock held (by the worker) and asked
 *  for (by the page), as src/worker/lifeline.ts and src/ui/lib/worker-supervisor.ts do. */
export async function expectWatchedWorker(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    const waited = new Set(pending.map((l) => l.name));
    return held.some((l) => l.name?.startsWith('baoxun-worker-') && waited.has(l.name));
  }), { timeout: 30_000, message: 'the page watches its corpus worker' }).toBe(true);
}

/** End the corpus worker from inside, as a crash or the browser would: the page is not told. */
export async function killCorpusWorker(page: Page, not?: Worker): Promise<Worker> {
  const worker = await corpusWorker(page, not);
  await expectWatchedWorker(page);
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  // The evaluation never answers (its worker is gone), so it is not awaited.
  void worker.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
  await closed;
  return worker;
}

/** The status row of one file, found by the name it records. */
export function fileRow(page: Page, name: string) {
  return page.locator(`[data-testid="file-status"][data-name="${name.replace(/["\\]/g, '\\$&')}"]`).first();
}

/** Wait until the file's status is `status`, and return what its row says. */
export async function expectRow(page: Page, name: string, status: string, timeout = 60_000): Promise<string> {
  const row = fileRow(page, name);
  await expect.poll(() => row.getAttribute('data-status').catch(() => null), { timeout, message: `status of ${name}` }).toBe(status);
  return row.innerText();
}

/** How a file made inside the page is filled: a text repeated up to a size; made-up articles
 *  (random sentences over common characters, none repeating) up to a size in bytes; one line of
 *  such prose, `chars` characters long after a headline; or bytes as given. */
export type GeneratedContent =
  | { repeat: string; bytes: number; prefix?: string }
  | { articles: number; seed?: number }
  | { line: number; headline: string; seed?: number }
  | { base64: string };

/** A file to make inside the page and drop. */
export interface GeneratedFile {
  name: string;
  content: GeneratedContent;
}

/**
 * Make files inside the page (a Blob built from one repeated chunk, so 200 MB costs the test
 * nothing to send) and drop them on the drop zone with a real DataTransfer.
 */
export async function dropGenerated(page: Page, files: GeneratedFile[]): Promise<void> {
  await page.evaluate((specs) => {
    const enc = new TextEncoder();
    const dt = new DataTransfer();
    for (const f of specs) {
      let parts: BlobPart[];
      if ('base64' in f.content) parts = [Uint8Array.from(atob(f.content.base64), (c) => c.charCodeAt(0))];
      else if ('articles' in f.content || 'line' in f.content) {
        let seed = f.content.seed ?? 7;
        const rnd = () => { // mulberry32: a long period, so no passage repeats (an echo to the parser)
          seed = (seed + 0x6d2b79f5) | 0;
          let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const pool = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造';
        const ch = () => pool[(rnd() * pool.length) | 0];
        const sentence = () => { let t = ''; const n = 12 + ((rnd() * 30) | 0); for (let i = 0; i < n; i++) t += ch() + ch(); return `${t}。`; };
        parts = [];
        if ('line' in f.content) {
          parts.push(enc.encode(`## ${f.content.headline}\n\n本报讯 `));
          for (let chars = 0; chars < f.content.line;) {
            const s = sentence();
            parts.push(enc.encode(s));
            chars += s.length;
          }
        } else for (let size = 0, k = 0; size < f.content.articles; k++) {
          let a = `## ${sentence().slice(0, 14)}\n\n本报讯 6月${1 + (k % 28)}日，`;
          for (let p = 0; p < 5; p++) { for (let s = 0; s < 4; s++) a += sentence(); a += '\n\n'; }
          const chunk = enc.encode(`${a}（${ch()}${ch()}宣）\n\n`);
          parts.push(chunk);
          size += chunk.length;
        }
      } else {
        const chunk = enc.encode(f.content.repeat);
        parts = f.content.prefix ? [enc.encode(f.content.prefix)] : [];
        for (let size = 0; size < f.content.bytes; size += chunk.length) parts.push(chunk);
      }
      dt.items.add(new File(parts, f.name, { type: 'text/plain' }));
    }
    (window as unknown as { hostileTransfer: DataTransfer }).hostileTransfer = dt;
  }, files);
  // Dropped in a task of its own: making the files is the test's work, not the page's.
  await page.evaluate(() => {
    const w = window as unknown as { hostileTransfer: DataTransfer; hostileDropAt: number };
    w.hostileDropAt = performance.now();
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no [data-testid=drop-zone] on the page');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: w.hostileTransfer }));
    }
  });
}

/** Bytes as the base64 a generated file carries. */
export function base64(bytes: Uint8Array | string): { base64: string } {
  return { base64: Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64') };
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Resident memory (MB) of the Chromium renderer processes this test process started: the
 *  page, its workers and their WASM memory live there. Linux only; [] elsewhere. */
export function rendererMegabytes(): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  const ours = (pid: number) => {
    for (let p: number | null = pid, hops = 0; p && hops < 8; p = parentOf(p), hops++) if (p === process.pid) return true;
    return false;
  };
  const out: number[] = [];
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') || !ours(pid)) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) out.push(Math.round(Number(rss[1]) / 1024));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** Sample the renderers' memory every `everyMs` until stopped; the peak of the largest one. */
export function watchRendererMemory(everyMs = 250): { stop(): number } {
  let peak = 0;
  const sample = () => { for (const mb of rendererMegabytes()) peak = Math.max(peak, mb); };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/**
 * Drop one folder of `count` files made inside the page: names and texts from templates in which
 * `{i}` is the file's number (and `{han}` the number in Han numerals, so search tells them apart).
 * The folder reader hands out entries 100 at a time, as Chromium's does.
 */
export async function dropGeneratedFolder(page: Page, folder: string, count: number, name: string, text: string): Promise<void> {
  await page.evaluate(({ folder, count, name, text }) => {
    const han = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');
    const fill = (t: string, i: number) => t.replaceAll('{i}', String(i)).replaceAll('{han}', han(i));
    // Callbacks come later, as the browser's do, but as message tasks: 10,000 nested timers
    // would be clamped to 4 ms each, 40 s of the fake's own.
    const channel = new MessageChannel();
    const waiting: Array<() => void> = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    const later = (fn: () => void) => { waiting.push(fn); channel.port2.postMessage(0); };
    const children = Array.from({ length: count }, (_, i) => {
      const fileName = fill(name, i);
      const file = new File([fill(text, i)], fileName, { type: 'text/plain' });
      return { isFile: true, isDirectory: false, name: fileName, fullPath: `/${folder}/${fileName}`, file: (ok: (f: File) => void) => later(() => ok(file)) };
    });
    const root = {
      isFile: false, isDirectory: true, name: folder, fullPath: `/${folder}`,
      createReader() {
        let next = 0;
        return { readEntries(ok: (e: unknown[]) => void) { const batch = children.slice(next, next + 100); next += batch.length; later(() => ok(batch)); } };
      },
    };
    (window as unknown as { hostileFolder: unknown }).hostileFolder = root;
  }, { folder, count, name, text });
  // Dropped in a task of its own: making the files is the test's work, not the page's.
  await page.evaluate(() => {
    const w = window as unknown as { hostileFolder: unknown; hostileDropAt: number };
    w.hostileDropAt = performance.now();
    const root = w.hostileFolder;
    let during = true;
    const item = { kind: 'file', type: '', webkitGetAsEntry: () => (during ? root : null), getAsFile: () => null };
    const transfer = { items: [item], files: [], types: ['Files'], dropEffect: 'copy', effectAllowed: 'all', getData: () => '', setData() {} };
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no [data-testid=drop-zone] on the page');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: transfer });
      zone.dispatchEvent(event);
    }
    during = false;
  });
}

/** Start recording the page's long tasks (main-thread work over 50 ms). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { hostileLongTasks: Array<[number, number]> };
    w.hostileLongTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.hostileLongTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: false });
  });
}

/** The long tasks recorded since watchLongTasks, leaving out those of the test making files in
 *  the page before a dropGenerated drop: how many, and the longest (ms). */
export async function longTasks(page: Page): Promise<{ count: number; longest: number }> {
  const tasks = await page.evaluate(() => {
    const w = window as unknown as { hostileLongTasks?: Array<[number, number]>; hostileDropAt?: number };
    return (w.hostileLongTasks ?? []).filter(([start]) => start >= (w.hostileDropAt ?? 0)).map(([, d]) => d);
  });
  return { count: tasks.length, longest: Math.round(Math.max(0, ...tasks)) };
}

/** The page's own JavaScript heap in MB (performance.memory, Chromium only). */
export async function pageHeapMegabytes(page: Page): Promise<number> {
  return page.evaluate(() => Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20));
}

/** Collect the page's dialogs (alert, confirm, prompt): untrusted text must never open one. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  return dialogs;
}
