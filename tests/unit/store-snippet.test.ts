import { describe, expect, it } from 'vitest';
import { makeSnippet, splitHits } from '../../src/core/store';

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('splitHits', () => {
  it('flags every occurrence and keeps all the text', () => {
    const parts = splitHits('防汛会议部署防汛工作', '防汛');
    expect(parts).toEqual([
      { text: '防汛', hit: true }, { text: '会议部署', hit: false }, { text: '防汛', hit: true }, { text: '工作', hit: false },
    ]);
  });

  it('returns the text unflagged when the query is empty or absent', () => {
    expect(splitHits('会议', '')).toEqual([{ text: '会议', hit: false }]);
    expect(splitHits('会议', '防汛')).toEqual([{ text: '会议', hit: false }]);
    expect(splitHits('', '')).toEqual([]);
  });

  it('treats markup in the text as text', () => {
    expect(joined(splitHits('<b>防汛</b>', '防汛'))).toBe('<b>防汛</b>');
  });
});

describe('makeSnippet', () => {
  it('opens the text when nothing is searched', () => {
    const parts = makeSnippet('第一段。\n第二段。', '');
    expect(joined(parts)).toBe('第一段。 第二段。');
    expect(parts.some((p) => p.hit)).toBe(false);
  });

  it('cuts a window around the first hit with ellipses on both sides', () => {
    const text = 'a'.repeat(100) + '目标' + 'b'.repeat(300);
    const parts = makeSnippet(text, '目标', { before: 10, length: 40 });
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
    expect(joined(parts)).toBe('…' + 'a'.repeat(10) + '目标' + 'b'.repeat(28) + '…');
  });

  it('never splits a surrogate pair at a cut', () => {
    const text = '𠀀'.repeat(50) + '目标' + '𠀀'.repeat(50);
    for (let before = 1; before < 6; before++) {
      const inner = joined(makeSnippet(text, '目标', { before, length: 9 })).replace(/…/g, '');
      expect(inner).toBe(Array.from(inner).join(''));
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(inner)).toBe(false);
    }
  });

  it('falls back to the opening when the hit is not in the body', () => {
    expect(joined(makeSnippet('正文开头', '标题里的词'))).toBe('正文开头');
  });
});
