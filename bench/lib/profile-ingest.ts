// Profile helper: load a generated corpus through ingestFile once, with no interleaving, so a
// `node --cpu-prof` run shows where the single-thread ingest spends its time.
//   npx tsx --cpu-prof --cpu-prof-dir /tmp/prof bench/lib/profile-ingest.ts 1000
import { cut } from 'jieba-wasm';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { ingestFiles } from '../../src/core/ingest/index';
import { optimizeSearchIndexes } from '../../src/core/store/search-index';
import { jiebaSegmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import { generateCorpus } from '../search/corpus';

const articles = Number(process.argv[2] ?? 1000);
const corpus = generateCorpus({ articles });
const encoder = new TextEncoder();
const files = corpus.map((b) => ({ name: b.name, text: b.text, bytes: encoder.encode(b.text) }));
const chars = files.reduce((n, f) => n + f.text.length, 0);
const SQL = await initSqlJs();
const jiebaCut = jiebaSegmenter(cut);
let segMs = 0;
let segChars = 0;
const segmenter = { cut: (t: string) => { const s = performance.now(); try { segChars += t.length; return jiebaCut.cut(t); } finally { segMs += performance.now() - s; } } };
const store = CorpusStore.create(SQL);
let t = performance.now();
await ingestFiles(store, segmenter, files.map((f) => ({ name: f.name, bytes: f.bytes, source: 'file' as const })));
optimizeSearchIndexes(store.db);
const e2e = (performance.now() - t) / 1000;
t = performance.now();
for (const f of files) cut(f.text, true);
const jieba = (performance.now() - t) / 1000;
console.log(`${files.length} files ${chars} chars: ingest ${e2e.toFixed(2)} s, jieba ${jieba.toFixed(2)} s, ratio ${(jieba / e2e).toFixed(3)}`);
const size = Number(store.db.exec('PRAGMA page_count')[0].values[0][0]) * 4096;
console.log(`segment in ingest ${(segMs / 1000).toFixed(2)} s over ${segChars} chars`);
console.log(`db pages ${(size / 1e6).toFixed(1)} MB`);
