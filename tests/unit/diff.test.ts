import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRuns, foldWidth, sideBySide, similarity } from '../../src/core/diff';

const join = (parts: Array<{ text: string }>) => parts.map((p) => p.text).join('');
const changed = (parts: Array<{ text: string; change: string }>, change: string) =>
  parts.filter((p) => p.change === change).map((p) => p.text);

describe('character diff of two printings', () => {
  it('gives back both texts whole, whatever they are', () => {
    const text = fc.string({ unit: fc.constantFrom(...'本报讯区委书记刘怀斌主持会议，。,.\n ab（）'), maxLength: 80 });
    fc.assert(fc.property(text, text, (a, b) => {
      const d = sideBySide(a, b);
      expect(join(d.left)).toBe(a);
      expect(join(d.right)).toBe(b);
      expect(d.left.every((p) => p.change !== 'added')).toBe(true);
      expect(d.right.every((p) => p.change !== 'removed')).toBe(true);
      // the parts counted match the texts' lengths
      expect(d.same + d.removed).toBe(a.length);
      expect(d.same + d.added).toBe(b.length);
      // the runs of the diff cover both texts exactly
      const runs = diffRuns(a, b);
      expect(runs.reduce((n, [op, len]) => n + (op <= 0 ? len : 0), 0)).toBe(a.length);
      expect(runs.reduce((n, [op, len]) => n + (op >= 0 ? len : 0), 0)).toBe(b.length);
    }), { numRuns: 300 });
  });

  it('finds nothing changed between identical texts', () => {
    const d = sideBySide('会议要求压实防汛责任。', '会议要求压实防汛责任。');
    expect(d.left).toEqual([{ text: '会议要求压实防汛责任。', change: 'same' }]);
    expect(similarity(d)).toBe(1);
  });

  it('ignores flipped punctuation width but keeps each side its own characters', () => {
    const a = '会议强调，要压实责任（全区）；确保安全！';
    const b = '会议强调,要压实责任(全区);确保安全!';
    const d = sideBySide(a, b);
    expect(d.removed + d.added).toBe(0);
    expect(join(d.left)).toBe(a);
    expect(join(d.right)).toBe(b);
    expect(foldWidth('，（Ａ）\u3000')).toBe(',(A) ');
  });

  it('marks a typo as one character removed and one added, in place', () => {
    const d = sideBySide('区委书记刘怀斌主持会议并讲话。', '区委书记刘怀彬主持会议并讲话。');
    expect(changed(d.left, 'removed')).toEqual(['斌']);
    expect(changed(d.right, 'added')).toEqual(['彬']);
    expect(d.left[0]).toEqual({ text: '区委书记刘怀', change: 'same' });
  });

  it('shows a dropped paragraph as one removed run', () => {
    const p1 = '本报讯 6月8日，封丘县召开防汛工作会议。';
    const p2 = '会议要求各乡镇汛前完成河道清淤和堤坝巡查，组建抢险队伍。';
    const p3 = '县领导出席会议并讲话。';
    const d = sideBySide([p1, p2, p3].join('\n'), [p1, p3].join('\n'));
    expect(changed(d.left, 'removed').join('').replace(/\n/g, '')).toBe(p2);
    expect(d.added).toBe(0);
  });

  it('flags a paragraph that moved rather than reporting it lost', () => {
    const ps = ['第一段落的内容是会议的基本情况介绍。', '第二段落讲的是领导的讲话要点和工作要求。', '第三段落是与会人员的交流发言和表态。', '第四段落是会议的结尾和下一步安排。'];
    const d = sideBySide(ps.join('\n'), [ps[0], ps[2], ps[3], ps[1]].join('\n'));
    const moved = d.left.filter((p) => p.moved);
    expect(moved.map((p) => p.text.trim())).toEqual([ps[1]]);
    expect(d.right.filter((p) => p.moved).map((p) => p.text.trim())).toEqual([ps[1]]);
  });

  it('folds coincidental one-character matches into the rewritten phrase', () => {
    const d = sideBySide('今天天气很好我们去公园。', '昨日风雨交加的公园里没有人。');
    // without semantic cleanup 的/公园 would cut the change into many tiny pieces
    expect(d.left.length).toBeLessThanOrEqual(4);
  });

  it('settles within its time budget on long, unrelated texts', () => {
    const rnd = (seed: number, n: number) => {
      let x = seed;
      let s = '';
      for (let i = 0; i < n; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        s += String.fromCharCode(0x4e00 + (x % 800));
      }
      return s;
    };
    const a = rnd(1, 30_000);
    const b = rnd(2, 30_000);
    const t0 = performance.now();
    const d = sideBySide(a, b, { timeout: 0.3 });
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(join(d.left)).toBe(a);
    expect(join(d.right)).toBe(b);
  });
});
