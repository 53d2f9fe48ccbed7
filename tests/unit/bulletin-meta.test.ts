// The bulletin view's data and the paper/date correction: pieces in page order, a re-parse whose
// article dates follow the corrected year, ids kept, the index kept in step, the correction kept.
import { readFileSync, readdirSync } from 'node:fs';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/core/ingest';
import { characterSegmenter } from '../../src/core/segment';
import {
  CorpusStore, getBulletinDetail, normaliseBulletinDate, normaliseBulletinPaper,
} from '../../src/core/store';
import { assignStories } from '../../src/core/store/search-index';
import { correctBulletinMeta } from '../../src/worker/bulletin-meta';

let SQL: SqlJsStatic;
let store: CorpusStore;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

const seeds = readdirSync('seeds').filter((n) => n.endsWith('.txt')).sort();

async function load(name: string, fileName = name): Promise<number> {
  const r = await ingestFile(store, characterSegmenter, { name: fileName, bytes: readFileSync(`seeds/${name}`) });
  expect(r.state).toBe('done');
  return r.bulletinId!;
}

function articleRows(bulletinId: number) {
  const r = store.db.exec(`SELECT id, idx, dateline, date, headline FROM articles WHERE bulletin_id = ${bulletinId} ORDER BY idx`)[0];
  return r.values.map(([id, idx, dateline, date, headline]) => ({ id, idx, dateline, date, headline }));
}

beforeEach(() => {
  store = CorpusStore.create(SQL);
});

describe('bulletin detail', () => {
  it('lists articles and fragments together in page order, fragments with their reason', async () => {
    // A seed with an orphan paragraph; found by parsing rather than by name.
    let id = 0;
    for (const name of seeds) {
      id = await load(name);
      if (getBulletinDetail(store, id)!.pieces.some((p) => p.type === 'fragment')) break;
    }
    const detail = getBulletinDetail(store, id)!;
    const starts = detail.pieces.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(detail.pieces.filter((p) => p.type === 'article').length).toBe(detail.bulletin.articles);
    const fragment = detail.pieces.find((p) => p.type === 'fragment')!;
    expect(fragment).toMatchObject({ type: 'fragment', reason: expect.stringMatching(/orphan|preamble|furniture/) });
    const text = store.db.exec(`SELECT text FROM bulletins WHERE id = ${id}`)[0].values[0][0] as string;
    expect(text.slice(fragment.start, fragment.end)).toContain(fragment.text.slice(0, 20));
    // The fragment sits between the articles around it.
    const at = detail.pieces.indexOf(fragment);
    if (at > 0) expect(detail.pieces[at - 1].end).toBeLessThanOrEqual(fragment.start);
    expect(detail.correction).toBeNull();
  });

  it('is null for an unknown bulletin', () => {
    expect(getBulletinDetail(store, 99)).toBeNull();
  });
});

