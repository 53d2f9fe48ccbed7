// Segmentation for the FTS columns: jieba (its Node build, no init needed) and the fallback.
import { cut } from 'jieba-wasm';
import { describe, expect, it } from 'vitest';
import { characterSegmenter, jiebaSegmenter, segmentForIndex } from '../../src/core/segment';
import { segmentArticle } from '../../src/core/ingest';

describe('segmentForIndex', () => {
  it('cuts Chinese into words with jieba and drops punctuation and whitespace', () => {
    const seg = segmentForIndex(jiebaSegmenter(cut), '红旗区召开防汛工作会议。\n会议强调,要压实责任!');
    const words = seg.split(' ');
    expect(words).toContain('防汛');
    expect(words).toContain('会议');
    expect(words.some((w) => /[。,!\s]/.test(w))).toBe(false);
    expect(words.join('')).toBe('红旗区召开防汛工作会议会议强调要压实责任');
  });

  it('keeps Latin words and numbers whole in the fallback segmenter', () => {
    expect(segmentForIndex(characterSegmenter, '新乡GDP增长5.2%')).toBe('新 乡 GDP 增 长 5 2');
  });

  it('gives empty text for missing fields', () => {
    expect(segmentForIndex(characterSegmenter, null)).toBe('');
    expect(segmentForIndex(characterSegmenter, '。,')).toBe('');
  });
});

describe('segmentArticle', () => {
  it('puts headline+subtitle, kicker+column and body in their FTS columns', () => {
    const seg = segmentArticle(characterSegmenter, {
      headline: '标题', subtitle: '副题', kicker: '引题', column: '栏目', body: '正文',
    } as Parameters<typeof segmentArticle>[1]);
    expect(seg).toEqual({ headline: '标 题 副 题', kicker: '引 题 栏 目', body: '正 文' });
  });
});
