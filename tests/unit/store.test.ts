import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { CorpusStore, MAX_SOURCE_CHARS, SCHEMA_VERSION, type NewBulletin } from '../../src/core/store';
import { characterSegmenter, segmentForIndex } from '../../src/core/segment';
import { article, parsed } from './store-fixtures';

let SQL: SqlJsStatic;
let store: CorpusStore;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});
beforeEach(() => {
  store = CorpusStore.create(SQL);
});

let counter = 0;
function bulletin(over: Partial<NewBulletin> = {}): NewBulletin {
  counter++;
  return {
    name: `bulletin-${counter}.md`, path: `folder/bulletin-${counter}.md`, source: 'file',
    sha256: `sha-${counter}`, size: 100, encoding: 'utf-8', bom: false, error: null,
    text: '## 开展集中学习研讨\n红旗区开展理论学习。', parsed: parsed([article()]), ...over,
  };
}

describe('CorpusStore', () => {
  it('counts stored bulletins, articles and fragments, and failed files apart', () => {
    store.addBulletin(bulletin({ parsed: parsed([article(), article({ headline: '第二篇' })], 2) }));
    store.addBulletin(bulletin({ error: 'not a text file', parsed: null, text: '' }));
    expect(store.stats()).toEqual({ bulletins: 1, failed: 1, articles: 2, fragments: 2 });
  });

  it('lists every article in load order with paging and a total', () => {
    const heads = Array.from({ length: 7 }, (_, i) => `标题${i}`);
    store.addBulletin(bulletin({ parsed: parsed(heads.slice(0, 4).map((h) => article({ headline: h }))) }));
    store.addBulletin(bulletin({ parsed: parsed(heads.slice(4).map((h) => article({ headline: h }))) }));
    const first = store.listArticles({ offset: 0, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.rows.map((r) => r.headline)).toEqual(['标题0', '标题1', '标题2']);
    const last = store.listArticles({ offset: 6, limit: 3 });
    expect(last.rows.map((r) => r.headline)).toEqual(['标题6']);
    expect(last.rows[0].file).toMatch(/^bulletin-\d+\.md$/);
    expect(last.rows[0].index).toBe(2);
  });

  it('finds an exact substring in the headline, kicker, subtitle or body and nowhere else', () => {
    store.addBulletin(bulletin({
      parsed: parsed([
        article({ headline: '防汛会议召开', kicker: null, subtitle: null, body: '无关内容。', credit: '封丘宣' }),
        article({ headline: 'A', kicker: '封丘县防汛办', subtitle: null, body: '正文。' }),
        article({ headline: 'B', kicker: null, subtitle: '——防汛', body: '正文。' }),
        article({ headline: 'C', kicker: null, subtitle: null, body: '今年防汛形势严峻。' }),
        article({ headline: 'D', kicker: null, subtitle: null, body: '防 汛 被空格隔开。', credit: '防汛' }),
      ]),
    }));
    const page = store.listArticles({ query: '防汛' });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.headline)).toEqual(['防汛会议召开', 'A', 'B', 'C']);
    expect(store.listArticles({ query: '  防汛 ' }).total).toBe(4);
    expect(store.listArticles({ query: '洪涝' }).total).toBe(0);
  });

  it('pages through search results with a stable total', () => {
    const many = Array.from({ length: 12 }, (_, i) => article({ headline: `会议${i}`, body: i % 2 ? '防汛。' : '其他。' }));
    store.addBulletin(bulletin({ parsed: parsed(many) }));
    const p1 = store.listArticles({ query: '防汛', offset: 0, limit: 4 });
    const p2 = store.listArticles({ query: '防汛', offset: 4, limit: 4 });
    expect(p1.total).toBe(6);
    expect(p2.total).toBe(6);
    expect([...p1.rows, ...p2.rows].map((r) => r.headline)).toEqual(['会议1', '会议3', '会议5', '会议7', '会议9', '会议11'].slice(0, 6));
    expect(store.listArticles({ query: '防汛', offset: 4, limit: 4 }).rows).toHaveLength(2);
  });

  it('sees articles added after a search when the same query runs again', () => {
    store.addBulletin(bulletin({ parsed: parsed([article({ body: '防汛。' })]) }));
    expect(store.listArticles({ query: '防汛' }).total).toBe(1);
    store.addBulletin(bulletin({ parsed: parsed([article({ body: '防汛工作。' })]) }));
    expect(store.listArticles({ query: '防汛' }).total).toBe(2);
  });

  it('gives each result a snippet around the hit, the hit flagged', () => {
    const body = '开头'.repeat(40) + '\n防汛工作会议召开。' + '结尾'.repeat(80);
    store.addBulletin(bulletin({ parsed: parsed([article({ headline: '会议', body })]) }));
    const [row] = store.listArticles({ query: '防汛' }).rows;
    expect(row.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['防汛']);
    expect(row.snippet[0].text).toBe('…');
    expect(row.snippet.map((p) => p.text).join('')).toContain('防汛工作会议召开');
    expect(row.snippet.map((p) => p.text).join('')).not.toContain('\n');
  });

  it('returns a whole article with every field and its source bulletin', () => {
    const text = '## 开展集中学习研讨\n红旗区开展理论学习。';
    const { id: bid } = store.addBulletin(bulletin({ name: '新乡日报_2026-06-10_04.txt', text }));
    const [row] = store.listArticles().rows;
    const detail = store.getArticle(row.id)!;
    expect(detail.bulletinId).toBe(bid);
    expect(detail.article).toEqual(article());
    expect(detail.bulletin).toMatchObject({ name: '新乡日报_2026-06-10_04.txt', text, textOffset: 0, totalLength: text.length, paper: '新乡日报', date: '2026-06-10', encoding: 'utf-8' });
    expect(store.getArticle(99999)).toBeNull();
  });

  it('sends a window of a huge bulletin around the opened article', () => {
    const text = '甲'.repeat(MAX_SOURCE_CHARS) + '## 目标文章\n正文内容。' + '乙'.repeat(MAX_SOURCE_CHARS);
    const start = MAX_SOURCE_CHARS;
    const end = start + '## 目标文章\n正文内容。'.length;
    store.addBulletin(bulletin({ text, parsed: parsed([article({ headline: '目标文章', spans: { article: { start, end }, paragraphs: [] } })]) }));
    const detail = store.getArticle(store.listArticles().rows[0].id)!;
    expect(detail.bulletin.totalLength).toBe(text.length);
    expect(detail.bulletin.text.length).toBeLessThan(text.length);
    const local = start - detail.bulletin.textOffset;
    expect(detail.bulletin.text.slice(local, local + 7)).toBe('## 目标文章');
  });

  it('lists files in the order they were added, failures included', () => {
    store.addBulletin(bulletin({ name: 'a.txt' }));
    store.addBulletin(bulletin({ name: 'b.txt', error: 'not a text file: it looks like a PNG image', parsed: null, text: '' }));
    store.addBulletin(bulletin({ name: 'c.txt', parsed: parsed([article(), article()], 0) }));
    const list = store.listBulletins();
    expect(list.map((b) => [b.name, b.error, b.articles])).toEqual([
      ['a.txt', null, 1], ['b.txt', 'not a text file: it looks like a PNG image', 0], ['c.txt', null, 2],
    ]);
    expect(list.map((b) => b.addedOrder)).toEqual([1, 2, 3]);
  });

  it('finds a stored bulletin by the hash of its bytes', () => {
    store.addBulletin(bulletin({ name: 'first.txt', sha256: 'abc' }));
    expect(store.findBySha256('abc')).toMatchObject({ name: 'first.txt' });
    expect(store.findBySha256('def')).toBeNull();
  });

  it('stores nothing of a bulletin whose articles the database rejects', () => {
    const bad = article({ headline: null as unknown as string });
    expect(() => store.addBulletin(bulletin({ parsed: parsed([article(), bad]) }))).toThrow();
    expect(store.stats()).toEqual({ bulletins: 0, failed: 0, articles: 0, fragments: 0 });
    store.addBulletin(bulletin());
    expect(store.stats().articles).toBe(1);
  });

  it('indexes segmented headline, kicker and body in the FTS4 table', () => {
    const a = article({ headline: '防汛会议', kicker: '封丘县', body: '部署汛期工作。' });
    const seg = (t: string) => segmentForIndex(characterSegmenter, t);
    store.addBulletin(bulletin({
      parsed: parsed([a, article({ headline: '别的', kicker: null, body: '无关。' })]),
      segments: [{ headline: seg('防汛会议'), kicker: seg('封丘县'), body: seg('部署汛期工作。') }],
    }));
    const hits = store.db.exec(`SELECT a.headline, a.seg_body FROM articles_fts f JOIN articles a ON a.id = f.docid
      WHERE articles_fts MATCH '"汛 期"'`);
    expect(hits[0].values).toEqual([['防汛会议', '部 署 汛 期 工 作']]);
    const kickerOnly = store.db.exec(`SELECT docid FROM articles_fts WHERE articles_fts MATCH 'seg_kicker:封'`);
    expect(kickerOnly[0].values).toHaveLength(1);
  });

  it('empties the corpus on clear and accepts new bulletins afterwards', () => {
    store.addBulletin(bulletin());
    store.clear();
    expect(store.stats()).toEqual({ bulletins: 0, failed: 0, articles: 0, fragments: 0 });
    expect(store.listArticles().rows).toEqual([]);
    store.addBulletin(bulletin());
    expect(store.listArticles({ query: '理论学习' }).total).toBe(1);
  });

  it('records the schema version', () => {
    expect(store.db.exec("SELECT value FROM meta WHERE key = 'schema_version'")[0].values[0][0]).toBe(String(SCHEMA_VERSION));
  });
});
