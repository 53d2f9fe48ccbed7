// Level 2: reprinted stories cluster, different stories (even of the same kind of meeting) do
// not, and the index grows incrementally.
import { describe, expect, it } from 'vitest';
import { StoryIndex, type StoryInput } from '../../src/core/dedup/index';
import { articleText, hardNegative, phraseCounts, reprint, type StoryText } from '../../bench/dedup/corpus';
import { Rng } from '../../bench/lib/prng';
import { seedArticles } from '../../bench/dedup/seed-articles';
import { CharMarkov, synthStory } from '../../bench/dedup/synth';

const seeds = seedArticles();
const input = (id: number | string, s: StoryText): StoryInput => ({ id, text: articleText(s), headline: s.headline });
const alphabet = [...new Set([...seeds.flatMap((s) => s.paragraphs).join('')])].filter((c) => /\p{Script=Han}/u.test(c)).join('');
const byHeadline = (h: string) => seeds.find((s) => s.headline === h)!;

describe('StoryIndex', () => {
  it('finds no reprints among the different stories of the sample bulletins', () => {
    const index = new StoryIndex();
    index.add(seeds.map((s, i) => input(i, s)));
    expect(index.clusters()).toEqual([]);
  });

  it('keeps the two air-pollution reports of seed 001 apart', () => {
    const index = new StoryIndex();
    const pairs = index.add([
      input('muye', byHeadline('牧野区召开大气污染防治攻坚调度会')),
      input('weibin', byHeadline('卫滨区领导夜查环保攻坚调度大气污染防治攻坚工作')),
    ]);
    expect(pairs).toEqual([]);
    expect(index.clusters()).toEqual([]);
  });

  it('clusters an edited reprint with its story, the longer printing as canonical', () => {
    const story = byHeadline('红旗区召开树立和践行正确政绩观学习教育座谈会');
    const copy = reprint(story, new Rng(3), alphabet);
    const index = new StoryIndex();
    index.add([input('reprint', copy), input('other', seeds[20]), input('original', story)]);
    const [cluster, ...rest] = index.clusters();
    expect(rest).toEqual([]);
    expect(new Set(cluster.members)).toEqual(new Set(['reprint', 'original']));
    const longer = articleText(copy).length > articleText(story).length ? 'reprint' : 'original';
    expect(cluster.canonical).toBe(longer);
    expect(cluster.alsoAppearedIn).toEqual(cluster.members.filter((m) => m !== longer));
  });

  it('clusters a reprint that dropped nearly half of the story (containment), with typos and flipped punctuation', () => {
    const story = byHeadline('牧野区召开大气污染防治攻坚调度会');
    const trimmed: StoryText = { ...story, paragraphs: [story.paragraphs[0], story.paragraphs[3].replace(/,/g, '，')], credit: '牧宣' };
    const index = new StoryIndex();
    const [pair] = index.add([input(1, story), input(2, trimmed)]);
    expect(pair).toMatchObject({ a: 1, b: 2 });
    expect(pair.containment).toBeGreaterThan(0.9);
    expect(pair.jaccard).toBeLessThan(0.8);
  });

  it('keeps a hard negative (the same kind of meeting, formula sentences shared) apart from its source', () => {
    const rng = new Rng(5);
    const counts = phraseCounts(seeds);
    const index = new StoryIndex();
    for (let i = 0; i < 20; i++) {
      const s = seeds[(i * 7) % seeds.length];
      const negative = hardNegative(s, seeds.filter((o) => o !== s), rng, counts);
      expect(index.add([input(`s${i}`, s), input(`n${i}`, negative)]).filter((p) => p.b === `n${i}` && p.a === `s${i}`)).toEqual([]);
    }
  });

  it('re-checks only what is new when articles are added later', () => {
    const rng = new Rng(9);
    const model = new CharMarkov(seeds.flatMap((s) => s.paragraphs));
    const stories = Array.from({ length: 400 }, () => synthStory(model, rng, []));
    const index = new StoryIndex();
    index.add(stories.map((s, i) => input(i, s)));
    const before = index.stats();
    const copy = reprint(stories[123], rng, alphabet);
    const pairs = index.add([input('late', copy)]);
    const after = index.stats();
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[123, 'late']]);
    expect(after.articles).toBe(before.articles + 1);
    // the one new article met a handful of candidates, not the 400 already indexed
    expect(after.candidatePairs - before.candidatePairs).toBeLessThan(10);
    expect(index.clusters().find((c) => c.members.includes('late'))?.members).toEqual([123, 'late']);
  });

  it('matches very short texts only when identical, never clusters empty ones, and refuses a reused id', () => {
    const index = new StoryIndex();
    index.add([
      { id: 'a', text: '图为夜色中的大沙河桥。' },
      { id: 'b', text: '图为夜色中的大沙河桥。' },
      { id: 'c', text: '图为夜色中的小沙河桥。' },
      { id: 'e1', text: '' },
      { id: 'e2', text: '。。' },
    ]);
    expect(index.clusters().map((c) => c.members)).toEqual([['a', 'b']]);
    expect(() => index.add([{ id: 'a', text: 'x' }])).toThrow(/already added/);
  });
});
