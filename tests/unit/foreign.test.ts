// Pasted passages: text of one article of a bulletin found inside another. The sample bulletins
// hold exactly one (seed 001), their shared formula must stay apart, and generated pastes must
// be found with the right owner.
import { describe, expect, it } from 'vitest';
import { findForeign, type ForeignInput } from '../../src/core/repair/foreign';
import { quotedNames } from '../../src/core/repair/foreign-owner';
import { injectForeign } from '../../bench/dedup/inject-foreign';
import { Rng } from '../../bench/lib/prng';
import { seedFiles, splitBulletin } from '../../bench/dedup/seed-articles';

const bulletins = seedFiles().map(({ file, text }) => ({ file, articles: splitBulletin(text, file) }));
const content = (s: string) => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;

describe('findForeign on the sample bulletins', () => {
  it('finds exactly one pasted passage: the 魏海晓 paragraph inside the 牧野区 article', () => {
    const all = bulletins.flatMap(({ file, articles }) => findForeign(articles).map((h) => ({ file, articles, h })));
    expect(all).toHaveLength(1);
    const [{ file, articles, h }] = all;
    expect(file.startsWith('001_')).toBe(true);
    expect(articles[h.article].headline).toBe('牧野区召开大气污染防治攻坚调度会');
    expect(articles[h.belongsTo].headline).toBe('卫滨区领导夜查环保攻坚调度大气污染防治攻坚工作');
    const pasted = articles[h.article].paragraphs[h.paragraph].slice(h.start, h.end);
    expect(pasted.startsWith('魏海晓强调,要坚决落实“昼清夜查、内清外拦”的工作要求')).toBe(true);
    expect(pasted.endsWith('精准研判污')).toBe(true);
    expect(articles[h.belongsTo].paragraphs[h.belongsParagraph]).toContain('精准研判污染源头');
    expect(h.reason).toContain(`continues in article ${h.belongsTo + 1}`); // numbered from 1, as a reader counts
    expect(h.reason).toContain('whose lead names 魏海晓');
    expect(h.reason).toContain(`article ${h.article + 1}'s lead does not`);
  });

  it('keeps the two air-pollution articles apart on their shared 37-character formula', () => {
    const a = bulletins.find((b) => b.file.startsWith('001_'))!.articles;
    const hits = findForeign(a);
    expect(hits.every((h) => !a[h.article].paragraphs[h.paragraph].slice(h.start, h.end).includes('餐饮油烟'))).toBe(true);
  });

  it('does not take a formula sentence that runs on in both articles for a paste (全会号召…)', () => {
    const a = bulletins.find((b) => b.file.startsWith('002_'))!.articles;
    expect(findForeign(a)).toEqual([]);
  });
});

describe('findForeign on hand-made bulletins', () => {
  const owner: ForeignInput = {
    headline: '卫滨区领导夜查环保攻坚工作',
    paragraphs: [
      '近日,卫滨区区长魏海晓先后深入平原镇、胜利路街道开展环保攻坚夜查,调度大气污染防治攻坚工作。',
      '魏海晓强调,要坚决落实“昼清夜查、内清外拦”的工作要求,充分发挥调度中心高效联动、精准调度的作用,实时监测空气质量变化,精准研判污染源头,快速调度处置,确保数据平稳。',
    ],
  };
  const host: ForeignInput = {
    headline: '牧野区召开防汛工作会议',
    paragraphs: [
      '6月8日,牧野区召开防汛工作会议。区委书记李博主持会议并讲话。',
      '李博强调,要压实防汛责任,做好物资储备,确保安全度汛。',
    ],
  };

  it('finds a passage pasted as a paragraph of its own and names the article it belongs to', () => {
    const pasted = '魏海晓强调,要坚决落实“昼清夜查、内清外拦”的工作要求,充分发挥调度中心高效联动、精准调度的作用,实时监测空气质量变化,精准研判污';
    const hits = findForeign([{ ...host, paragraphs: [...host.paragraphs, pasted] }, owner]);
    expect(hits).toEqual([expect.objectContaining({ article: 0, paragraph: 2, start: 0, end: pasted.length, belongsTo: 1, belongsParagraph: 1 })]);
  });

  it('finds a passage with a changed character, appended to the end of a paragraph', () => {
    const pasted = '魏海晓强调,要坚决落实“昼清夜查、内清外拦”的工作要求,充分发挥调度中心高效联动、精准调度的作用,实时监测空汽质量变化。';
    const p1 = host.paragraphs[1];
    const hits = findForeign([owner, { ...host, paragraphs: [host.paragraphs[0], p1 + pasted] }]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ article: 1, paragraph: 1, belongsTo: 0 });
    expect(hits[0].start).toBe(p1.length);
  });

  it('leaves a story printed twice in one bulletin to the reprint level', () => {
    expect(findForeign([owner, { ...owner, headline: '夜查环保攻坚' }])).toEqual([]);
  });

  it('ignores passages shorter than 40 content characters', () => {
    const short = '要坚决落实“昼清夜查、内清外拦”的工作要求,充分发挥调度中心作用。';
    expect(findForeign([{ ...host, paragraphs: [...host.paragraphs, short] }, owner])).toEqual([]);
  });
});

describe('quotedNames', () => {
  it('takes the 2-3 characters before a reporting verb, not titles or bodies', () => {
    expect(quotedNames('魏海晓强调,要坚决落实工作要求。会议指出,书记强调')).toEqual(['魏海晓', '海晓']);
    expect(quotedNames('乔耸一行先后来到教学楼')).toContain('乔耸');
  });
});

describe('findForeign recall on generated pastes', () => {
  it('finds >= 95% of pastes of 50+ characters, with the right owner and no other hits', () => {
    const rng = new Rng(7);
    let trials = 0;
    let right = 0;
    let stray = 0;
    for (let i = 0; i < 300; i++) {
      const { articles } = rng.pick(bulletins);
      const inj = injectForeign(articles, rng);
      if (!inj) continue;
      trials++;
      const P = inj.articles[inj.article].paragraphs[inj.paragraph];
      const want = content(P.slice(inj.start, inj.end));
      for (const h of findForeign(inj.articles)) {
        const inside = h.article === inj.article && h.paragraph === inj.paragraph && h.end > inj.start && h.start < inj.end;
        if (inside) {
          const covered = content(P.slice(Math.max(h.start, inj.start), Math.min(h.end, inj.end)));
          const extra = content(P.slice(h.start, h.end)) - covered;
          if (covered >= 0.8 * want && extra <= 3 && h.belongsTo === inj.owner) right++;
        } else if (!inj.articles[h.article].paragraphs[h.paragraph].startsWith('魏海晓强调') && h.belongsTo !== inj.article) {
          stray++;
        }
      }
    }
    expect(trials).toBeGreaterThan(250);
    expect(right / trials).toBeGreaterThanOrEqual(0.95);
    expect(stray).toBe(0);
  });
});
