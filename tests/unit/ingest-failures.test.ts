// What a file's status says when a later stage fails: the parser throws, the store refuses.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SqlJsStatic } from 'sql.js';

vi.mock('../../src/core/parse', () => ({
  parseBulletin: (text: string) => {
    if (text.includes('BOOM')) throw new Error('unexpected token at line 3');
    return {
      meta: { paper: null, date: null, dateSource: null },
      articles: [{ headline: text.includes('NOHEAD') ? null : '标题', kicker: null, subtitle: null, column: null, kind: 'news', lead: null, dateline: null, date: null, byline: null, reporters: [], correspondents: [], credit: null, district: null, body: '正文', original: text, repairs: [], flags: [], spans: { article: { start: 0, end: text.length }, paragraphs: [] } }],
      fragments: [],
    };
  },
}));

const { CorpusStore } = await import('../../src/core/store');
const { ingestFile } = await import('../../src/core/ingest');
const { characterSegmenter } = await import('../../src/core/segment');

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});
const bytes = (s: string) => new TextEncoder().encode(s);

describe('ingestFile when a stage fails', () => {
  it('records a parser exception as that file’s error and loads the next file', async () => {
    const store = CorpusStore.create(SQL);
    const bad = await ingestFile(store, characterSegmenter, { name: 'bad.txt', bytes: bytes('BOOM') });
    expect(bad).toMatchObject({ state: 'error', problem: { code: 'parse-failed', detail: 'unexpected token at line 3' } });
    expect(store.listBulletins()[0]).toMatchObject({ name: 'bad.txt', error: 'the parser failed: unexpected token at line 3' });
    const good = await ingestFile(store, characterSegmenter, { name: 'good.txt', bytes: bytes('fine') });
    expect(good).toMatchObject({ state: 'done', articles: 1 });
  });

  it('reports a bulletin the database refuses without throwing, and keeps the corpus intact', async () => {
    const store = CorpusStore.create(SQL);
    await ingestFile(store, characterSegmenter, { name: 'good.txt', bytes: bytes('fine') });
    const refused = await ingestFile(store, characterSegmenter, { name: 'nohead.txt', bytes: bytes('NOHEAD') });
    expect(refused).toMatchObject({ state: 'error', bulletinId: null, problem: { code: 'store-failed' } });
    expect(refused.problem!.detail).toMatch(/NOT NULL/);
    expect(store.stats()).toMatchObject({ bulletins: 1, articles: 1 });
  });
});
