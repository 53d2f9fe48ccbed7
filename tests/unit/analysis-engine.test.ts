// The worker's entity engine and analysis desk in Node, over the real pipeline (seeds ingested
// with jieba into a sql.js corpus): the pass writes the entity tables, teaches jieba the names
// and segments the articles holding them again, user words do the same, and the analyses run
// over a search's result set.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { cut } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/core/ingest/index';
import { Searcher } from '../../src/core/query/index';
import { jiebaSegmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import type { EntitiesStatus } from '../../src/worker/analysis-protocol';
import { analysisDesk, type AnalysisRequest } from '../../src/worker/analysis-desk';
import { EntitiesEngine } from '../../src/worker/entities-engine';
import { readEntityCorpus } from '../../src/worker/entity-source';
import { analyseEntities } from '../../src/core/entities/index';
import { loadGazetteer } from '../../src/core/places/index';
import { seedFiles } from './helpers/seeds';

let store: CorpusStore;
let engine: EntitiesEngine;
let desk: ReturnType<typeof analysisDesk>;
const events: EntitiesStatus[] = [];
/** Called with each status as the engine posts it (synchronously, inside the pass). */
let onEvent: ((s: EntitiesStatus) => void) | null = null;
const segmenter = jiebaSegmenter(cut);

function column(sql: string, params: Array<string | number> = []): unknown[] {
  return store.db.exec(sql, params)[0]?.values.map((r) => r[0]) ?? [];
}

/** Resolves when the engine posts a status with this phase (after `since` events). */
function until(phase: EntitiesStatus['phase'], since: number): Promise<EntitiesStatus> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const hit = events.slice(since).find((e) => e.phase === phase);
      if (hit) resolve(hit);
      else if (Date.now() - started > 50_000) reject(new Error(`no ${phase} status: ${JSON.stringify(events.at(-1))}`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

/** A request of the desk, without the request id the worker adds. */
const ask = <T>(req: { type: AnalysisRequest['type'] } & Record<string, unknown>) => desk.handle({ id: 1, ...req } as AnalysisRequest) as Promise<T>;
const ALL = { query: '', filters: [], everyPrinting: false };

beforeAll(async () => {
  const SQL = await initSqlJs();
  store = CorpusStore.create(SQL);
  for (const f of seedFiles()) await ingestFile(store, segmenter, { name: f.name, bytes: f.bytes, source: 'sample' });
  const deps = { store: async () => store, segmenter: async () => segmenter };
  engine = new EntitiesEngine({ ...deps, post: (e) => {
    events.push(e.status);
    onEvent?.(e.status);
  }, debounceMs: 0 });
  const searcher = new Searcher(store.db, segmenter);
  desk = analysisDesk({ ...deps, searcher: async () => searcher, entities: engine });
  const since = events.length;
  engine.changed();
  await until('ready', since);
}, 60_000);

describe('the entity pass in the worker', () => {
  it('reports its phases with progress and the time each took', () => {
    const phases = events.map((e) => e.phase);
    expect(phases).toContain('tagging');
    expect(phases).toContain('extracting');
    const ready = events.filter((e) => e.phase === 'ready').at(-1)!;
    expect(ready.articles).toBe(Number(column('SELECT count(*) FROM articles')[0]));
    expect(ready.people).toBeGreaterThan(50);
    expect(ready.timings!.totalMs).toBeGreaterThan(0);
    expect(ready.timings!.tagMs).toBeGreaterThan(0);
  });

  it('writes people and their posts to SQLite, where 卫滨区委书记 has two holders in order', () => {
    const rows = store.db.exec(`SELECT p.name, pp.first_date, pp.first_article_id FROM person_posts pp
      JOIN people p ON p.id = pp.person_id WHERE pp.post = '卫滨区委书记' ORDER BY pp.first_date`)[0].values;
    expect(rows.map((r) => r[0])).toEqual(['李海潮', '邓国永']);
    expect(String(rows[0][1])).toMatch(/^2023/);
    expect(String(rows[1][1])).toMatch(/^2026/);
    const headline = column('SELECT headline FROM articles WHERE id = ?', [Number(rows[1][2])])[0];
    expect(String(column('SELECT body FROM articles WHERE id = ?', [Number(rows[1][2])])[0]) + headline).toContain('邓国永');
    expect(Number(column('SELECT count(*) FROM places')[0])).toBeGreaterThan(5);
    expect(Number(column('SELECT count(*) FROM person_mentions')[0])).toBeGreaterThan(100);
  });

  it('teaches jieba the names found and re-segments the articles holding them', () => {
    expect(events.some((e) => e.phase === 'resegmenting')).toBe(true);
    const segs = column(`SELECT seg_body FROM articles WHERE instr(body, '丁文广') > 0`).map(String);
    expect(segs.length).toBeGreaterThan(0);
    for (const seg of segs) expect(` ${seg} `).toContain(' 丁文广 ');
    // The FTS rows follow: the name is one token of the index.
    const hits = column(`SELECT docid FROM articles_fts WHERE articles_fts MATCH '"丁文广"'`);
    expect(hits.length).toBe(segs.length);
  });

  it('answers the people pages: 丁文广 was 凤泉区区长 before he was 凤泉区委书记', async () => {
    const people = await ask<Array<{ id: string; name: string }>>({ type: 'people' });
    const id = people.find((p) => p.name === '丁文广')!.id;
    const detail = await ask<{ posts: Array<{ post: string; first: { date: string; articleId: number } | null }>; articles: unknown[] }>({ type: 'person', personId: id });
    const posts = detail.posts.filter((p) => p.first).map((p) => [p.post, p.first!.date.slice(0, 4)]);
    expect(posts).toContainEqual(['凤泉区区长', '2023']);
    expect(posts).toContainEqual(['凤泉区委书记', '2026']);
    expect(detail.posts.every((p) => !p.first || p.first.articleId > 0)).toBe(true);
    expect(detail.articles.length).toBeGreaterThan(1);
    const post = await ask<{ holders: Array<{ name: string }> }>({ type: 'post', post: '卫滨区委书记', district: '卫滨区' });
    expect(post.holders.map((h) => h.name)).toEqual(['李海潮', '邓国永']);
  });
});

describe('passes after the first', () => {
  it('read again only the bulletins jieba now cuts differently, giving the whole-corpus report; then none', async () => {
    let since = events.length;
    engine.changed();
    const second = await until('ready', since);
    // The first pass taught jieba the names: texts holding them are cut anew, their bulletins read again.
    expect(second.lastUpdate!.extracted).toBeGreaterThan(0);
    const { tag: jiebaTag } = await import('jieba-wasm');
    const expected = analyseEntities(readEntityCorpus(store.db).articles, { tagger: { tag: (t) => jiebaTag(t, true) }, gazetteer: await loadGazetteer() });
    expect(JSON.stringify(engine.report)).toBe(JSON.stringify(expected));
    since = events.length;
    engine.changed();
    const third = await until('ready', since);
    expect(third.lastUpdate).toMatchObject({ extracted: 0, relinked: 0, removed: 0 });
    expect(third.timings!.extractMs).toBeLessThan(second.timings!.extractMs);
  }, 60_000);
});

describe('user words', () => {
  it('keeps a slogan whole after it is added, in the seg columns and the FTS index', async () => {
    const before = column(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"万人助万企"'`)[0];
    expect(Number(before)).toBe(0); // jieba cuts it 万人助 / 万企
    const since = events.length;
    const result = await ask<{ resegmented: number; words: Array<{ word: string }> }>({ type: 'user-words', words: [{ word: '万人助万企' }] });
    expect(result.words.map((w) => w.word)).toEqual(['万人助万企']);
    expect(result.resegmented).toBeGreaterThan(0);
    const holding = Number(column(`SELECT count(*) FROM articles WHERE instr(body, '万人助万企') > 0`)[0]);
    expect(Number(column(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"万人助万企"'`)[0])).toBe(holding);
    await until('ready', since); // the people index is brought up to date afterwards
  });

  it('says a removed word stays in jieba until the page is reloaded', async () => {
    const result = await ask<{ pendingRemoval: string[]; words: unknown[] }>({ type: 'user-words', words: [] });
    expect(result.words).toEqual([]);
    expect(result.pendingRemoval).toEqual(['万人助万企']);
  });
});

describe('analyses over a result set', () => {
  it('finds every occurrence of 政绩观 in the articles the search 政绩观 returns', async () => {
    const k = await ask<{ total: number; lines: Array<{ match: string; left: string }> }>({ type: 'kwic', scope: { ...ALL, query: '政绩观' }, term: '政绩观' });
    const expected = (column(`SELECT group_concat(headline || coalesce(subtitle,'') || coalesce(kicker,'') || body, '') FROM articles`)[0] as string).split('政绩观').length - 1;
    expect(k.total).toBe(expected);
    expect(k.lines.every((l) => l.match === '政绩观')).toBe(true);
  });

  it('counts co-occurring officials only within the result set', async () => {
    const all = await ask<{ edges: Array<{ count: number }> }>({ type: 'cooccurrence', scope: ALL });
    const some = await ask<{ edges: Array<{ count: number }> }>({ type: 'cooccurrence', scope: { ...ALL, query: '卫滨区' } });
    expect(all.edges.length).toBeGreaterThan(0);
    const total = (r: { edges: Array<{ count: number }> }) => r.edges.reduce((s, e) => s + e.count, 0);
    expect(total(some)).toBeLessThanOrEqual(total(all));
    // A national leader cited in the texts (习近平总书记) is in the index but not among those present.
    expect(engine.report!.people.some((p) => p.name === '习近平')).toBe(true);
    const nodes = (all as unknown as { nodes: Array<{ name: string }> }).nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.some((n) => n.name === '习近平')).toBe(false);
  });

  it('weighs keywords against the whole corpus', async () => {
    const r = await ask<{ total: number; articles: Array<{ keywords: Array<{ word: string }> }> }>({ type: 'keywords', scope: { ...ALL, query: '防汛' }, limit: 5 });
    expect(r.total).toBeGreaterThan(0);
    expect(r.articles[0].keywords.length).toBeGreaterThan(0);
  });

  it('empties the entity tables when the corpus is cleared', async () => {
    store.clear();
    await engine.cleared();
    expect(Number(column('SELECT count(*) FROM people')[0])).toBe(0);
    expect(await ask({ type: 'people' })).toEqual([]);
  });
});

describe('clearing during a pass', () => {
  it('stops the pass: nothing of the old corpus is written, and the status comes back to ready', async () => {
    for (const f of seedFiles()) await ingestFile(store, segmenter, { name: f.name, bytes: f.bytes, source: 'sample' });
    // The corpus is cleared the moment the pass starts tagging: it has read the old articles.
    let cleared: Promise<void> | null = null;
    onEvent = (s) => {
      if (s.phase !== 'tagging' || cleared) return;
      store.clear();
      cleared = engine.cleared();
    };
    const since = events.length;
    engine.changed();
    await until('tagging', since);
    onEvent = null;
    await cleared;
    await until('ready', since);
    await new Promise((r) => setTimeout(r, 100));
    expect(events.slice(since).some((e) => e.phase === 'extracting')).toBe(false);
    expect(Number(column('SELECT count(*) FROM people')[0])).toBe(0);
    expect(events.at(-1)!.phase).toBe('ready');
    expect(await ask({ type: 'people' })).toEqual([]);
  });
});
