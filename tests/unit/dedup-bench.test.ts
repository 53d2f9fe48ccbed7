// A small run of the dedup benchmark (bench/dedup/run.ts runs the full one): generated reprints
// and hard negatives of the real sample articles, scored by pair precision and recall.
import { describe, expect, it } from 'vitest';
import { StoryIndex } from '../../src/core/dedup/index';
import { labelledCorpus } from '../../bench/dedup/corpus';
import { pairScore } from '../../bench/dedup/metrics';
import { Rng } from '../../bench/lib/prng';
import { seedArticles } from '../../bench/dedup/seed-articles';

describe('dedup benchmark (small)', () => {
  for (const seed of [1, 2, 3]) {
    it(`clusters reprints with pair precision >= 0.97 and recall >= 0.95 (corpus seed ${seed})`, () => {
      const corpus = labelledCorpus(seedArticles(), new Rng(seed), 50, 3);
      expect(corpus.length).toBeGreaterThan(200);
      expect(corpus.length).toBeLessThan(400);
      expect(corpus.some((a) => a.kind === 'hard-negative')).toBe(true);
      const index = new StoryIndex();
      index.add(corpus.map((a) => ({ id: a.id, text: a.text, headline: a.headline })));
      const score = pairScore(index.clusters(), new Map(corpus.map((a) => [a.id, a.story])));
      expect(score.truePairs).toBeGreaterThan(100);
      expect(score.precision).toBeGreaterThanOrEqual(0.97);
      expect(score.recall).toBeGreaterThanOrEqual(0.95);
    });
  }
});
