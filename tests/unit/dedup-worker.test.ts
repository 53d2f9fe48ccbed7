// The dedup desk of the worker, in Node with a real store, the real loader and the query desk:
// duplicate files (same bytes, same text in GBK), reprint clusters with their differences, the
// user's split/merge decisions kept across loads, and search counting each story once.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { characterSegmenter } from '../../src/core/segment';
import { CorpusStore } from '../../src/core/store';
import { DedupEngine } from '../../src/worker/dedup-engine';
import type { DedupPage, DedupSummary } from '../../src/worker/dedup-protocol';
import { Loader } from '../../src/worker/loader';
import { ProgressBatcher } from '../../src/worker/progress';
import type { FileProgress } from '../../src/worker/protocol';
import { searchDesk } from '../../src/worker/search-desk';
import { reprintableArticle, reprintBulletin } from '../e2e/reprints';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seedNames = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
const blob = (s: string | Uint8Array) => new Blob([s]);

/** The worker's parts wired as worker.ts wires them. */
function worker() {
  const store = CorpusStore.create(SQL);
  const files = new Map<string, FileProgress>();
  const progress = new ProgressBatcher((batch) => batch.forEach((f) => files.set(f.name, f)), 0);
  const loader = new Loader({ store: async () => store, segmenter: async () => characterSegmenter, progress, fetch });
  const dedup = new DedupEngine({ store: async () => store, serial: (job) => loader.serial(job) });
  const desk = searchDesk({ store: async () => store, segmenter: async () => characterSegmenter, stories: (db) => dedup.stories(db) });
  let nextId = 1;
  const ask = <T>(type: string, params: object) => dedup.handle({ id: nextId++, type, ...params } as never) as Promise<T>;
  return {
    store, files, dedup, desk,
    load: (list: Array<{ name: string; content: string | Uint8Array }>) =>
      desk.afterLoad(loader.addFiles(list.map((f) => ({ name: f.name, file: blob(f.content) })))),
    summary: () => ask<DedupSummary>('dedup-summary', {}),
    page: () => ask<DedupPage>('dedup-page', { offset: 0, limit: 20 }),
    split: (articleId: number) => ask<DedupSummary>('dedup-split', { articleId }),
    merge: (articleIds: number[]) => ask<DedupSummary>('dedup-merge', { articleIds }),
    undo: (seq: number) => ask<DedupSummary>('dedup-undo', { seq }),
    count: async (query: string, everyPrinting = false) =>
      (await desk.searcher()).search({ query, everyPrinting, offset: 0, limit: 10, facets: false }).total,
  };
}

const seeds = () => seedNames.map((name) => ({ name, content: readFileSync(join(SEEDS, name)) }));
const source = reprintableArticle();
const first = reprintBulletin(source);
const second = reprintBulletin(source, { prefix: '关注:', drop: 3, typoAt: [0.1, 0.55, 0.8] });
/** A phrase of the reprinted article that all its printings keep (its first paragraph's start). */
const phrase = source.paragraphs[0].replace(/^\S*?\s/, '').slice(4, 16);

