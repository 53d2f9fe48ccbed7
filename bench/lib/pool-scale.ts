// Does a pool of worker threads make loading faster, with identical results? The same generated
// corpus, written to a temporary folder, is loaded three ways in this one run (each twice):
//   one thread:   ingestFiles (what the page's worker does without a pool: each file prepared
//                 in turn, stored a group of files per transaction);
//   pool of 1:    the CLI build's pool (cli/lib/build/pool.ts): hash, decode, parse and segment in
//                 a worker thread (src/core/ingest/prepared.ts), the store write in this thread
//                 (a group of files per transaction, as in one thread);
//   pool of N:    the same with N = the number of CPUs.
// The corpus each produces is compared row for row (articles and bulletins, a SHA-256 of them):
// parallel preparation must not change a single id, headline or segment.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cut } from 'jieba-wasm';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { runPool } from '../../cli/lib/build/pool';
import { GroupWriter, ingestFiles } from '../../src/core/ingest/index';
import { jiebaSegmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import type { GeneratedBulletin } from '../search/corpus';

/** One way of loading, timed, with a digest of what it stored. */
export interface PoolRun {
  mode: string;
  threads: number;
  seconds: number;
  articles: number;
  digest: string;
}

/** The pool comparison: each mode's time and whether every corpus came out identical. */
export interface PoolResult {
  cpus: number;
  runs: PoolRun[];
  identical: boolean;
  /** Pool of N against one thread (ingestFiles), and against a pool of 1. */
  speedupVsOneThread: number;
  speedupVsPoolOfOne: number;
}

function digest(store: CorpusStore): string {
  const h = createHash('sha256');
  for (const table of ['bulletins', 'articles']) {
    const [res] = store.db.exec(`SELECT * FROM ${table} ORDER BY id`);
    for (const row of res?.values ?? []) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

/** Load `corpus` one thread, pool of 1 and pool of all CPUs; compare times and results. */
export async function measurePool(corpus: GeneratedBulletin[], threads = cpus().length): Promise<PoolResult> {
  const dir = join(tmpdir(), 'baoxun-pool-bench');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const jobs = corpus.map((b, seq) => {
    const path = join(dir, `${String(seq).padStart(6, '0')}.txt`);
    writeFileSync(path, b.text);
    return { seq, path, name: b.name };
  });
  const SQL = await initSqlJs();
  const segmenter = jiebaSegmenter(cut);
  const runs: PoolRun[] = [];
  try {
    const oneThread = async (): Promise<PoolRun> => {
      const store = CorpusStore.create(SQL);
      const t = performance.now();
      await ingestFiles(store, segmenter, jobs.map((j) => ({ name: j.name, bytes: new Uint8Array(readFileSync(j.path)), source: 'file' as const })));
      const seconds = (performance.now() - t) / 1000;
      const run = { mode: 'one thread (ingestFiles)', threads: 1, seconds, articles: store.stats().articles, digest: digest(store) };
      store.close();
      return run;
    };
    const pool = async (n: number): Promise<PoolRun> => {
      const store = CorpusStore.create(SQL);
      const t = performance.now();
      const writer = new GroupWriter<number>(store, () => undefined);
      await runPool(jobs, n, (reply) => {
        if (!reply.prepared) throw new Error(`${reply.seq}: ${reply.readError}`);
        writer.add(reply.prepared, reply.seq);
      });
      writer.flush();
      const seconds = (performance.now() - t) / 1000;
      const run = { mode: `pool of ${n} (prepare in workers, write here)`, threads: n, seconds, articles: store.stats().articles, digest: digest(store) };
      store.close();
      return run;
    };
    // Warm-up (jieba's dictionary loads on its first cut, the JIT compiles the parser): not timed.
    const warm = CorpusStore.create(SQL);
    await ingestFiles(warm, segmenter, jobs.slice(0, 10).map((j) => ({ name: j.name, bytes: new Uint8Array(readFileSync(j.path)), source: 'file' as const })));
    warm.close();
    // Each mode twice, in the order A B C C B A, so that a change in the machine's load hits
    // every mode alike; each keeps its faster run.
    const first = [await oneThread(), await pool(threads), await pool(1)];
    const second = [await pool(1), await pool(threads), await oneThread()].reverse();
    for (let i = 0; i < first.length; i++) {
      if (first[i].digest !== second[i].digest) throw new Error(`${first[i].mode}: two runs stored different corpora`);
      runs.push(first[i].seconds <= second[i].seconds ? first[i] : second[i]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [single, many, poolOne] = runs;
  return {
    cpus: threads, runs,
    identical: runs.every((r) => r.digest === single.digest && r.articles === single.articles),
    speedupVsOneThread: single.seconds / many.seconds,
    speedupVsPoolOfOne: poolOne.seconds / many.seconds,
  };
}
