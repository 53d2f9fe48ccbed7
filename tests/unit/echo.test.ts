// Echoes: a passage printed again later in the same article. Precision on every article of the
// sample bulletins (only the known echoes), behaviour on hand-made cases, recall on injected
// repeats, and time on a long article.
import { describe, expect, it } from 'vitest';
import { findEchoes, type EchoHit } from '../../src/core/repair/echo';
import { injectEcho, type EchoInjection } from '../../bench/dedup/inject-echo';
import { Rng } from '../../bench/lib/prng';
import { seedArticles } from '../../bench/dedup/seed-articles';
import expected from '../fixtures/seeds-expected.json' with { type: 'json' };

const strip = (s: string) => s.replace(/\s+/g, '');
const copyOf = (paragraphs: string[], h: EchoHit) => paragraphs[h.paragraph].slice(h.start, h.end);
const sourceOf = (paragraphs: string[], h: EchoHit) => paragraphs[h.sourceParagraph].slice(h.sourceStart, h.sourceEnd);
const articles = seedArticles();

describe('findEchoes on the sample bulletins', () => {
  const found = articles.flatMap((a) => findEchoes(a.paragraphs).map((h) => ({ a, h, copy: copyOf(a.paragraphs, h) })));

  it('finds only passages that expected.json lists as echoes, in the articles it lists them for', () => {
    const known = Object.values(expected).flatMap((f) => f.articles.flatMap((a) =>
      ('echoes' in a ? (a.echoes as string[]) : []).map((e) => ({ headline: strip(a.headline), echo: strip(e) }))));
    expect(found.length).toBeGreaterThan(0);
    for (const { a, copy, h } of found) {
      const k = known.find((x) => x.headline === strip(a.headline));
      expect(k, `unexpected echo in «${a.headline}»: ${copy}`).toBeDefined();
      // the copy holds the listed passage, or is the listed passage's end printed again
      const c = strip(copy);
      expect(c.includes(k!.echo) || k!.echo.endsWith(c.slice(-12)), copy).toBe(true);
      expect(strip(sourceOf(a.paragraphs, h)).length).toBeGreaterThanOrEqual(6);
    }
  });

  it('removes the 刘怀斌 sentence where it is printed again, keeping the first copy in the lead', () => {
    const a = articles.find((x) => x.headline.includes('第二次集中学习研讨'))!;
    const hits = findEchoes(a.paragraphs);
    expect(hits.map((h) => copyOf(a.paragraphs, h).endsWith('区委常委出席活动。'))).toEqual([true, true]);
    for (const h of hits) expect(h.sourceParagraph).toBe(0);
    // the near-copy (区区长 for 区长) is found with its one-character difference measured
    const near = hits.find((h) => h.paragraph === 1)!;
    expect(copyOf(a.paragraphs, near)).toBe('区区长刘怀斌主持活动并讲话,区委常委出席活动。');
    expect(sourceOf(a.paragraphs, near)).toBe('区长刘怀斌主持活动并讲话,区委常委出席活动。');
    expect(near.similarity).toBeLessThan(1);
    // the copy in paragraph 3 is snapped to the clause after 重要论述, (formula left in place)
    const long = hits.find((h) => h.paragraph === 2)!;
    expect(copyOf(a.paragraphs, long).startsWith('进一步树牢为民')).toBe(true);
    expect(a.paragraphs[2].slice(0, long.start).endsWith('重要论述,')).toBe(true);
  });

  it('finds the 向阳街道 block printed again at the end, ending mid-word on 勤', () => {
    const a = articles.find((x) => x.headline.includes('圆梦“六一”'))!;
    const [h, ...rest] = findEchoes(a.paragraphs);
    expect(rest).toEqual([]);
    const copy = copyOf(a.paragraphs, h);
    expect(copy.startsWith('建立“微心愿”清单。')).toBe(true);
    expect(copy.endsWith('并鼓励他们勤')).toBe(true);
    expect(h.end).toBe(a.paragraphs[h.paragraph].length);
    expect(a.paragraphs[h.paragraph].slice(0, h.start).endsWith('困难家庭需求,')).toBe(true);
  });
});