describe('the dedup desk in the worker', () => {
  it('loads the same bulletin once, whether its copy has the same bytes or is GBK, and says which it duplicates', async () => {
    const w = worker();
    await w.load(seeds());
    const gbk = iconv.encode(readFileSync(join(SEEDS, seedNames[0]), 'utf8').replace(/\n/g, '\r\n'), 'gbk');
    await w.load([{ name: 'copy-gbk.txt', content: gbk }, { name: 'copy.txt', content: readFileSync(join(SEEDS, seedNames[1])) }]);
    expect(w.files.get('copy-gbk.txt')).toMatchObject({ state: 'skipped', problem: { code: 'duplicate-text', detail: seedNames[0] }, encoding: 'gb18030' });
    expect(w.files.get('copy.txt')).toMatchObject({ state: 'skipped', problem: { code: 'duplicate', detail: seedNames[1] } });
    expect(w.store.stats().bulletins).toBe(seedNames.length);
    const page = await w.page();
    expect(page.duplicateFiles).toEqual([
      { name: 'copy-gbk.txt', match: 'text', encoding: 'gb18030', of: { id: 1, name: seedNames[0], encoding: 'utf-8' } },
      { name: 'copy.txt', match: 'bytes', encoding: null, of: { id: 2, name: seedNames[1], encoding: 'utf-8' } },
    ]);
    expect((await w.summary()).duplicateFiles).toBe(2);
  });

  it('counts what the sample corpus holds: the echoes, the pasted passage, joins and fragments', async () => {
    const w = worker();
    await w.load(seeds());
    const s = await w.summary();
    expect(s).toMatchObject({ duplicateFiles: 0, reprintedStories: 0, echoes: 3, pasted: 1, decisions: 0 });
    expect(s.joins).toBeGreaterThan(0);
    expect(s.fragments).toBe(w.store.stats().fragments);
    expect(s.clusterMs).not.toBeNull();
  });

  it('clusters a reprint with its source, compares them, and counts the story once in search', async () => {
    const w = worker();
    await w.load([...seeds(), { name: '转载_2026-06-12.txt', content: first.text }]);
    const page = await w.page();
    expect(page.total).toBe(1);
    const [c] = page.clusters;
    expect(c.canonical).toMatchObject({ file: source.file, index: source.index, headline: source.article.headline });
    expect(c.others).toHaveLength(1);
    const other = c.others[0];
    expect(other).toMatchObject({ file: '转载_2026-06-12.txt', headline: first.headline });
    const removed = other.diff!.canonical.filter((p) => p.change === 'removed').map((p) => p.text).join('');
    expect(removed.replace(/\s/g, '')).toContain(first.dropped.replace(/\s/g, ''));
    const added = other.diff!.printing.filter((p) => p.change === 'added').map((p) => p.text);
    expect(added.join('')).toContain(first.typos[0][1]);
    expect(other.similarity).toBeGreaterThan(0.7);
    expect(other.headlineDiff.printing.some((p) => p.change === 'added')).toBe(true);
    expect(page.summary).toMatchObject({ reprintedStories: 1, reprintPrintings: 2 });
    expect(await w.count(phrase)).toBe(1);
    expect(await w.count(phrase, true)).toBe(2);
  });

  it('keeps a split printing apart after more files load, and undoes the split on request', async () => {
    const w = worker();
    await w.load([...seeds(), { name: 'r1.txt', content: first.text }]);
    const [c] = (await w.page()).clusters;
    const reprintId = c.others[0].articleId;
    const after = await w.split(reprintId);
    expect(after).toMatchObject({ reprintedStories: 0, decisions: 1 });
    expect(await w.count(phrase)).toBe(2);

    await w.load([{ name: 'r2.txt', content: second.text }]);
    const page = await w.page();
    expect(page.clusters).toHaveLength(1);
    const members = [page.clusters[0].canonical, ...page.clusters[0].others].map((p) => p.file);
    expect(members.sort()).toEqual([source.file, 'r2.txt'].sort());
    expect(await w.count(phrase)).toBe(2); // the story (twice printed) and the split-off printing
    expect(page.decisions).toHaveLength(1);
    expect(page.decisions[0]).toMatchObject({ together: false, subject: { articleId: reprintId, file: 'r1.txt' } });

    await w.undo(page.decisions[0].seq);
    const undone = await w.page();
    expect(undone.clusters).toHaveLength(1);
    expect(undone.clusters[0].others).toHaveLength(2);
    expect(await w.count(phrase)).toBe(1);
  });

  it('merges two stories the index kept apart, and search then counts them once', async () => {
    const w = worker();
    await w.load(seeds());
    const ids = w.store.db.exec('SELECT id FROM articles ORDER BY id LIMIT 2')[0].values.map(([id]) => Number(id));
    const s = await w.merge(ids);
    expect(s).toMatchObject({ reprintedStories: 1, reprintPrintings: 2, decisions: 1 });
    const stories = w.store.db.exec(`SELECT DISTINCT story_id FROM search_docs WHERE id IN (${ids.join(',')})`)[0].values;
    expect(stories).toHaveLength(1);
    await expect(w.merge(ids)).rejects.toThrow(/already one story/);
    await expect(w.split(9999)).rejects.toThrow(/in no cluster/);
  });

  it('starts again after the corpus is cleared', async () => {
    const w = worker();
    await w.load([...seeds(), { name: 'r1.txt', content: first.text }]);
    expect((await w.summary()).reprintedStories).toBe(1);
    w.store.clear();
    w.dedup.cleared();
    expect(await w.summary()).toMatchObject({ reprintedStories: 0, echoes: 0, duplicateFiles: 0, decisions: 0 });
    await w.load([{ name: 'r1.txt', content: first.text }, { name: 'r2.txt', content: second.text }]);
    expect((await w.summary()).reprintedStories).toBe(1);
  });
});
