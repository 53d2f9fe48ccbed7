// Ranking: a hit in the headline ranks above a hit only in the body (however often the body
// repeats it), the kicker above the body, and within those BM25F prefers more occurrences and
// shorter texts. Date and paper orders are stable.
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusOf, headlines, type LoadedCorpus } from './search-helpers';

const filler = '会议还研究了其他事项,与会人员进行了交流。';

describe('relevance', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await corpusOf([{ name: 'r.txt', articles: [
      { headline: '正文反复提到', body: `防汛防汛防汛防汛防汛防汛防汛防汛防汛防汛。${filler}` },
      { headline: '其他新闻一则', body: `今年的防汛工作已经开始。${filler.repeat(8)}` },
      { headline: '部署防汛工作', body: `会议部署了全年工作。${filler}` },
      { headline: '引题提到的新闻', kicker: '防汛指挥部', body: `工作安排。${filler}` },
      { headline: '较短的正文', body: '今年的防汛工作已经开始。' },
      { headline: '毫不相干', body: filler },
    ] }]);
  });

  it('puts a headline hit above body-only hits, even a body that repeats the word ten times', () => {
    expect(headlines(corpus, '防汛')[0]).toBe('部署防汛工作');
  });

  it('puts a kicker hit above body-only hits', () => {
    expect(headlines(corpus, '防汛').indexOf('引题提到的新闻')).toBe(1);
  });

  it('orders body-only hits by BM25: more occurrences first, then the shorter text', () => {
    expect(headlines(corpus, '防汛').slice(2)).toEqual(['正文反复提到', '较短的正文', '其他新闻一则']);
  });

  it('never lists an article that lacks the word, whatever the segmentation', () => {
    expect(headlines(corpus, '防汛')).not.toContain('毫不相干');
  });
});

describe('date and paper order', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await corpusOf([
      { name: 'x.txt', paper: '新乡日报', date: '2024-03-01', articles: [{ headline: '甲 工作', date: null }] },
      { name: 'y.txt', paper: '平原晚报', date: '2026-01-05', articles: [{ headline: '乙 工作', date: null }] },
      { name: 'z.txt', paper: null, date: null, articles: [{ headline: '丙 工作', date: null }] },
      { name: 'w.txt', paper: '新乡日报', date: '2023-12-31', articles: [{ headline: '丁 工作', date: null }] },
    ]);
  });

  it('sorts newest first and oldest first, undated last', () => {
    expect(headlines(corpus, '工作', { sort: 'newest' })).toEqual(['乙 工作', '甲 工作', '丁 工作', '丙 工作']);
    expect(headlines(corpus, '工作', { sort: 'oldest' })).toEqual(['丁 工作', '甲 工作', '乙 工作', '丙 工作']);
  });

  it('sorts by paper, then date; articles without a paper last', () => {
    // Papers in code-point order: 平原晚报 (平 U+5E73) before 新乡日报 (新 U+65B0).
    expect(headlines(corpus, '工作', { sort: 'paper' })).toEqual(['乙 工作', '丁 工作', '甲 工作', '丙 工作']);
  });
});