describe('correcting a bulletin', () => {
  it('re-parses with the corrected date: articles with a dateline get the new year, ids stay', async () => {
    const id = await load(seeds[0]);
    const before = articleRows(id);
    const dated = before.filter((a) => /^\d{1,2}月\d{1,2}日/.test(String(a.dateline)));
    expect(dated.length).toBeGreaterThan(0);

    const detail = correctBulletinMeta(store, characterSegmenter, id, { paper: '新乡日报', date: '2019-12-31' });
    const after = articleRows(id);
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.map((a) => a.headline)).toEqual(before.map((a) => a.headline));
    for (const a of after.filter((x) => /^\d{1,2}月\d{1,2}日/.test(String(x.dateline)))) {
      expect(String(a.date)).toMatch(/^2019-\d{2}-\d{2}$/);
    }
    expect(detail.bulletin).toMatchObject({ paper: '新乡日报', date: '2019-12-31', dateSource: 'user' });
    expect(detail.correction).toMatchObject({ paper: '新乡日报', date: '2019-12-31' });
    expect(detail.pieces.filter((p) => p.type === 'article').every((p) => p.type !== 'article' || !p.date || p.date.startsWith('2019'))).toBe(true);
    // The stored correction, as the console and a later save see it.
    const stored = store.db.exec(`SELECT paper, date, sha256 FROM bulletin_corrections WHERE bulletin_id = ${id}`)[0].values[0];
    expect(stored.slice(0, 2)).toEqual(['新乡日报', '2019-12-31']);
    expect(stored[2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the search tables in step: counts, full-text hits and facet dates', async () => {
    const id = await load(seeds[0]);
    const stats = store.stats();
    const someWord = articleRows(id)[0].headline as string;
    const hits = store.listArticles({ query: someWord.slice(0, 4) }).total;
    correctBulletinMeta(store, characterSegmenter, id, { paper: null, date: '2019-12-31' });
    expect(store.stats()).toEqual(stats);
    expect(store.listArticles({ query: someWord.slice(0, 4) }).total).toBe(hits);
    const fts = store.db.exec(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '${someWord[0]}'`)[0].values[0][0];
    expect(fts).toBeGreaterThan(0);
    const docs = store.db.exec(`SELECT count(*) FROM search_docs d JOIN articles a ON a.id = d.id
      WHERE a.bulletin_id = ${id} AND d.date = coalesce(a.date, '2019-12-31')`)[0].values[0][0];
    expect(docs).toBe(articleRows(id).length);
  });

  it('keeps the stories dedup assigned to the articles', async () => {
    const id = await load(seeds[0]);
    const [a, b] = articleRows(id).map((r) => Number(r.id));
    assignStories(store.db, [{ canonical: a, members: [a, b] }]);
    correctBulletinMeta(store, characterSegmenter, id, { paper: null, date: '2019' });
    const story = store.db.exec(`SELECT story_id FROM search_docs WHERE id IN (${a}, ${b}) ORDER BY id`)[0].values;
    expect(story).toEqual([[a], [a]]);
  });

  it('falls back to what the file says when the correction is cleared', async () => {
    const id = await load(seeds[0]);
    const original = articleRows(id);
    const inferred = getBulletinDetail(store, id)!.bulletin;
    correctBulletinMeta(store, characterSegmenter, id, { paper: '测试日报', date: '2019' });
    const corrected = getBulletinDetail(store, id)!;
    expect(corrected.correction).toMatchObject({ inferredPaper: inferred.paper, inferredDate: inferred.date });
    correctBulletinMeta(store, characterSegmenter, id, { paper: '  ', date: '' });
    const back = getBulletinDetail(store, id)!;
    expect(back.correction).toBeNull();
    expect(back.bulletin).toMatchObject({ paper: inferred.paper, date: inferred.date });
    expect(articleRows(id)).toEqual(original);
  });

  it('refuses a date it cannot read, changing nothing', async () => {
    const id = await load(seeds[0]);
    const before = articleRows(id);
    expect(() => correctBulletinMeta(store, characterSegmenter, id, { paper: null, date: '2026-02-30' })).toThrow(/not a date/);
    expect(() => correctBulletinMeta(store, characterSegmenter, 99, { paper: null, date: '2026' })).toThrow(/no bulletin 99/);
    expect(articleRows(id)).toEqual(before);
    expect(getBulletinDetail(store, id)!.correction).toBeNull();
  });
});

describe('date and paper input', () => {
  it('reads the ways people write a date, and years', () => {
    expect(normaliseBulletinDate('2026-06-10')).toBe('2026-06-10');
    expect(normaliseBulletinDate('2026/6/1')).toBe('2026-06-01');
    expect(normaliseBulletinDate('2026.6.1')).toBe('2026-06-01');
    expect(normaliseBulletinDate('2026年6月10日')).toBe('2026-06-10');
    expect(normaliseBulletinDate('２０２６年６月１０日')).toBe('2026-06-10');
    expect(normaliseBulletinDate('20260610')).toBe('2026-06-10');
    expect(normaliseBulletinDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseBulletinDate('2026')).toBe('2026');
    expect(normaliseBulletinDate('2026年')).toBe('2026');
    expect(normaliseBulletinDate(' ')).toBeNull();
    expect(normaliseBulletinDate(null)).toBeNull();
    for (const bad of ['2025-02-29', '2026-13-01', '6月10日', 'yesterday', '202606']) {
      expect(() => normaliseBulletinDate(bad), bad).toThrow(/2026-06-10/);
    }
  });

  it('trims a paper name and refuses a very long one', () => {
    expect(normaliseBulletinPaper('  新乡  日报 ')).toBe('新乡 日报');
    expect(normaliseBulletinPaper('')).toBeNull();
    expect(() => normaliseBulletinPaper('报'.repeat(41))).toThrow(/40/);
  });
});
