// Simplified and traditional Chinese fold together (with OpenCC's character table), as do
// full- and half-width forms and letter case; folding keeps offsets, so hits found in folded
// text are marked in the original.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/query/fold';
import { highlightParts, hitSnippet } from '../../src/core/query/highlight';
import { corpusOf, headlines, type LoadedCorpus } from './search-helpers';

describe('foldText', () => {
  it('turns traditional into simplified, full-width into ASCII and upper into lower case', () => {
    expect(foldText('學習貫徹會議精神')).toBe('学习贯彻会议精神');
    expect(foldText('ＧＤＰ增長１２％')).toBe('gdp增长12%');
    expect(foldText('学习')).toBe('学习');
  });

  it('keeps the length of every string and is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      expect(foldText(s).length).toBe(s.length);
      expect(foldText(foldText(s))).toBe(foldText(s));
    }), { numRuns: 500 });
  });
});

describe('searching across scripts', () => {
  let corpus: LoadedCorpus;
  beforeAll(async () => {
    corpus = await corpusOf([{ name: 'f.txt', articles: [
      { headline: '凤泉区學習貫徹會議精神', body: '凤泉区召開會議,學習貫徹全會精神。' },
      { headline: '红旗区学习贯彻会议精神', body: '红旗区召开会议,学习贯彻全会精神。' },
      { headline: '数据', body: 'ＧＤＰ增长。' },
    ] }]);
  });

  it('finds 学习 written either way, whichever way the query is written', () => {
    expect(headlines(corpus, '學習', { sort: 'oldest' })).toEqual(['凤泉区學習貫徹會議精神', '红旗区学习贯彻会议精神']);
    expect(headlines(corpus, '学习', { sort: 'oldest' })).toEqual(['凤泉区學習貫徹會議精神', '红旗区学习贯彻会议精神']);
    expect(headlines(corpus, 'gdp')).toEqual(['数据']);
  });

  it('marks the hit in the original script', () => {
    expect(highlightParts('凤泉区學習貫徹', ['学习'])).toEqual([
      { text: '凤泉区', hit: false }, { text: '學習', hit: true }, { text: '貫徹', hit: false },
    ]);
    const page = corpus.searcher.search({ query: '会议', sort: 'oldest' });
    expect(page.rows[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['會議']);
  });
});

describe('snippets', () => {
  it('mark every hit of every term inside the window', () => {
    const parts = hitSnippet('防汛工作会议。会议要求做好防汛准备,防汛物资到位。', ['防汛', '会议']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['防汛', '会议', '会议', '防汛', '防汛']);
    expect(parts.map((p) => p.text).join('')).toBe('防汛工作会议。会议要求做好防汛准备,防汛物资到位。');
  });

  it('open near the first hit with an ellipsis, and show line breaks as spaces', () => {
    // The hit opens a paragraph: the snippet opens with that paragraph.
    const body = `${'前文'.repeat(60)}\n关键词在这里。${'后文'.repeat(100)}`;
    const parts = hitSnippet(body, ['关键词']);
    expect(parts.slice(0, 2)).toEqual([{ text: '…', hit: false }, { text: '关键词', hit: true }]);
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
    // The hit in mid-paragraph: some text before it, the paragraph break shown as a space.
    const mid = hitSnippet(`开头一段。\n${'前文'.repeat(60)}关键词${'后文'.repeat(100)}`, ['关键词'], { before: 10 });
    expect(mid[1]).toEqual({ text: '前文'.repeat(5), hit: false });
    expect(mid[2]).toEqual({ text: '关键词', hit: true });
    const short = hitSnippet('第一段。\n第二段有关键词。', ['关键词']);
    expect(short.map((p) => p.text).join('')).toBe('第一段。 第二段有关键词。');
  });

  it('merge overlapping hits into one mark', () => {
    expect(highlightParts('哈哈哈', ['哈哈'])).toEqual([{ text: '哈哈哈', hit: true }]);
  });
});
