// The user's split/merge decisions on top of the story index: kept per pair of printings, so a
// choice survives clustering again after more files load.
import { describe, expect, it } from 'vitest';
import { labelledCorpus } from '../../bench/dedup/corpus';
import { Rng } from '../../bench/lib/prng';
import { seedArticles } from '../../bench/dedup/seed-articles';
import { StoryIndex, type StoryPair } from '../../src/core/dedup/index';
import {
  clusterWithDecisions, mergePairs, pairKey, splitPairs, type StoryDecision,
} from '../../src/core/dedup/overrides';

const pair = (a: number, b: number, jaccard = 0.6): StoryPair => ({ a, b, jaccard, containment: 0.9 });
const byId = (id: unknown) => Number(id);
const sameLength = { length: () => 100, order: byId };
let seq = 0;
const decide = (pairs: Array<[unknown, unknown]>, together: boolean): StoryDecision[] =>
  pairs.map(([a, b]) => ({ a: a as number, b: b as number, together, seq: ++seq }));
const members = (clusters: Array<{ members: unknown[] }>) => clusters.map((c) => c.members.map(Number));

describe('clusters with the user\'s decisions', () => {
  it('are the story index\'s own clusters when the user decided nothing', () => {
    const corpus = labelledCorpus(seedArticles(), new Rng(7), 30, 3);
    const index = new StoryIndex();
    const pairs = index.add(corpus.map((a) => ({ id: a.id, text: a.text })));
    const lengths = new Map(corpus.map((a) => [a.id, a.text.replace(/[^\p{L}\p{N}]/gu, '').length]));
    const ours = clusterWithDecisions(pairs, [], { length: (id) => lengths.get(Number(id))!, order: byId });
    const theirs = index.clusters();
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.map((c) => c.members)).toEqual(theirs.map((c) => c.members));
    expect(ours.map((c) => c.canonical)).toEqual(theirs.map((c) => c.canonical));
  });

  it('keeps the longest printing canonical, the earlier one on a tie', () => {
    const len = new Map([[1, 50], [2, 80], [3, 80]]);
    const [c] = clusterWithDecisions([pair(1, 2), pair(2, 3)], [], { length: (id) => len.get(Number(id))!, order: byId });
    expect(c).toEqual({ canonical: 2, alsoAppearedIn: [1, 3], members: [1, 2, 3] });
  });

  it('splits a printing off its cluster', () => {
    const pairs = [pair(1, 2), pair(1, 3), pair(2, 3)];
    const before = clusterWithDecisions(pairs, [], sameLength);
    expect(members(before)).toEqual([[1, 2, 3]]);
    const split = decide(splitPairs(before[0].members, 3), false);
    expect(members(clusterWithDecisions(pairs, split, sameLength))).toEqual([[1, 2]]);
  });

  it('keeps a split printing apart after more printings load, even one like both sides', () => {
    const first = [pair(1, 2, 0.7)];
    const split = decide(splitPairs([1, 2], 2), false);
    expect(clusterWithDecisions(first, split, sameLength)).toEqual([]);
    // A third printing resembles both; whichever likeness is stronger wins, the split holds.
    for (const [j13, j23] of [[0.8, 0.5], [0.5, 0.8]]) {
      const more = [...first, pair(1, 3, j13), pair(2, 3, j23)];
      const got = members(clusterWithDecisions(more, split, sameLength));
      expect(got).toHaveLength(1);
      expect(got[0]).toEqual(j13 > j23 ? [1, 3] : [2, 3]);
    }
    // Printings that reach the split one only through others stay out too.
    const chain = [pair(1, 2), pair(2, 4), pair(4, 5)];
    const apart = decide([[1, 5]], false);
    const c = members(clusterWithDecisions(chain, apart, sameLength));
    expect(c.some((m) => m.includes(1) && m.includes(5))).toBe(false);
    expect(c).toEqual([[1, 2, 4]]); // equally alike pairs join in the index's order: 4-5 comes last
  });

  it('merges two clusters the index kept apart, and a later split of one printing leaves the rest merged', () => {
    const pairs = [pair(1, 2), pair(3, 4)];
    expect(members(clusterWithDecisions(pairs, [], sameLength))).toEqual([[1, 2], [3, 4]]);
    const merged = decide(mergePairs([1, 2], [3, 4]), true);
    expect(members(clusterWithDecisions(pairs, merged, sameLength))).toEqual([[1, 2, 3, 4]]);
    // Splitting 1 replaces its pairs' decisions (one decision per pair: the latest).
    const latest = new Map<string, StoryDecision>();
    for (const d of [...merged, ...decide(splitPairs([1, 2, 3, 4], 1), false)]) latest.set(pairKey(d.a, d.b), d);
    expect(members(clusterWithDecisions(pairs, [...latest.values()], sameLength))).toEqual([[2, 3, 4]]);
  });

  it('merges printings the index never paired (a single article into a story)', () => {
    const got = clusterWithDecisions([pair(1, 2)], decide(mergePairs([1, 2], [9]), true), sameLength);
    expect(members(got)).toEqual([[1, 2, 9]]);
  });

  it('ignores decisions about printings that are not loaded', () => {
    const got = clusterWithDecisions([pair(1, 2)], decide([[1, 77]], false), sameLength);
    expect(members(got)).toEqual([[1, 2]]);
  });

  it('refuses to split a printing from a cluster it is not in', () => {
    expect(() => splitPairs([1, 2], 3)).toThrow(/not in the cluster/);
  });

  it('keys a pair the same whichever way round', () => {
    expect(pairKey(1, 2)).toBe(pairKey(2, 1));
    expect(pairKey('a.1', 'b.2')).not.toBe(pairKey('a.1', 'b.3'));
  });
});
