// People as a facet and a filter of the query desk, over the seeds after an entity pass: the
// facet lists the people named in the result set (counted in SQL over the result ids), a person
// chip keeps the articles naming them and narrows the other facets, and a corpus without the
// entity tables has neither.
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { cut } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/core/ingest/index';
import { Searcher } from '../../src/core/query/index';
import { jiebaSegmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import type { EntitiesStatus } from '../../src/worker/analysis-protocol';
import { EntitiesEngine } from '../../src/worker/entities-engine';
import { seedFiles } from './helpers/seeds';

const segmenter = jiebaSegmenter(cut);
let store: CorpusStore;
let bare: CorpusStore;

beforeAll(async () => {
  const SQL = await initSqlJs();
  store = CorpusStore.create(SQL);
  bare = CorpusStore.create(SQL);
  for (const f of seedFiles()) {
    await ingestFile(store, segmenter, { name: f.name, bytes: f.bytes, source: 'sample' });
    await ingestFile(bare, segmenter, { name: f.name, bytes: f.bytes, source: 'sample' });
  }
  await new Promise<void>((resolve, reject) => {
    const engine = new EntitiesEngine({
      store: async () => store, segmenter: async () => segmenter, debounceMs: 0,
      post: (e: { status: EntitiesStatus }) => {
        if (e.status.phase === 'ready' && e.status.timings) resolve();
        if (e.status.phase === 'error') reject(new Error(e.status.problem ?? 'pass failed'));
      },
    });
    engine.changed();
  });
}, 60_000);

const personFacet = (page: { facets: Array<{ field: string; values: Array<{ value: string; count: number }> }> }) => page.facets.find((f) => f.field === 'person');

describe('the people facet and filter', () => {
  it('lists the people of the result set with their article counts', () => {
    const searcher = new Searcher(store.db, segmenter);
    const page = searcher.search({ query: '政绩观' });
    const facet = personFacet(page)!;
    expect(facet.values.length).toBeGreaterThan(3);
    const liu = facet.values.find((v) => v.value === '刘怀斌@红旗区')!;
    const direct = Number(store.db.exec(`SELECT count(DISTINCT m.article_id) FROM person_mentions m JOIN search_text t ON t.id = m.article_id
      WHERE m.person_id = '刘怀斌@红旗区' AND instr(t.text, '政绩观') > 0`)[0].values[0][0]);
    expect(liu.count).toBe(direct);
    expect(facet.values.map((v) => v.count)).toEqual([...facet.values.map((v) => v.count)].sort((a, b) => b - a));
    // Reporters are the reporter facet's, not this one's.
    const roles = store.db.exec(`SELECT DISTINCT role FROM person_mentions WHERE person_id IN (SELECT value FROM json_each(?))`, [JSON.stringify(facet.values.map((v) => v.value))])[0].values.flat();
    expect(roles).not.toContain('reporter');
  });

  it('keeps only the articles naming the chosen person, and the other facets count within them', () => {
    const searcher = new Searcher(store.db, segmenter);
    const ids = new Set(store.db.exec(`SELECT DISTINCT article_id FROM person_mentions WHERE person_id = '刘怀斌@红旗区'`)[0].values.map((r) => Number(r[0])));
    const all = searcher.allIds({ query: '', filters: [{ field: 'person', value: '刘怀斌@红旗区' }], everyPrinting: true });
    expect(new Set(all)).toEqual(ids);
    const page = searcher.search({ query: '', filters: [{ field: 'person', value: '刘怀斌@红旗区' }], everyPrinting: true });
    const districts = page.facets.find((f) => f.field === 'district')!.values.reduce((n, v) => n + v.count, 0);
    expect(districts).toBeLessThanOrEqual(ids.size);
    // The facet still offers the other people of the unfiltered results.
    expect(personFacet(page)!.values.length).toBeGreaterThan(5);
    // Two people chips are ORed.
    const other = personFacet(page)!.values.find((v) => v.value !== '刘怀斌@红旗区')!.value;
    const both = searcher.allIds({ query: '', filters: [{ field: 'person', value: '刘怀斌@红旗区' }, { field: 'person', value: other }], everyPrinting: true });
    expect(both.length).toBeGreaterThanOrEqual(ids.size);
  });

  it('has no people facet, and a person chip matches nothing, without the entity tables', () => {
    const searcher = new Searcher(bare.db, segmenter);
    expect(personFacet(searcher.search({ query: '政绩观' }))).toBeUndefined();
    expect(searcher.allIds({ query: '', filters: [{ field: 'person', value: '刘怀斌@红旗区' }] })).toEqual([]);
  });
});
