import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery, highlightTerms } from '../../src/core/query/syntax';

describe('parseQuery', () => {
  it('ANDs terms, reads phrases, exclusions and OR', () => {
    const q = parseQuery('政绩观 "学习 教育" -卫滨区 红旗区 OR 凤泉区');
    expect(q.hints).toEqual([]);
    expect(q.groups).toEqual([
      [{ type: 'text', text: '政绩观', field: null, negate: false, phrase: false }],
      [{ type: 'text', text: '学习 教育', field: null, negate: false, phrase: true }],
      [{ type: 'text', text: '卫滨区', field: null, negate: true, phrase: false }],
      [
        { type: 'text', text: '红旗区', field: null, negate: false, phrase: false },
        { type: 'text', text: '凤泉区', field: null, negate: false, phrase: false },
      ],
    ]);
    expect(highlightTerms(q)).toEqual(['政绩观', '学习 教育', '红旗区', '凤泉区']);
  });

  it('reads field filters, Chinese aliases and full-width punctuation', () => {
    const q = parseQuery('标题：“全会” credit:红旗宣 district:封丘县 kind:photo 类型:评论 paper:新乡日报');
    expect(q.hints).toEqual([]);
    expect(q.groups.map((g) => g[0])).toEqual([
      { type: 'text', text: '全会', field: 'headline', negate: false, phrase: true },
      { type: 'text', text: '红旗宣', field: 'credit', negate: false, phrase: false },
      { type: 'field', field: 'district', value: '封丘县', negate: false },
      { type: 'field', field: 'kind', value: 'photo', negate: false },
      { type: 'field', field: 'kind', value: 'commentary', negate: false },
      { type: 'field', field: 'paper', value: '新乡日报', negate: false },
    ]);
  });

  it('reads dates as ranges of days', () => {
    expect(parseQuery('date:2026-06').groups[0][0]).toEqual({ type: 'date', from: '2026-06-01', to: '2026-06-31', negate: false });
    expect(parseQuery('date:2026-05..2026-07').groups[0][0]).toEqual({ type: 'date', from: '2026-05-01', to: '2026-07-31', negate: false });
    expect(parseQuery('日期:2023').groups[0][0]).toEqual({ type: 'date', from: '2023-01-01', to: '2023-12-31', negate: false });
  });

  it('gives hints instead of failing on bad syntax', () => {
    expect(parseQuery('"未闭合 引号').hints[0].message).toMatch(/not closed/);
    expect(parseQuery('date:六月').hints[0].message).toMatch(/not a date/);
    expect(parseQuery('OR 红旗区').hints[0].message).toMatch(/both sides/);
    expect(parseQuery('kind:poem').hints[0].message).toMatch(/kind is one of/);
    expect(parseQuery('foo:bar').hints[0].message).toMatch(/unknown field/);
    expect(parseQuery('headline:').hints[0].message).toMatch(/needs a value/);
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => { parseQuery(s); }), { numRuns: 1000 });
  });
});
