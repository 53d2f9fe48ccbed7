import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { cut } from 'jieba-wasm';
import { it } from 'vitest';
import { parseBulletin } from '../../src/core/parse/index';
import { jiebaSegmenter, segmentForIndex } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import { segmentArticle } from '../../src/core/ingest/index';
it('times pieces', async () => {
  const SQL = await initSqlJs();
  const store = CorpusStore.create(SQL);
  const segmenter = jiebaSegmenter(cut);
  const sentence = '会议强调要坚持高质量发展推进乡村全面振兴。';
  for (const n of [100_000, 200_000, 400_000]) {
    const text = '## 长行镇召开会议\n\n本报讯 ' + sentence.repeat(Math.ceil(n / sentence.length));
    let t = Date.now();
    const parsed = parseBulletin(text, { fileName: 'x.txt' });
    const tp = Date.now() - t; t = Date.now();
    const raw = segmenter.cut(text.slice(0, n));
    const tr = Date.now() - t; t = Date.now();
    const segs = parsed.articles.map((a) => segmentArticle(segmenter, a));
    const ts = Date.now() - t; t = Date.now();
    store.addBulletin({ name: `x${n}.txt`, path: 'x', source: 'file', sha256: String(n), size: 1, encoding: 'utf-8', bom: false, textIdentity: String(n), error: null, text, parsed, segments: segs } as never);
    const ta = Date.now() - t;
    console.log(n, 'parse', tp, 'rawcut', tr, 'segmentArticle', ts, 'store', ta);
  }
}, 600_000);
