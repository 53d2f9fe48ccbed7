// The real client over a scripted fake worker: requests, progress, states, and "latest wins".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { CorpusClient, type WorkerLike } from '../../src/ui/lib/corpus-client.svelte';
import type { WorkerMessage, WorkerRequest } from '../../src/worker/protocol';
import { page, row } from './fake-client.svelte';

/** A worker whose answers the test sends by hand, in any order. */
class ScriptedWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  private listeners: Array<(e: MessageEvent<WorkerMessage>) => void> = [];
  terminated = false;
  postMessage(m: WorkerRequest) {
    this.sent.push(m);
  }
  addEventListener(type: string, fn: (e: never) => void) {
    if (type === 'message') this.listeners.push(fn as (e: MessageEvent<WorkerMessage>) => void);
  }
  terminate() {
    this.terminated = true;
  }
  emit(m: WorkerMessage) {
    for (const l of this.listeners) l({ data: m } as MessageEvent<WorkerMessage>);
  }
  reply(req: WorkerRequest | undefined, result: unknown) {
    if (!req) throw new Error('no such request');
    this.emit({ type: 'response', id: req.id, ok: true, result });
  }
  last(type: WorkerRequest['type']) {
    return this.sent.filter((r) => r.type === type).at(-1);
  }
  all(type: WorkerRequest['type']) {
    return this.sent.filter((r) => r.type === type);
  }
}

const stats = (articles: number) => ({ bulletins: 1, failed: 0, articles, fragments: 0 });
const tick = () => new Promise((r) => setTimeout(r, 0));
let client: CorpusClient | null = null;
afterEach(() => client?.dispose());

