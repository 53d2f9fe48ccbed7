// The corpus worker's parse pool (src/worker/parse-pool.ts) with the loader: fake workers run the
// real parse-worker code (parse-handler.ts) on a later task, answering in a scrambled order, with
// a stand-in jieba that cuts by the words it was taught, and the corpus (words included) must
// come out exactly as a load without a pool whose jieba was taught the same words, also when a
// word is taught while the pool runs; a cancel drops what the workers still hold; a worker that
// fails has its file prepared by the loader.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { characterSegmenter, jiebaSegmenter, type Segmenter } from '../../src/core/segment';
import { CorpusStore } from '../../src/core/store';
import { Loader } from '../../src/worker/loader';
import { ParsePool, POOL_MIN_FILES, poolSize, type PoolWorker } from '../../src/worker/parse-pool';
import { parseHandler, type TeachableJieba } from '../../src/worker/parse-handler';
import type { ParseMessage, ParseReply } from '../../src/worker/parse-protocol';
import { TaughtWords } from '../../src/worker/taught-words';
import { ProgressBatcher } from '../../src/worker/progress';
import type { FileProgress } from '../../src/worker/protocol';
import { generateCorpus } from '../../bench/search/corpus';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

/** A stand-in for jieba: cuts the longest word it was taught (`word freq tag` lines; a line
 *  without a frequency is ignored, as jieba does), else one character. */
function fakeJieba(): TeachableJieba {
  const words = new Set<string>();
  return {
    with_dict(text) {
      for (const line of text.split('\n')) {
        const [word, freq] = line.split(' ');
        if (word && freq) words.add(word);
      }
    },
    cut(text) {
      const chars = [...text];
      const out: string[] = [];
      for (let i = 0; i < chars.length;) {
        let n = Math.min(8, chars.length - i);
        while (n > 1 && !words.has(chars.slice(i, i + n).join(''))) n--;
        out.push(chars.slice(i, i + n).join(''));
        i += n;
      }
      return out;
    },
  };
}

/** A worker in this thread: answers after a delay that differs per job, so answers overtake. */
class FakeWorker implements PoolWorker {
  onmessage: ((e: { data: ParseReply }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  jobs = 0;
  /** Files it sent back cut into words. */
  cut = 0;
  terminated = false;
  private readonly handle = parseHandler(async () => fakeJieba(), (reply) => {
    if (this.terminated) return;
    if (reply.prepared?.dictionaryVersion !== undefined) this.cut++;
    this.onmessage?.({ data: reply });
  });
  constructor(private readonly failOn: string | null = null) {}
  postMessage(m: ParseMessage): void {
    if (m.setup) return this.handle(m);
    this.jobs++;
    setTimeout(() => {
      if (this.terminated) return;
      if (m.name === this.failOn) {
        this.onerror?.({ message: 'out of memory' });
        return;
      }
      this.handle(m);
    }, (m.seq * 7) % 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const encode = (s: string) => new TextEncoder().encode(s);

/** A load's surroundings; with `taught`, the segmenter is a (stand-in) jieba taught through it. */
function setup(makePool: ConstructorParameters<typeof Loader>[0]['parsePool'], taught?: { words: TaughtWords; jieba: TeachableJieba }) {
  const store = CorpusStore.create(SQL);
  const batches: FileProgress[][] = [];
  const progress = new ProgressBatcher((files) => batches.push(files), 100);
  const segmenter: Segmenter = taught ? jiebaSegmenter(taught.jieba.cut) : characterSegmenter;
  const loader = new Loader({
    store: async () => store, segmenter: async () => segmenter, progress,
    fetch: async () => new Response('', { status: 404 }), parsePool: makePool,
    ...(taught ? { dictionary: () => taught.words } : {}),
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

  /** A stand-in jieba taught `lines`, recorded as the corpus worker's jieba records its words. */
  function taughtJieba(...lines: string[]) {
    const taught = { words: new TaughtWords(), jieba: fakeJieba() };
    for (const line of lines) taught.words.teach(taught.jieba, line);
    return taught;
  }
  const segBodies = (store: CorpusStore) => (store.db.exec('SELECT seg_body FROM articles ORDER BY id')[0]?.values ?? []).map((r) => String(r[0]));

  it('has the parse workers cut the words as the corpus worker\'s taught jieba does: the same rows, words included', async () => {
    const plain = setup(undefined, taughtJieba('整改 1000 n\n问题 1000 n', '督办事项 1000 n'));
    await plain.loader.addFiles(files());
    // The words change the cut: a load without them stores other words.
    const untaught = setup(undefined, taughtJieba());
    await untaught.loader.addFiles(files());
    expect(segBodies(plain.store).join(' ').split(' ')).toContain('督办事项');
    expect(segBodies(untaught.store)).not.toEqual(segBodies(plain.store));

    const workers = [new FakeWorker(), new FakeWorker()];
    const pooled = setup((_, dictionary) => new ParsePool(workers, dictionary), taughtJieba('整改 1000 n\n问题 1000 n', '督办事项 1000 n'));
    await pooled.loader.addFiles(files());
    // Every file was cut by a worker (the copy too: the worker cannot know it is one).
    expect(workers[0].cut + workers[1].cut).toBe(files().length);
    expect(rows(pooled.store)).toBe(rows(plain.store));
  });

  it('cuts again a file a parse worker cut before jieba learnt a word during the load', async () => {
    // The load without the pool cuts every file after the word was taught.
    const plain = setup(undefined, taughtJieba('整改 1000 n', '工作 1000 n'));
    await plain.loader.addFiles(files());
    const workers = [new FakeWorker(), new FakeWorker()];
    const taught = taughtJieba('整改 1000 n');
    const pooled = setup((_, dictionary) => {
      const pool = new ParsePool(workers, dictionary);
      // Taught once the pool has its dictionary, before any file is answered (a people-index
      // pass between two loads' files): every file the workers cut is out of date.
      taught.words.teach(taught.jieba, '工作 1000 n');
      return pool;
    }, taught);
    await pooled.loader.addFiles(files());
    expect(workers[0].cut + workers[1].cut).toBe(files().length);
    expect(segBodies(pooled.store).join(' ').split(' ')).toContain('工作');
    expect(rows(pooled.store)).toBe(rows(plain.store));
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
