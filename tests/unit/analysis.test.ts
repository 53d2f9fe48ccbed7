// The analysis functions on small hand-made articles: concordance alignment and sorting, word and
// phrase counts, TF-IDF, trends normalised per article, co-occurrence counts, and the CSV files.
import { describe, expect, it } from 'vitest';
import {
  articleKeywords, concordance, concordanceCsv, cooccurrence, documentFrequencies, frequencies, isContentWord,
  monthRange, sentencesOf, sortConcordance, trendCsv, trends, type AnalysisDoc,
} from '../../src/core/analysis/index';

let nextId = 1;
/** An article; `seg` is its body's words (space-separated, punctuation dropped, as the store keeps them). */
function doc(body: string, over: Partial<AnalysisDoc> = {}, seg?: string): AnalysisDoc {
  return {
    id: nextId++, headline: '标题', subtitle: null, kicker: null, body,
    segHeadline: '标题', segKicker: '', segBody: seg ?? body.replace(/[，。、；！？\n]/g, ' ').replace(/ +/g, ' ').trim(),
    date: '2026-06-08', district: '红旗区', paper: '新乡日报', ...over,
  };
}

describe('concordance', () => {
  const docs = [
    doc('党员干部要树立正确政绩观，践行正确政绩观。'),
    doc('第二段。\n必须纠正错误政绩观偏差'),
    doc('學習正確政績觀'), // traditional: found folded, shown as written
  ];

  it('lines every occurrence up on the match, with context cut at the paragraph', () => {
    const k = concordance(docs, '政绩观', { width: 6 });
    expect(k.total).toBe(4);
    expect(k.articles).toBe(3);
    expect(k.lines.map((l) => [l.left, l.match, l.right])).toEqual([
      ['部要树立正确', '政绩观', '，践行正确政'],
      ['观，践行正确', '政绩观', '。'],
      ['必须纠正错误', '政绩观', '偏差'],
      ['學習正確', '政績觀', ''],
    ]);
    expect(k.lines[2].left).not.toContain('第二段'); // the previous paragraph is not context
    expect(k.lines[0].offset).toBe(docs[0].body.indexOf('政绩观'));
  });

  it('counts every match but returns at most `limit` lines', () => {
    const k = concordance(docs, '政绩观', { limit: 2 });
    expect(k.total).toBe(4);
    expect(k.lines).toHaveLength(2);
    expect(k.truncated).toBe(true);
  });

  it('sorts by the word right before the match, then the one before it, or by the words after', () => {
    const cut = (t: string) => t.match(/树立|践行|纠正|错误|正确|偏差|学习|學習|正確|[^树践纠错正偏学學]/g) ?? [];
    const k = concordance(docs, '政绩观', { width: 8, cut });
    expect(k.lines[0].leftWords.slice(0, 2)).toEqual(['正确', '树立']); // nearest first
    const byLeft = sortConcordance(k.lines, 'left', (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byLeft.map((l) => l.leftWords[0])).toEqual(['正确', '正确', '正確', '错误']);
    // Ties on the nearest word are broken by the next one (树立 before 践行 in code-point order).
    expect(byLeft.slice(0, 2).map((l) => l.leftWords[1])).toEqual(['树立', '践行']);
    const byRight = sortConcordance(k.lines, 'right', (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byRight[0].rightWords).toEqual([]); // nothing after 政績觀 sorts first
    expect(byRight.map((l) => l.rightWords[0] ?? '')).toEqual(['', '。', '偏差', '，']);
    expect(sortConcordance(k.lines, 'text')).toEqual(k.lines);
  });

  it('finds nothing for a blank term', () => {
    expect(concordance(docs, '  ').total).toBe(0);
  });

  it('exports CSV with a byte-order mark, quoting what needs it', () => {
    const quoted = doc('他说"政绩观",好', { headline: '标题, 副' });
    const csv = concordanceCsv(concordance([...docs, quoted], '政绩观', { width: 6 }).lines);
    expect(csv.startsWith('\uFEFFleft,match,right,article_id')).toBe(true);
    expect(csv).toContain(`\r\n必须纠正错误,政绩观,偏差,${docs[1].id},body,标题,2026-06-08,红旗区,新乡日报\r\n`);
    expect(csv).toContain(`\r\n"他说""",政绩观,""",好",${quoted.id},body,"标题, 副",`);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(6);
  });
});

describe('frequencies', () => {
  it('counts content words only: no stop words, single characters or numbers', () => {
    expect(isContentWord('政绩观')).toBe(true);
    for (const w of ['的', '我们', '进行', '2026', '十二', '6月', '，']) expect(isContentWord(w)).toBe(false);
    const bare = { headline: '', segHeadline: '' };
    const f = frequencies([doc('', bare, '我们 要 推动 高质量 发展 的 2026'), doc('', bare, '高质量 发展 是 首要 任务')]);
    expect(f.words.map((w) => [w.term, w.count, w.docs])).toEqual([
      ['发展', 2, 2], ['高质量', 2, 2], ['推动', 1, 1], ['首要', 1, 1], ['任务', 1, 1],
    ].sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0] < b[0] ? -1 : 1)));
    expect(f.tokens).toBe(7);
  });

  it('counts phrases inside sentences only, recurring in two articles, without their redundant parts', () => {
    const bare = { headline: '', segHeadline: '' };
    const a = doc('推动高质量发展。城市更新', bare, '推动 高质量 发展 城市 更新');
    const b = doc('推动高质量发展，城市更新', bare, '推动 高质量 发展 城市 更新');
    expect(sentencesOf(a.segBody, a.body)).toEqual([['推动', '高质量', '发展'], ['城市', '更新']]);
    const f = frequencies([a, b]);
    const phrases = f.phrases.map((p) => [p.term, p.count]);
    expect(phrases).toContainEqual(['推动高质量发展', 2]);
    expect(phrases).toContainEqual(['城市更新', 2]);
    expect(phrases.map((p) => p[0])).not.toContain('发展城市'); // across a full stop
    expect(phrases.map((p) => p[0])).not.toContain('推动高质量'); // inside 推动高质量发展, same count
  });
});

