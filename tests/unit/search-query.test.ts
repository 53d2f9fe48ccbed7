// The query syntax as SQL and as results: AND, phrases, exclusions, OR, field filters and dates
// select exactly the articles they describe; bad syntax gives hints and still searches.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileQuery } from '../../src/core/query/compile';
import { parseQuery } from '../../src/core/query/syntax';
import { corpusOf, headlines, type LoadedCorpus } from './search-helpers';

function compiled(q: string) {
  return compileQuery(parseQuery(q));
}

describe('compiling a query', () => {
  it('answers a term without whitespace from the gram index alone, as the phrase of its bigrams', () => {
    const c = compiled('刘怀斌');
    expect(c.match).toBe('(("刘怀 怀斌"))');
    expect(c.where).toBeNull();
    expect(compiled('区').match).toBe('((区*))');
  });

  it('joins terms with AND, OR groups with OR and exclusions with NOT', () => {
    const c = compiled('防汛 红旗区 OR 卫滨区 -会议');
    expect(c.match).toBe('(("防汛")) AND (("红旗 旗区") OR ("卫滨 滨区")) NOT ("会议")');
    expect(c.where).toBeNull();
  });

  it('checks a phrase with a space against the folded text after the index narrows', () => {
    const c = compiled('"学习 教育"');
    expect(c.match).toBe('(("学习" "教育"))');
    expect(c.where?.text).toBe('instr(t.text, ?) > 0');
    expect(c.where?.params).toEqual(['学习 教育']);
    expect(c.needsText).toBe(true);
  });

  it('turns field filters into conditions on the search columns', () => {
    const c = compiled('headline:座谈会 credit:红旗宣 district:红旗 paper:新乡 kind:photo date:2026-06');
    expect(c.match).toBe('(("座谈 谈会"))');
    expect(c.where?.text).toBe([
      '(instr(d.f_headline, ?) > 0)', '(instr(d.f_credit, ?) > 0)', '(instr(d.district, ?) > 0)',
      '(instr(d.paper, ?) > 0)', '(d.kind = ?)', '(d.date_from >= ? AND d.date_to <= ?)',
    ].join(' AND '));
    expect(c.where?.params).toEqual(['座谈会', '红旗宣', '红旗', '新乡', 'photo', '2026-06-01', '2026-06-31']);
  });

  it('folds terms before looking them up: traditional, full-width and upper case', () => {
    expect(compiled('學習').match).toBe('(("学习"))');
    expect(compiled('ＡＢ').match).toBe('(("ab"))');
  });

  it('makes an exclusion alone a plain condition (FTS4 cannot answer NOT by itself)', () => {
    const c = compiled('-会议');
    expect(c.match).toBeNull();
    expect(c.where?.text).toBe('NOT coalesce((d.id IN (SELECT docid FROM search_grams WHERE search_grams MATCH ?)), 0)');
  });
});

describe('searching with the syntax', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await corpusOf([
      { name: 'a.txt', paper: '新乡日报', date: '2026-06-10', articles: [
        { headline: '红旗区召开防汛会议', body: '红旗区部署防汛工作。', district: '红旗区', credit: '红旗宣', byline: '记者 张改华' },
        { headline: '卫滨区开展学习教育', body: '卫滨区开展学习 教育活动。', district: '卫滨区', kicker: '卫滨区委组织部' },
        { headline: '城市新地标', body: '民主路大沙河桥夜景。', kind: 'photo', district: null },
      ] },
      { name: 'b.txt', paper: '平原晚报', date: '2023-05-02', articles: [
        { headline: '封丘县防汛演练', body: '封丘县举行防汛演练,红旗区派员观摩。', district: '封丘县', date: null },
        { headline: '凤泉区學習貫徹會議', body: '凤泉区召开會議。', district: '凤泉区', date: null },
      ] },
    ]);
  });

  it('ANDs terms and excludes', () => {
    expect(headlines(corpus, '防汛 红旗区')).toEqual(['红旗区召开防汛会议', '封丘县防汛演练']);
    expect(headlines(corpus, '防汛 -会议')).toEqual(['封丘县防汛演练']);
  });

  it('ORs alternatives', () => {
    expect(headlines(corpus, '卫滨区 OR 凤泉区', { sort: 'oldest' })).toEqual(['凤泉区學習貫徹會議', '卫滨区开展学习教育']);
  });

  it('matches a quoted phrase literally, spaces included', () => {
    expect(headlines(corpus, '"学习 教育"')).toEqual(['卫滨区开展学习教育']);
    expect(headlines(corpus, '学习教育')).toEqual(['卫滨区开展学习教育']);
  });

  it('restricts to a field: headline, kicker, credit, byline', () => {
    expect(headlines(corpus, 'headline:红旗区')).toEqual(['红旗区召开防汛会议']);
    expect(headlines(corpus, 'kicker:组织部')).toEqual(['卫滨区开展学习教育']);
    expect(headlines(corpus, 'credit:红旗宣')).toEqual(['红旗区召开防汛会议']);
    expect(headlines(corpus, 'byline:张改华')).toEqual(['红旗区召开防汛会议']);
  });

  it('filters by district, paper, kind and date', () => {
    expect(headlines(corpus, 'district:封丘')).toEqual(['封丘县防汛演练']);
    expect(headlines(corpus, 'paper:平原 防汛')).toEqual(['封丘县防汛演练']);
    expect(headlines(corpus, 'kind:图片')).toEqual(['城市新地标']);
    expect(headlines(corpus, 'date:2023')).toEqual(['封丘县防汛演练', '凤泉区學習貫徹會議']);
    expect(headlines(corpus, 'date:2026-05..2026-07 防汛')).toEqual(['红旗区召开防汛会议']);
    expect(headlines(corpus, '-date:2026')).toEqual(['封丘县防汛演练', '凤泉区學習貫徹會議']);
  });

  it('answers bad syntax with hints and searches what it understood', () => {
    const page = corpus.searcher.search({ query: 'foo:bar 防汛 date:六月' });
    expect(page.hints.map((h) => h.code)).toEqual(['unknown-field', 'bad-date']);
    expect(page.rows.map((r) => r.headline)).toEqual([]); // "bar" is still a term: nothing has it
    expect(corpus.searcher.search({ query: '"防汛' }).hints[0].code).toBe('unclosed-quote');
    expect(corpus.searcher.search({ query: '"防汛' }).total).toBe(2);
  });

  it('lists every article for an empty query, in load order', () => {
    expect(corpus.searcher.search({ query: '' }).total).toBe(5);
    expect(headlines(corpus, '')[0]).toBe('红旗区召开防汛会议');
  });
});