describe('CorpusClient', () => {
  it('starts, loads the samples, lists the articles, and only then says ready', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w, { debounceMs: 5 });
    expect(client.status).toBe('starting');
    const started = client.start('http://x/seeds/manifest.json');
    w.reply(w.last('stats'), stats(0));
    await tick();
    expect(w.last('load-samples')).toMatchObject({ manifestUrl: 'http://x/seeds/manifest.json' });
    expect(client.status).toBe('loading');
    w.emit({ type: 'progress', files: [{ key: 'f1', name: 'a.txt', source: 'sample', state: 'done', articles: 3, fragments: 0, encoding: 'utf-8', problem: null }], stats: stats(3) });
    w.reply(w.last('load-samples'), { files: 1, done: 1, errors: 0, skipped: 0, articles: 3 });
    await tick();
    expect(client.status).toBe('loading'); // the list is not there yet
    // The progress event asked for a refresh too; answering the older search is not enough.
    const [own, refresh] = w.all('search');
    expect(refresh).toBeDefined();
    w.reply(own, page([], { total: 0 }));
    await tick();
    expect(client.status).toBe('loading');
    w.reply(refresh, page([row()], { total: 3 }));
    await started;
    expect(client.status).toBe('ready');
    expect(client.stats.articles).toBe(3);
    expect(client.files.map((f) => f.name)).toEqual(['a.txt']);
    expect(client.page?.total).toBe(3);
  });

  it('keeps one entry per file as its state changes', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w);
    const base = { source: 'file' as const, articles: 0, fragments: 0, encoding: null, problem: null };
    w.emit({ type: 'progress', files: [{ ...base, key: 'f1', name: 'a.txt', state: 'queued' }, { ...base, key: 'f2', name: 'b.txt', state: 'queued' }], stats: null });
    w.emit({ type: 'progress', files: [{ ...base, key: 'f1', name: 'a.txt', state: 'done', articles: 4 }], stats: null });
    expect(client.files.map((f) => `${f.name}:${f.state}:${f.articles}`)).toEqual(['a.txt:done:4', 'b.txt:queued:0']);
  });

  it('keeps the file counts as rows change and tells the view once per frame, not per event', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w);
    const base = { source: 'file' as const, articles: 0, fragments: 0, encoding: null, problem: null };
    const files = Array.from({ length: 10_000 }, (_, i) => ({ ...base, key: `f${i}`, name: `${i}.txt`, state: 'queued' as const }));
    const version = client.fileRows.version;
    w.emit({ type: 'progress', files, stats: null });
    for (let i = 0; i < 50; i++) {
      w.emit({ type: 'progress', files: [{ ...base, key: `f${i}`, name: `${i}.txt`, state: i % 10 ? 'done' : 'error', problem: i % 10 ? null : { code: 'unreadable', message: 'x' } }], stats: null });
    }
    // The rows are there at once; the view hears of them in one publish.
    expect(client.files).toHaveLength(10_000);
    expect(client.fileRows.version).toBe(version);
    await vi.waitFor(() => expect(client!.fileRows.version).toBe(version + 1));
    expect(client.fileRows.counts).toEqual({ total: 10_000, done: 45, error: 5, skipped: 0, pending: 9_950 });
    expect(client.fileRows.slice(true, 0, 100).map((f) => f.name)).toEqual(['0.txt', '10.txt', '20.txt', '30.txt', '40.txt']);
    // 10,000 more changes cost the client a few milliseconds, not a walk over the rows each.
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) w.emit({ type: 'progress', files: [{ ...base, key: `f${i}`, name: `${i}.txt`, state: 'done', articles: 1 }], stats: null });
    expect(performance.now() - t0).toBeLessThan(500);
    await vi.waitFor(() => expect(client!.fileRows.counts.done).toBe(10_000));
    expect(client.fileRows.slice(true, 0, 100)).toEqual([]);
  });

  it('debounces typing into one search and drops answers to superseded searches', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w, { debounceMs: 20 });
    client.setQuery('防');
    client.setQuery('防汛');
    expect(client.searching).toBe(true);
    await vi.waitFor(() => expect(w.all('search')).toHaveLength(1));
    const first = w.last('search')!;
    expect(first).toMatchObject({ query: '防汛', offset: 0 });
    client.setQuery('防汛会议');
    await vi.waitFor(() => expect(w.all('search')).toHaveLength(2));
    const second = w.last('search')!;
    w.reply(second, page([row({ headline: '新' })], { query: '防汛会议' }));
    await tick();
    w.reply(first, page([row({ headline: '旧' })], { query: '防汛' })); // late answer to the old query
    await tick();
    expect(client.page?.query).toBe('防汛会议');
    expect(client.page?.rows[0].headline).toBe('新');
    expect(client.searching).toBe(false);
  });

  it('opens only the article asked for last', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w);
    client.openArticle(1);
    client.openArticle(2);
    const [a, b] = w.all('get-article');
    w.reply(b, { id: 2 });
    await tick();
    w.reply(a, { id: 1 });
    await tick();
    expect(client.article).toMatchObject({ id: 2 });
    client.closeArticle();
    expect(client.article).toBeNull();
  });

  it('refreshes the shown page when files add articles, without flooding the worker', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w, { refreshMs: 30 });
    for (let i = 1; i <= 5; i++) w.emit({ type: 'progress', files: [], stats: stats(i * 10) });
    expect(client.stats.articles).toBe(50);
    await vi.waitFor(() => expect(w.all('search')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(w.all('search')).toHaveLength(1);
  });

  it('hands files to the worker and counts as loading while a dropped folder is still being walked', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w);
    let walked!: (f: { name: string; file: Blob }[]) => void;
    const done = client.addFiles(new Promise((r) => (walked = r)));
    flushSync();
    expect(client.status).not.toBe('ready');
    walked([{ name: 'x/a.md', file: new Blob(['## a']) }]);
    await tick();
    expect(w.last('add-files')).toMatchObject({ files: [{ name: 'x/a.md' }] });
    w.reply(w.last('add-files'), { files: 1, done: 1, errors: 0, skipped: 0, articles: 1 });
    await tick();
    w.reply(w.last('stats'), stats(1));
    await tick();
    for (const search of w.all('search')) w.reply(search, page([row()]));
    await done;
    expect(client.stats.articles).toBe(1);
  });

  it('turns a worker error into a visible error state', async () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w);
    const started = client.start(null);
    w.emit({ type: 'response', id: w.last('stats')!.id, ok: false, error: 'the database engine (sql.js) could not start' });
    await started;
    expect(client.status).toBe('error');
    expect(client.error).toMatch(/sql\.js/);
  });

  it('records why jieba could not load', () => {
    const w = new ScriptedWorker();
    client = new CorpusClient(w);
    w.emit({ type: 'notice', code: 'segmenter-fallback', detail: 'WebAssembly blocked' });
    expect(client.segmenterProblem).toBe('WebAssembly blocked');
  });
});
