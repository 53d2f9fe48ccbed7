// The benchmark page: the app's real corpus worker, driven through its protocol by
// bench/search/run.ts (playwright). Timings of searches come from the worker itself (tookMs);
// round trips are timed here.
import type { ParamsOf, RequestType, ResultOf, WorkerMessage, WorkerRequest } from '../../../src/worker/protocol';

// Typed structurally: this file is type-checked with the Node zone (cli/tsconfig.json, no DOM
// library) and bundled for the browser by Vite (which finds the worker by `new Worker(new URL…)`).
declare const Worker: new (url: URL, opts: { type: 'module'; name: string }) => {
  postMessage(m: WorkerRequest): void;
  addEventListener(type: 'message', listener: (e: { data: WorkerMessage }) => void): void;
};
interface PageGlobals {
  document: { body: { dataset: Record<string, string> } };
  bench?: unknown;
}
const page = globalThis as unknown as PageGlobals;

// `?workers=N` sets the corpus worker's parse workers (src/worker/parse-pool.ts), so the pool
// benchmark (bench/lib/pool-browser.ts) loads the same corpus with and without them.
const workers = /[?&]workers=(\d+)/.exec(String((globalThis as unknown as { location: { search: string } }).location.search))?.[1];
const worker = new Worker(new URL('../../../src/worker/worker.ts', import.meta.url), {
  type: 'module', name: workers === undefined ? 'baoxun-corpus' : `baoxun-corpus parse-workers=${workers}`,
});
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
worker.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type !== 'response') return;
  const p = pending.get(msg.id);
  pending.delete(msg.id);
  if (msg.ok) p?.resolve(msg.result);
  else p?.reject(new Error(msg.error));
});

function request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker.postMessage({ id, type, ...params } as WorkerRequest);
  });
}

/** One measured search. */
interface Timed {
  tookMs: number;
  roundTripMs: number;
  total: number;
  facets: number;
}

const bench = {
  /** Load the corpus listed in a manifest, as the page loads its sample corpus. */
  async load(manifestUrl: string): Promise<{ ms: number; summary: ResultOf<'load-samples'> }> {
    const t = performance.now();
    const summary = await request('load-samples', { manifestUrl });
    return { ms: performance.now() - t, summary };
  },
  async stats(): Promise<ResultOf<'search-stats'>> {
    return request('search-stats', {});
  },
  /** Wait until the people index's pass after the load (another desk's background work in the
   *  same worker) has finished, so searches are timed in a settled worker. Resolves to its phase. */
  async settle(maxMs: number): Promise<{ ms: number; phase: string }> {
    const t = performance.now();
    const status = () => (request as unknown as (type: string, p: object) => Promise<{ phase?: string }>)('entities-status', {}).catch(() => ({ phase: 'unknown' }));
    let phase = (await status()).phase ?? 'unknown';
    while (!['ready', 'idle', 'error', 'unknown'].includes(phase) && performance.now() - t < maxMs) {
      await new Promise((r) => setTimeout(r, 500));
      phase = (await status()).phase ?? 'unknown';
    }
    return { ms: performance.now() - t, phase };
  },
  async search(params: ParamsOf<'search'>): Promise<Timed> {
    const t = performance.now();
    const page = await request('search', params);
    return { tookMs: page.tookMs, roundTripMs: performance.now() - t, total: page.total, facets: page.facets.reduce((n, f) => n + f.values.length, 0) };
  },
  /** The first values of a facet for a query (to build filter-chip requests). */
  async facetValues(query: string, field: string): Promise<string[]> {
    const page = await request('search', { query, offset: 0, limit: 1 });
    return page.facets.find((f) => f.field === field)?.values.map((v) => v.value) ?? [];
  },
};

page.bench = bench;
page.document.body.dataset.ready = 'true';