describe('findEchoes on hand-made text', () => {
  it('leaves formula phrases that recur inside different sentences alone', () => {
    const paragraphs = [
      '会议传达学习了习近平总书记关于树立和践行正确政绩观的重要论述,安排部署下一步工作。',
      '会议强调,要深入学习习近平总书记关于树立和践行正确政绩观的重要论述,坚持以人民为中心。',
      '会议强调,要以“时时放心不下”的责任感抓好安全生产。会议要求,要以“时时放心不下”的责任感做好防汛工作。',
    ];
    expect(findEchoes(paragraphs)).toEqual([]);
  });

  it('leaves a meeting name repeated in a later sentence alone', () => {
    const p = '会议传达贯彻全国、全省安全生产工作紧急调度视频会议会议精神;通报排查情况。会议传达了全国、全省安全生产工作紧急调度视频会议会议精神,强调要守牢底线。';
    expect(findEchoes([p])).toEqual([]);
  });

  it('finds a sentence printed again, exactly and with one character changed', () => {
    const first = '区委书记李博主持会议并讲话,区委常委出席会议。';
    const exact = findEchoes(['6月8日,牧野区召开调度会。' + first, '会议强调,要压实责任。' + first]);
    expect(exact).toHaveLength(1);
    expect(exact[0]).toMatchObject({ paragraph: 1, sourceParagraph: 0, similarity: 1 });
    const near = findEchoes(['6月8日,牧野区召开调度会。' + first, '会议强调,要压实责任。' + first.replace('讲话', '讲活')]);
    expect(near).toHaveLength(1);
    expect(near[0].similarity).toBeGreaterThan(0.9);
    expect(near[0].similarity).toBeLessThan(1);
  });

  it('does not take a short sentence that differs by one character for a copy', () => {
    expect(findEchoes(['会议传达了省委全会精神。会议传达了市委全会精神。'])).toEqual([]);
  });

  it('finds a stuttered clause and removes only the second copy', () => {
    const p = '会议要求,要加强组织领导,要加强组织领导,确保各项工作落到实处。';
    const [h] = findEchoes([p]);
    expect(p.slice(h.start, h.end)).toBe('要加强组织领导,');
    expect(h.start).toBe(p.indexOf('要加强组织领导,', 6));
  });

  it('returns nothing for empty or punctuation-only input', () => {
    expect(findEchoes([])).toEqual([]);
    expect(findEchoes(['', '。。。', '……'])).toEqual([]);
  });

  it('handles a long article in linear-ish time', () => {
    const all = articles.flatMap((a) => a.paragraphs);
    const big = Array.from({ length: 8 }, () => all).flat(); // ~225,000 characters
    const t = performance.now();
    const hits = findEchoes(big);
    const ms = performance.now() - t;
    expect(hits.length).toBeGreaterThan(100); // every repeated block is found
    expect(ms).toBeLessThan(5000);
  });
});

describe('findEchoes recall on injected repeats', () => {
  it('finds >= 99% of injected whole-clause/sentence repeats (6+ characters), with no false hits', () => {
    const rng = new Rng(20261122);
    const kinds: EchoInjection['kind'][] = ['sentence', 'stutter', 'block', 'cut', 'paragraph'];
    const content = (s: string) => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    let trials = 0;
    let found = 0;
    let falseHits = 0;
    for (let i = 0; i < 800; i++) {
      const a = rng.pick(articles);
      const baseline = findEchoes(a.paragraphs).map((h) => copyOf(a.paragraphs, h));
      const inj = injectEcho(a.paragraphs, rng, rng.pick(kinds));
      if (!inj) continue;
      trials++;
      const P = inj.paragraphs[inj.paragraph];
      let covered = 0;
      let spills = false;
      for (const h of findEchoes(inj.paragraphs)) {
        if (h.paragraph === inj.paragraph && h.end > inj.start && h.start < inj.end) {
          covered += content(P.slice(Math.max(h.start, inj.start), Math.min(h.end, inj.end)));
          if (h.start < inj.start - 1 || h.end > inj.end + 1) spills = true;
        } else {
          const copy = copyOf(inj.paragraphs, h);
          if (!baseline.some((b) => b.includes(copy) || copy.includes(b) || b.slice(-12) === copy.slice(-12))) falseHits++;
        }
      }
      if (!spills && covered >= 0.85 * content(P.slice(inj.start, inj.end))) found++;
    }
    expect(trials).toBeGreaterThan(700);
    expect(found / trials).toBeGreaterThanOrEqual(0.99);
    expect(falseHits).toBe(0);
  });
});
