// Facets count the results by district, paper, year, month, kind, credit and reporter; chips on
// one field are ORed, fields ANDed, and a field's own chips leave its counts alone. Reprinted
// stories count once unless every printing is asked for. Rewritten articles stay exact.
import { beforeAll, describe, expect, it } from 'vitest';
import { FACET_FIELDS, type FacetCounts, type FacetField } from '../../src/core/query/types';
import { assignStories, SearchIndexWriter } from '../../src/core/store/search-index';
import { article } from './store-fixtures';
import { corpusOf, generatedFiles, loadCorpus, type LoadedCorpus } from './search-helpers';

function counts(facets: FacetCounts[], field: FacetField): Record<string, number> {
  return Object.fromEntries((facets.find((f) => f.field === field)?.values ?? []).map((v) => [v.value, v.count]));
}

describe('facet counts', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await loadCorpus(generatedFiles(600, 11));
  }, 60_000);

  it('equal a plain count over the results, for every field', () => {
    const page = corpus.searcher.search({ query: '工作', everyPrinting: true });
    const ids = corpus.searcher.allIds({ query: '工作', everyPrinting: true });
    const rows = corpus.store.db.exec(`SELECT id, district, paper, year, month, kind, credit FROM search_docs WHERE id IN (${ids.join(',')})`)[0].values;
    for (const [i, field] of (['district', 'paper', 'year', 'month', 'kind', 'credit'] as const).entries()) {
      const expected: Record<string, number> = {};
      for (const r of rows) if (r[i + 1] !== null) expected[String(r[i + 1])] = (expected[String(r[i + 1])] ?? 0) + 1;
      const facet = page.facets.find((f) => f.field === field)!;
      for (const v of facet.values) expect(v.count, `${field}=${v.value}`).toBe(expected[v.value]);
      if (!facet.truncated) expect(Object.keys(counts(page.facets, field)).length).toBe(Object.keys(expected).length);
    }
    const reporters = corpus.store.db.exec(`SELECT name, count(*) FROM search_reporters WHERE article_id IN (${ids.join(',')}) GROUP BY name`)[0].values;
    const got = counts(page.facets, 'reporter');
    for (const [name, n] of reporters) if (String(name) in got) expect(got[String(name)]).toBe(n);
    expect(page.facets.map((f) => f.field)).toEqual([...FACET_FIELDS]);
  });

  it('narrow with chips: ORed within a field, ANDed across, own field left alone', () => {
    const base = corpus.searcher.search({ query: '工作', everyPrinting: true });
    const [d1, d2] = base.facets.find((f) => f.field === 'district')!.values;
    const one = corpus.searcher.search({ query: '工作', everyPrinting: true, filters: [{ field: 'district', value: d1.value }] });
    expect(one.total).toBe(d1.count);
    expect(counts(one.facets, 'district')).toEqual(counts(base.facets, 'district')); // own chips do not narrow
    const two = corpus.searcher.search({ query: '工作', everyPrinting: true, filters: [{ field: 'district', value: d1.value }, { field: 'district', value: d2.value }] });
    expect(two.total).toBe(d1.count + d2.count);
    const year = counts(one.facets, 'year');
    const [y] = Object.keys(year);
    const both = corpus.searcher.search({ query: '工作', everyPrinting: true, filters: [{ field: 'district', value: d1.value }, { field: 'year', value: y }] });
    expect(both.total).toBe(year[y]);
    for (const row of both.rows) expect([row.district, row.date?.slice(0, 4)]).toEqual([d1.value, y]);
  });

  it('narrow by reporter', () => {
    const base = corpus.searcher.search({ query: '', everyPrinting: true });
    const [r] = base.facets.find((f) => f.field === 'reporter')!.values;
    const page = corpus.searcher.search({ query: '', everyPrinting: true, filters: [{ field: 'reporter', value: r.value }] });
    expect(page.total).toBe(r.count);
  });
});

describe('reprints', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await corpusOf([
      { name: 'a.txt', paper: '新乡日报', date: '2026-06-10', articles: [
        { headline: '防汛工作会议召开', body: '全市防汛工作会议召开,部署防汛。' },
        { headline: '另一篇防汛新闻', body: '防汛物资到位。' },
      ] },
      { name: 'b.txt', paper: '平原晚报', date: '2026-06-11', articles: [
        { headline: '防汛工作会议召开', body: '全市防汛工作会议召开,部署防汛。' },
      ] },
    ]);
    assignStories(corpus.store.db, [{ canonical: 1, members: [1, 3] }]);
  });

  it('count a story printed twice once, with the number of printings', () => {
    const page = corpus.searcher.search({ query: '防汛' });
    expect(page.total).toBe(2);
    expect(page.printings).toBe(3);
    expect(page.rows.find((r) => r.headline === '防汛工作会议召开')?.printings).toBe(2);
    expect(counts(page.facets, 'paper')).toEqual({ 新乡日报: 2, 平原晚报: 1 });
  });

  it('show every printing when asked', () => {
    const page = corpus.searcher.search({ query: '防汛', everyPrinting: true });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.paper)).toContain('平原晚报');
  });

  it('show the printing that matches a filter', () => {
    const page = corpus.searcher.search({ query: '防汛', filters: [{ field: 'paper', value: '平原晚报' }] });
    expect(page.rows.map((r) => [r.headline, r.paper])).toEqual([['防汛工作会议召开', '平原晚报']]);
  });
});

describe('an article indexed again (a bulletin parsed again with corrected meta)', () => {
  it('is found by its new text and never by its old text', async () => {
    const corpus = await corpusOf([{ name: 'c.txt', articles: [
      { headline: '旧标题', body: '原来的正文提到红旗区。' },
      { headline: '不变', body: '正文。' },
    ] }]);
    expect(corpus.searcher.search({ query: '红旗区' }).total).toBe(1);
    const writer = new SearchIndexWriter(corpus.store.db);
    const changed = article({ headline: '新标题', body: '新的正文提到卫滨区。', kicker: null, subtitle: null });
    corpus.store.db.run("UPDATE articles SET headline = '新标题', body = '新的正文提到卫滨区。' WHERE id = 1");
    writer.remove(1);
    writer.add(1, changed, { id: 1, paper: null, date: null });
    writer.free();
    expect(corpus.searcher.search({ query: '红旗区' }).total).toBe(0);
    expect(corpus.searcher.search({ query: '-红旗区' }).total).toBe(2);
    expect(corpus.searcher.search({ query: '卫滨区' }).rows.map((r) => r.headline)).toEqual(['新标题']);
    expect(corpus.searcher.search({ query: '正文 -卫滨区' }).rows.map((r) => r.headline)).toEqual(['不变']);
  });
});
