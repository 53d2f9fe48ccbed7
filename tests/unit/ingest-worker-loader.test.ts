// The worker's loading queue and progress batching, run in Node with a real store and fake fetch.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { CorpusStore } from '../../src/core/store';
import { characterSegmenter } from '../../src/core/segment';
import { Loader } from '../../src/worker/loader';
import { ProgressBatcher } from '../../src/worker/progress';
import type { FileProgress } from '../../src/worker/protocol';
import { MARKDOWN_BULLETIN } from './store-fixtures';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

function setup(fetchImpl: typeof fetch = async () => new Response('', { status: 404 })) {
  const store = CorpusStore.create(SQL);
  const batches: FileProgress[][] = [];
  const progress = new ProgressBatcher((files) => batches.push(files), 100);
  const loader = new Loader({ store: async () => store, segmenter: async () => characterSegmenter, progress, fetch: fetchImpl });
  const latest = () => {
    const m = new Map<string, FileProgress>();
    for (const b of batches) for (const f of b) m.set(f.key, f);
    return [...m.values()];
  };
  return { store, batches, loader, latest };
}

const blob = (s: string | Uint8Array) => new Blob([s]);

describe('worker Loader', () => {
  it('reports each file queued first, then its outcome, and sums the request up', async () => {
    const { loader, batches, latest, store } = setup();
    const summary = await loader.addFiles([
      { name: 'a.md', file: blob(MARKDOWN_BULLETIN) },
      { name: 'photo.png', file: blob(new Uint8Array([0x89, 0x50, 0x4e, 0x47])) },
      { name: 'fake.txt', file: blob(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])) },
      { name: 'b.zip', file: blob(zipSync({ 'x/one.txt': strToU8('## 一\n正文'), 'x/pic.jpg': strToU8('j') })) },
      { name: 'c.zip', file: blob('not a zip') },
    ]);
    const events = batches.flat().map((f) => `${f.name}:${f.state}`);
    expect(events.slice(0, 5)).toEqual(['a.md:queued', 'photo.png:queued', 'fake.txt:queued', 'b.zip:queued', 'c.zip:queued']);
    expect(latest().map((f) => `${f.name}:${f.state}:${f.problem?.code ?? f.articles}`)).toEqual([
      `a.md:done:${store.listBulletins()[0].articles}`, 'photo.png:skipped:not-bulletin', 'fake.txt:error:unreadable',
      'b.zip:done:1', 'c.zip:error:zip-invalid', 'b.zip/x/one.txt:done:1', 'b.zip/x/pic.jpg:skipped:not-bulletin',
    ]);
    const archive = latest().find((f) => f.name === 'b.zip')!;
    expect(archive.entries).toBe(2);
    expect(latest().find((f) => f.name === 'b.zip/x/one.txt')!.parent).toBe(archive.key);
    expect(summary).toMatchObject({ files: 5, done: 2, errors: 2, skipped: 1 });
    expect(summary.articles).toBe(store.stats().articles);
  });

  it('loads the samples listed in a manifest and reports a missing one by name', async () => {
    const files: Record<string, string> = { 'http://h/seeds/manifest.json': JSON.stringify({ files: ['a.md', 'gone.txt'] }), 'http://h/seeds/a.md': MARKDOWN_BULLETIN };
    const { loader, latest, store } = setup(async (url) => {
      const body = files[String(url)];
      return body === undefined ? new Response('', { status: 404 }) : new Response(body);
    });
    const summary = await loader.loadSamples('http://h/seeds/manifest.json');
    expect(summary).toMatchObject({ files: 2, done: 1, errors: 1 });
    expect(latest().map((f) => `${f.name}:${f.source}:${f.state}`)).toEqual(['a.md:sample:done', 'gone.txt:sample:error']);
    expect(latest()[1].problem).toMatchObject({ code: 'fetch-failed', detail: 'HTTP 404 for http://h/seeds/gone.txt' });
    expect(store.listBulletins()[0].source).toBe('sample');
  });

  it('reports an unreachable manifest as one failed entry', async () => {
    const { loader, latest } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    const summary = await loader.loadSamples('http://h/seeds/manifest.json');
    expect(summary.errors).toBe(1);
    expect(latest()[0]).toMatchObject({ name: 'seeds/manifest.json', state: 'error', problem: { code: 'fetch-failed', detail: 'Failed to fetch' } });
  });

  it('names pasted bulletins pasted-1.txt, pasted-2.txt …', async () => {
    const { loader, store } = setup();
    await loader.addText('## 甲\n正文');
    await loader.addText('## 乙\n正文');
    expect(store.listBulletins().map((b) => [b.name, b.source])).toEqual([['pasted-1.txt', 'paste'], ['pasted-2.txt', 'paste']]);
  });

  it('reports a file that cannot be read and goes on with the next', async () => {
    const { loader, latest } = setup();
    const unreadable = { size: 10, arrayBuffer: async () => { throw new Error('NotReadableError: file moved'); } } as unknown as Blob;
    await loader.addFiles([{ name: 'moved.txt', file: unreadable }, { name: 'ok.md', file: blob(MARKDOWN_BULLETIN) }]);
    expect(latest().map((f) => `${f.state}:${f.problem?.code ?? ''}`)).toEqual(['error:read-failed', 'done:']);
  });

  it('runs loads one after another, in the order they were asked for', async () => {
    const { loader, store } = setup();
    await Promise.all([
      loader.addFiles([{ name: 'first.md', file: blob(MARKDOWN_BULLETIN) }]),
      loader.addText('## 第二\n正文'),
      loader.serial(async () => store.clear()),
      loader.addFiles([{ name: 'third.md', file: blob('## 第三\n正文') }]),
    ]);
    expect(store.listBulletins().map((b) => b.name)).toEqual(['third.md']);
  });
});

describe('ProgressBatcher', () => {
  it('sends at most one batch per interval, the latest state of each file', () => {
    let now = 0;
    const sent: FileProgress[][] = [];
    const b = new ProgressBatcher((f) => sent.push(f), 100, () => now);
    const p = (key: string, state: FileProgress['state']): FileProgress => ({ key, name: key, source: 'file', state, articles: 0, fragments: 0, encoding: null, problem: null });
    now = 1000;
    b.update(p('a', 'queued')); // first update goes out at once
    for (let i = 0; i < 500; i++) {
      now += 0.1;
      b.update(p(`f${i}`, 'loading'));
      b.update(p(`f${i}`, 'done'));
    }
    b.flush();
    expect(sent.length).toBeLessThanOrEqual(3);
    const all = sent.flat();
    expect(all.filter((f) => f.key === 'f7')).toEqual([p('f7', 'done')]);
    expect(new Set(all.map((f) => f.key)).size).toBe(501);
  });
});