describe('TF-IDF keywords', () => {
  it('ranks a word the article repeats and the corpus rarely uses above a common one', () => {
    const corpus = [
      doc('', {}, '工作 会议 防汛 防汛 防汛'),
      doc('', {}, '工作 会议 学习'),
      doc('', {}, '工作 会议 调研'),
    ];
    const df = documentFrequencies(corpus);
    expect(df.docs).toBe(3);
    expect(df.df.get('工作')).toBe(3);
    const k = articleKeywords(corpus[0], df, 3);
    expect(k[0].word).toBe('防汛');
    expect(k[0].count).toBe(3);
    expect(k[0].score).toBeCloseTo((1 + Math.log(3)) * (Math.log(4 / 2) + 1));
    expect(k.map((x) => x.word).slice(1)).toEqual(['会议', '工作']);
  });
});

describe('trends', () => {
  const docs = [
    doc('政绩观 政绩观', { date: '2026-01-05' }),
    doc('其他', { date: '2026-01-20' }),
    doc('政绩观', { date: '2026-03-02', district: '卫滨区' }),
    doc('政绩观', { date: '2026', district: '卫滨区' }), // only a year: undated for a monthly chart
  ];

  it('normalises occurrences by the month’s articles and leaves months without articles empty', () => {
    const t = trends(docs, ['政绩观', '防汛']);
    expect(t.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(t.undated).toBe(1);
    const [term, other] = t.series;
    expect(term.perArticle).toEqual([1, null, 1]); // 2 occurrences / 2 articles in January
    expect(term.share).toEqual([0.5, null, 1]);
    expect(other.perArticle).toEqual([0, null, 0]);
  });

  it('splits series by district, the largest groups first', () => {
    const t = trends(docs, ['政绩观'], { groupBy: 'district', maxGroups: 1 });
    expect(t.series.map((s) => s.group)).toEqual(['红旗区']);
    expect(t.otherGroups).toBe(1);
    expect(t.series[0].articles).toEqual([2, 0, 0]);
  });

  it('fills every month of a range across years, and writes its data as CSV', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const csv = trendCsv(trends(docs, ['政绩观']));
    expect(csv.split('\r\n')[1]).toBe('2026-01,政绩观,,2,1,2,1,0.5');
  });
});

describe('co-occurrence', () => {
  const people = [
    { id: 'a', name: '甲', district: '红旗区', articleIds: [1, 2, 3, 3] },
    { id: 'b', name: '乙', district: '红旗区', articleIds: [2, 3] },
    { id: 'c', name: '丙', district: null, articleIds: [3, 4] },
  ];

  it('counts the articles two people share, once per article', () => {
    const r = cooccurrence(people);
    expect(r.edges.map((e) => [e.source, e.target, e.count, e.articleIds])).toEqual([
      ['a', 'b', 2, [2, 3]], ['a', 'c', 1, [3]], ['b', 'c', 1, [3]],
    ]);
    expect(r.nodes.map((n) => [n.id, n.articles])).toEqual([['a', 3], ['b', 2], ['c', 2]]);
  });

  it('counts within the result set only, and keeps the strongest pairs', () => {
    const r = cooccurrence(people, { within: new Set([2, 4]) });
    expect(r.edges).toEqual([{ source: 'a', target: 'b', count: 1, articleIds: [2] }]);
    expect(r.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    const top = cooccurrence(people, { top: 1 });
    expect(top.edges).toHaveLength(1);
    expect(top.moreEdges).toBe(2);
  });
});
