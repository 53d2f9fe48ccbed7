// Pair precision and recall of a clustering against the true stories.
import type { StoryCluster } from '../../src/core/dedup/story-index';

/** Pair counts and the resulting precision and recall. */
export interface PairScore {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
}

const pairsIn = (n: number) => (n * (n - 1)) / 2;

/** Score predicted clusters of ids against the true story of each id. */
export function pairScore(clusters: StoryCluster[], storyOf: Map<number, number>): PairScore {
  const bySize = new Map<number, number>();
  for (const s of storyOf.values()) bySize.set(s, (bySize.get(s) ?? 0) + 1);
  let truePairs = 0;
  for (const n of bySize.values()) truePairs += pairsIn(n);
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const c of clusters) {
    predictedPairs += pairsIn(c.members.length);
    const counts = new Map<number, number>();
    for (const id of c.members) {
      const s = storyOf.get(id as number)!;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    for (const n of counts.values()) correctPairs += pairsIn(n);
  }
  return {
    truePairs, predictedPairs, correctPairs,
    precision: predictedPairs ? correctPairs / predictedPairs : 1,
    recall: truePairs ? correctPairs / truePairs : 1,
  };
}
