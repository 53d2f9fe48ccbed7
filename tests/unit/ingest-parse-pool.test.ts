// The corpus worker's parse pool (src/worker/parse-pool.ts) with the loader: fake workers run the
// real parse-worker code path (prepareBulletin without a segmenter) on a later task, answering in
// a scrambled order, and the corpus must come out exactly as a load without a pool; a cancel
// drops what the workers still hold; a worker that fails has its file prepared by the loader.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { prepareBulletin } from '../../src/core/ingest/prepared';
import { characterSegmenter } from '../../src/core/segment';
import { CorpusStore } from '../../src/core/store';
import { Loader } from '../../src/worker/loader';
import { ParsePool, POOL_MIN_FILES, poolSize, type PoolWorker } from '../../src/worker/parse-pool';
import type { ParseJob, ParseReply } from '../../src/worker/parse-protocol';
import { ProgressBatcher } from '../../src/worker/progress';
import type { FileProgress } from '../../src/worker/protocol';
import { generateCorpus } from '../../bench/search/corpus';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

/** A worker in this thread: answers after a delay that differs per job, so answers overtake. */
class FakeWorker implements PoolWorker {
  onmessage: ((e: { data: ParseReply }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  jobs = 0;
  terminated = false;
  constructor(private readonly failOn: string | null = null) {}
  postMessage(job: ParseJob): void {
    this.jobs++;
    setTimeout(() => {
      if (this.terminated) return;
      if (job.name === this.failOn) {
        this.onerror?.({ message: 'out of memory' });
        return;
      }
      void prepareBulletin(job.name, job.bytes, null, job.source).then((prepared) => {
        if (!this.terminated) this.onmessage?.({ data: { seq: job.seq, prepared } });
      });
    }, (job.seq * 7) % 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const encode = (s: string) => new TextEncoder().encode(s);

function setup(makePool: ((files: number) => ParsePool | null) | undefined) {
  const store = CorpusStore.create(SQL);
  const batches: FileProgress[][] = [];
  const progress = new ProgressBatcher((files) => batches.push(files), 100);
  const loader = new Loader({
    store: async () => store, segmenter: async () => characterSegmenter, progress,
    fetch: async () => new Response('', { status: 404 }), parsePool: makePool,
  });
  const latest = () => {
    const m = new Map<string, FileProgress>();
    for (const b of batches) for (const f of b) m.set(f.key, f);
    return [...m.values()];
  };
  return { store, loader, latest };
}

function rows(store: CorpusStore): string {
  return JSON.stringify(['SELECT * FROM bulletins ORDER BY id', 'SELECT * FROM articles ORDER BY id', 'SELECT * FROM search_text ORDER BY id',
    'SELECT name, duplicate_of, match FROM duplicate_files ORDER BY id'].map((sql) => store.db.exec(sql)[0]?.values ?? []));
}

const corpus = generateCorpus({ articles: 700 });
const files = () => {
  const list = corpus.map((b) => ({ name: b.name, file: new Blob([encode(b.text)]) }));
  list.splice(10, 0, { name: 'again.txt', file: new Blob([encode(corpus[4].text)]) }); // a copy, parsed by a worker
  return list;
};

describe('the parse pool', () => {
  it('gives a corpus identical to a load without a pool, whatever order the workers answer in', async () => {
    expect(files().length).toBeGreaterThanOrEqual(POOL_MIN_FILES);
    const plain = setup(undefined);
    await plain.loader.addFiles(files());
    const workers = [new FakeWorker(), new FakeWorker(), new FakeWorker()];
    const pooled = setup(() => new ParsePool(workers));
    const summary = await pooled.loader.addFiles(files());

    expect(workers.every((w) => w.jobs > 5 && w.terminated)).toBe(true);
    expect(summary).toMatchObject({ files: files().length, skipped: 1, errors: 0 });
    expect(rows(pooled.store)).toBe(rows(plain.store));
    expect(pooled.latest().map((f) => `${f.name}:${f.state}`)).toEqual(plain.latest().map((f) => `${f.name}:${f.state}`));
  });

  it('on cancel stores what was handed over, in order, and reports every later file cancelled', async () => {
    const { loader, latest, store } = setup(() => new ParsePool([new FakeWorker(), new FakeWorker()]));
    const loading = loader.addFiles(files());
    await new Promise((r) => setTimeout(r, 40));
    loader.cancel();
    const summary = await loading;
    // The files before the first cancelled one were all handled (stored, or the copy skipped as
    // a duplicate); from it on, every file is cancelled: no file after a cancelled one was stored.
    const all = latest();
    const firstCancelled = all.findIndex((f) => f.problem?.code === 'cancelled');
    expect(summary.skipped).toBeGreaterThan(0);
    expect(firstCancelled).toBeGreaterThanOrEqual(0);
    const handled = all.slice(0, firstCancelled);
    expect(handled.every((f) => f.state === 'done' || (f.name === 'again.txt' && f.problem?.code === 'duplicate'))).toBe(true);
    expect(all.slice(firstCancelled).every((f) => f.problem?.code === 'cancelled')).toBe(true);
    expect(store.listBulletins().map((b) => b.name)).toEqual(handled.filter((f) => f.state === 'done').map((f) => f.name));
    expect(store.stats().articles).toBe(summary.articles);
  });

  it('prepares a file itself when its parse worker fails, and goes on with the others', async () => {
    const failing = new FakeWorker(corpus[3].name);
    const { loader, latest, store } = setup(() => new ParsePool([failing, new FakeWorker()]));
    const summary = await loader.addFiles(files());
    expect(failing.terminated).toBe(true);
    expect(summary.errors).toBe(0);
    expect(latest().find((f) => f.name === corpus[3].name)?.state).toBe('done');
    expect(store.listBulletins()).toHaveLength(files().length - 1);
  });

  it('leaves one core to the corpus worker and starts at most three parse workers', () => {
    expect([1, 2, 4, 16].map((n) => poolSize(n))).toEqual([0, 1, 3, 3]);
  });
});
