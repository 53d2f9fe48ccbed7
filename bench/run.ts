// `npm run bench`: times the load pipeline in Node on the sample corpus scaled up to ~10 MB
// (`--mb N` for another size): hash, decode, parse, jieba segmentation of the indexed fields,
// and the SQLite insert (sql.js with FTS4), each on its own, plus jieba cutting the whole text as
// the reference the other stages are compared with. Prints a table and writes
// bench/results/<date>.json so runs can be compared over time. Then the search benchmark
// (bench/search/run.ts: 50,000 articles searched in the worker in headless Chromium).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cut } from 'jieba-wasm';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { decodeBytes } from '../src/core/decode/index';
import { sha256Hex } from '../src/core/hash';
import { segmentArticle } from '../src/core/ingest/ingest-file';
import { parseBulletin } from '../src/core/parse/index';
import { jiebaSegmenter } from '../src/core/segment/index';
import { CorpusStore, type ArticleSegments } from '../src/core/store/index';
import type { DecodedText, ParsedBulletin } from '../src/core/types';
import { formatTable, timed, type StageResult } from './lib/report';
import { scaledCorpus } from './lib/scaled-corpus';
import { runSearchBench } from './search/run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function targetMegabytes(argv: string[]): number {
  const i = argv.indexOf('--mb');
  if (i < 0) return 10;
  const mb = Number(argv[i + 1]);
  if (!(mb > 0)) throw new Error(`--mb needs a positive number of megabytes, got ${argv[i + 1]}`);
  return mb;
}

async function main(): Promise<void> {
  const mb = targetMegabytes(process.argv.slice(2));
  const files = scaledCorpus(join(ROOT, 'seeds'), mb * 1e6);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const segmenter = jiebaSegmenter(cut);
  const SQL = await initSqlJs();

  // Warm up every stage on one copy of the seeds, so the table shows steady-state speed rather
  // than JIT compilation and the first WASM calls.
  for (const f of files.slice(0, 5)) {
    const text = decodeBytes(f.bytes).text;
    for (const a of parseBulletin(text, { fileName: f.name }).articles) segmentArticle(segmenter, a);
    cut(text, true);
    await sha256Hex(f.bytes);
  }

  const hash = await timed(async () => { for (const f of files) await sha256Hex(f.bytes); });
  const decode = await timed(() => files.map((f) => decodeBytes(f.bytes)));
  const decoded: DecodedText[] = decode.value;
  const chars = decoded.reduce((n, d) => n + d.text.length, 0);
  const parse = await timed(() => decoded.map((d, i) => parseBulletin(d.text, { fileName: files[i].name })));
  const parsed: ParsedBulletin[] = parse.value;
  const articles = parsed.reduce((n, p) => n + p.articles.length, 0);
  const segment = await timed(() => parsed.map((p) => p.articles.map((a): ArticleSegments => segmentArticle(segmenter, a))));
  const store = CorpusStore.create(SQL);
  const insert = await timed(() => {
    files.forEach((f, i) => store.addBulletin({
      name: f.name, path: f.name, source: 'file', sha256: '', size: f.bytes.length,
      encoding: decoded[i].encoding, bom: decoded[i].bom, error: null, text: decoded[i].text,
      parsed: parsed[i], segments: segment.value[i],
    }));
  });
  const stored = store.stats();
  if (stored.articles !== articles) throw new Error(`the store holds ${stored.articles} articles, the parser found ${articles}`);
  const jieba = await timed(() => { for (const d of decoded) cut(d.text, true); });
  const memory = process.memoryUsage();
  store.close();

  const jiebaRate = chars / jieba.seconds;
  const row = (stage: string, seconds: number, isReference = false): StageResult => ({
    stage, seconds, charsPerSecond: chars / seconds, bytesPerSecond: bytes / seconds,
    ratioToJieba: isReference ? null : chars / seconds / jiebaRate,
  });
  const pipelineSeconds = hash.seconds + decode.seconds + parse.seconds + segment.seconds + insert.seconds;
  const rows = [
    row('hash (SHA-256, Web Crypto)', hash.seconds),
    row('decode (bytes to text)', decode.seconds),
    row('parse (articles, fragments)', parse.seconds),
    row('segment indexed fields (jieba)', segment.seconds),
    row('store insert (sql.js + FTS4)', insert.seconds),
    row('whole load pipeline', pipelineSeconds),
    row('reference: jieba cut of the whole text', jieba.seconds, true),
  ];

  console.log(`Baoxun load benchmark: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ` +
    `${chars.toLocaleString('en')} chars, ${articles.toLocaleString('en')} articles ` +
    `(the ${Math.min(files.length, 5)} sample bulletins repeated)`);
  console.log(`Node ${process.version}, ${cpus().length} CPU(s): ${cpus()[0]?.model ?? 'unknown'}\n`);
  console.log(formatTable(rows));
  console.log(`\nmemory after loading: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap ${(memory.heapUsed / 1e6).toFixed(0)} MB` +
    `, array buffers incl. the sql.js WASM heap ${(memory.arrayBuffers / 1e6).toFixed(0)} MB`);

  const date = new Date().toISOString().slice(0, 10);
  const out = join(ROOT, 'bench', 'results', `${date}.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(out, JSON.stringify({
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    corpus: { files: files.length, bytes, chars, articles, fragments: stored.fragments },
    stages: rows,
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, arrayBuffersBytes: memory.arrayBuffers },
  }, null, 2) + '\n');
  console.log(`results written to ${out.slice(ROOT.length)}`);

  // Then the search benchmark in headless Chromium (bench/search/run.ts); --no-search skips it,
  // --search-articles N sizes its corpus (default 50,000).
  if (!process.argv.includes('--no-search')) {
    const i = process.argv.indexOf('--search-articles');
    console.log('');
    await runSearchBench({ articles: i >= 0 ? Number(process.argv[i + 1]) : 50_000 });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
});
