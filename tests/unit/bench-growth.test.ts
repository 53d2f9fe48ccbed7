// The scale benchmark's growth figures (bench/lib/growth.ts): "linear or better" must be read
// off correctly, whatever order the sizes were measured in.
import { describe, expect, it } from 'vitest';
import { alignTable, growth, growthCell } from '../../bench/lib/growth';

describe('benchmark growth', () => {
  it('a figure that grows with the articles is linear (1.0 per article)', () => {
    const g = growth([{ articles: 1000, value: 2 }, { articles: 10_000, value: 20 }, { articles: 50_000, value: 100 }]);
    expect(g.map((x) => x.articles)).toEqual([10_000, 50_000]);
    for (const x of g) expect(x.perArticle).toBeCloseTo(1, 10);
    expect(g[1].factor).toBeCloseTo(50, 10);
  });

  it('superlinear and sublinear growth are told apart, in any input order', () => {
    const g = growth([{ articles: 10_000, value: 300 }, { articles: 1000, value: 10 }, { articles: 50_000, value: 20 }]);
    expect(g[0]).toMatchObject({ articles: 10_000, factor: 30, articlesFactor: 10 });
    expect(g[0].perArticle).toBeCloseTo(3, 10); // worse than linear
    expect(g[1].perArticle).toBeCloseTo(0.04, 10); // better than linear (a latency that barely grows)
    expect(growthCell(g[0])).toBe('x30.0 for x10.0 articles (3.00 per article)');
  });

  it('one size, or a zero baseline, has no growth to report', () => {
    expect(growth([{ articles: 1000, value: 5 }])).toEqual([]);
    expect(growth([{ articles: 1000, value: 0 }, { articles: 2000, value: 5 }])).toEqual([]);
  });

  it('tables align their columns', () => {
    const lines = alignTable(['figure', 'n'], [['a', '1'], ['longer', '100']]).split('\n');
    expect(lines).toEqual(['figure    n', '------  ---', 'a         1', 'longer  100']);
  });
});
