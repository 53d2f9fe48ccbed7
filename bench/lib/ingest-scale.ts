// The Node half of the scale benchmark: one generated corpus (bench/search/corpus.ts) loaded end
// to end through the same `ingestFiles` the worker's loader runs (hash, decode, parse with repairs, the
// file-level dedup, jieba segmentation, SQLite + FTS4 insert) next to jieba-wasm alone cutting
// the same text: segmentation is the floor of the cost, so end-to-end / jieba-alone is the
// figure that matters. The machine is shared and its load changes by the second, so the two are
// INTERLEAVED: each chunk of files is ingested, then cut by jieba alone, then decoded and parsed
// alone, and the times are summed per kind. The per-stage breakdown comes from the same end-to-end
// pass (the segmenter and the store's insert and lookups are timed where ingestFiles calls them);
// hash, decode and parse are timed on their own on each chunk.
import { cut } from 'jieba-wasm';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { decodeBytes } from '../../src/core/decode/index';
import { sha256Hex } from '../../src/core/hash';
import { GROUP_FILES, ingestFiles } from '../../src/core/ingest/index';
import { parseBulletin } from '../../src/core/parse/index';
import { jiebaSegmenter, type Segmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import type { GeneratedBulletin } from '../search/corpus';
import type { StageResult } from './report';

/** Process memory at one moment (or the peak of each over a load), bytes. */
export interface PeakMemory {
  rss: number;
  heapUsed: number;
  /** ArrayBuffers, which include the sql.js WASM heap (and jieba's). */
  arrayBuffers: number;
}

/** What one corpus size measured in Node. */
export interface IngestScaleResult {
  articles: number;
  files: number;
  bytes: number;
  chars: number;
  /** End to end through ingestFiles, seconds (summed over the chunks). */
  endToEndSeconds: number;
  endToEndCharsPerSecond: number;
  jiebaSeconds: number;
  jiebaCharsPerSecond: number;
  /** endToEnd / jieba throughput: 1 means loading costs no more than segmenting. */
  ratioToJieba: number;
  stages: StageResult[];
  peak: PeakMemory;
  /** Memory just before the load (Node, the WASM modules, the generated corpus itself). */
  baseline: PeakMemory;
  /** (Peak - baseline) scaled to 10,000 articles (MB), so sizes compare. */
  peakPer10kArticlesMB: { rss: number; heapUsed: number; arrayBuffers: number };
}

/** A chunk is one group of the grouped load (one transaction), as the page's loader stores them. */
const CHUNK_FILES = GROUP_FILES;

function sample(peak: PeakMemory): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
}

/** Time spent inside calls, in milliseconds, per label. Exclusive: time in a wrapped call made
 *  from inside another (a duplicate lookup inside the group's transaction) counts for the inner
 *  label only. */
class Stopwatch {
  readonly ms = new Map<string, number>();
  private stack: Array<{ nested: number }> = [];
  wrap<A extends unknown[], R>(label: string, fn: (...a: A) => R): (...a: A) => R {
    return (...a: A) => {
      const t = performance.now();
      const frame = { nested: 0 };
      this.stack.push(frame);
      try {
        return fn(...a);
      } finally {
        this.stack.pop();
        const spent = performance.now() - t;
        this.ms.set(label, (this.ms.get(label) ?? 0) + spent - frame.nested);
        const parent = this.stack[this.stack.length - 1];
        if (parent) parent.nested += spent;
      }
    };
  }
  async time(label: string, fn: () => unknown): Promise<void> {
    const t = performance.now();
    await fn();
    this.ms.set(label, (this.ms.get(label) ?? 0) + performance.now() - t);
  }
  seconds(label: string): number {
    return (this.ms.get(label) ?? 0) / 1000;
  }
}

/** Load `corpus` end to end, interleaved chunk by chunk with jieba alone and the stages alone. */
export async function measureIngest(corpus: GeneratedBulletin[]): Promise<IngestScaleResult> {
  const encoder = new TextEncoder();
  const files = corpus.map((b) => ({ name: b.name, text: b.text, bytes: encoder.encode(b.text) }));
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const chars = files.reduce((n, f) => n + f.text.length, 0);
  const SQL = await initSqlJs();
  const watch = new Stopwatch();
  const jieba = jiebaSegmenter(cut);
  const segmenter: Segmenter = { cut: watch.wrap('segment', (t: string) => jieba.cut(t)) };

  // Warm-up (JIT, first WASM calls) on a few files into a throwaway store, not counted.
  const warm = CorpusStore.create(SQL);
  await ingestFiles(warm, jiebaSegmenter(cut), files.slice(0, 5).map((f) => ({ name: f.name, bytes: f.bytes, source: 'file' as const })));
  for (const f of files.slice(0, 5)) cut(f.text, true);
  warm.close();

  const store = CorpusStore.create(SQL);
  // Every write goes through transaction() (a group's, or addBulletin's own for a group of one).
  store.transaction = watch.wrap('insert', store.transaction.bind(store)) as typeof store.transaction;
  store.findBySha256 = watch.wrap('dedup', store.findBySha256.bind(store));
  store.findByTextIdentity = watch.wrap('dedup', store.findByTextIdentity.bind(store));
  (globalThis as { gc?: () => void }).gc?.();
  const peak: PeakMemory = { rss: 0, heapUsed: 0, arrayBuffers: 0 };
  sample(peak);
  const baseline = { ...peak };
  let loaded = 0;
  for (let at = 0; at < files.length; at += CHUNK_FILES) {
    const chunk = files.slice(at, at + CHUNK_FILES);
    await watch.time('e2e', async () => {
      const results = await ingestFiles(store, segmenter, chunk.map((f) => ({ name: f.name, bytes: f.bytes, source: 'file' as const })));
      for (const r of results) loaded += r.articles;
    });
    sample(peak);
    await watch.time('jieba', () => { for (const f of chunk) cut(f.text, true); });
    await watch.time('hash', async () => { for (const f of chunk) await sha256Hex(f.bytes); });
    await watch.time('decode', () => { for (const f of chunk) decodeBytes(f.bytes); });
    await watch.time('parse', () => { for (const f of chunk) parseBulletin(f.text, { fileName: f.name }); });
  }
  const articles = store.stats().articles;
  if (articles !== loaded) throw new Error(`the store holds ${articles} articles, ingest reported ${loaded}`);
  store.close();

  const e2e = watch.seconds('e2e');
  const jiebaRate = chars / watch.seconds('jieba');
  const row = (stage: string, seconds: number, reference = false): StageResult => ({
    stage, seconds, charsPerSecond: chars / seconds, bytesPerSecond: bytes / seconds,
    ratioToJieba: reference ? null : chars / seconds / jiebaRate,
  });
  const measured = ['hash', 'decode', 'parse', 'segment', 'insert', 'dedup'].reduce((n, k) => n + watch.seconds(k), 0);
  const per10k = (b: number) => Math.round((Math.max(0, b) / 1e6) * (10_000 / articles));
  return {
    articles, files: files.length, bytes, chars,
    endToEndSeconds: e2e, endToEndCharsPerSecond: chars / e2e,
    jiebaSeconds: watch.seconds('jieba'), jiebaCharsPerSecond: jiebaRate,
    ratioToJieba: chars / e2e / jiebaRate,
    stages: [
      row('hash (SHA-256)', watch.seconds('hash')),
      row('decode', watch.seconds('decode')),
      row('parse + repair', watch.seconds('parse')),
      row('dedup lookups (bytes, text identity)', watch.seconds('dedup')),
      row('segment indexed fields (jieba)', watch.seconds('segment')),
      row(`store insert (sql.js + FTS4, 1 txn per ${CHUNK_FILES} files)`, watch.seconds('insert')),
      row('rest (file identity, glue)', Math.max(0, e2e - measured)),
      row('END TO END (ingestFiles)', e2e),
      row('reference: jieba-wasm alone, same text', watch.seconds('jieba'), true),
    ],
    peak, baseline,
    peakPer10kArticlesMB: {
      rss: per10k(peak.rss - baseline.rss), heapUsed: per10k(peak.heapUsed - baseline.heapUsed), arrayBuffers: per10k(peak.arrayBuffers - baseline.arrayBuffers),
    },
  };
}
