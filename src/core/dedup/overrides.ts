// The user's word on reprints, applied on top of the story index. The index only ever says "these
// two printings are the same story" (verified pairs); the user may say "these are NOT the same
// story" (split a printing off its cluster) or "these ARE" (merge two clusters). Decisions are
// kept per PAIR of printings, so they stay true when more files load and the clusters are formed
// again: a split printing never rejoins the printings it was split from, even when a new reprint
// resembles both; a merge holds even before (or without) the index seeing any likeness.
//
// Clusters are formed by union-find with cannot-link constraints: the user's "together" pairs
// first (newest first), then the index's pairs from the most to the least alike; a union that
// would put two printings the user set apart into one story is skipped. That is deterministic,
// costs O(pairs · α) plus a look at the (few) apart constraints of the two sides.
import type { StoryCluster, StoryId, StoryPair } from './story-index';

/** A user's decision about two printings (by article id in the current corpus). */
export interface StoryDecision {
  a: StoryId;
  b: StoryId;
  /** true: the same story (merged); false: different stories (split). */
  together: boolean;
  /** The decision's place in the order the user made them; later ones win. */
  seq: number;
}

/** How clusters are formed from the pairs. */
export interface ClusterOptions {
  /** Content length of a printing: the longest is the canonical version. */
  length: (id: StoryId) => number;
  /** The order printings were added in (smaller first); members are listed in it, and ties of
   *  length go to the earlier printing. Default: the order ids first appear in the pairs. */
  order?: (id: StoryId) => number;
}

/** The key of an unordered pair of printings, the same whichever way round it is given. */
export function pairKey(a: StoryId, b: StoryId): string {
  const [x, y] = [String(a), String(b)];
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/** The stories printed more than once, from the index's pairs with the user's decisions applied. */
export function clusterWithDecisions(
  pairs: readonly StoryPair[],
  decisions: readonly StoryDecision[],
  opts: ClusterOptions,
): StoryCluster[] {
  const index = new Map<StoryId, number>();
  const ids: StoryId[] = [];
  const node = (id: StoryId): number => {
    let n = index.get(id);
    if (n === undefined) {
      n = ids.length;
      index.set(id, n);
      ids.push(id);
    }
    return n;
  };
  for (const p of pairs) {
    node(p.a);
    node(p.b);
  }
  for (const d of decisions) if (d.together) {
    node(d.a);
    node(d.b);
  }
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // Apart constraints, held by each component's root: the nodes it may never be joined with.
  const apart = new Map<number, Set<number>>();
  for (const d of decisions) {
    if (d.together) continue;
    const [x, y] = [index.get(d.a), index.get(d.b)];
    if (x === undefined || y === undefined || x === y) continue; // a printing in no pair joins nothing
    for (const [p, q] of [[x, y], [y, x]]) {
      const s = apart.get(p) ?? new Set<number>();
      s.add(q);
      apart.set(p, s);
    }
  }
  const join = (x: number, y: number): void => {
    const [rx, ry] = [find(x), find(y)];
    if (rx === ry) return;
    const [ax, ay] = [apart.get(rx), apart.get(ry)];
    // "n of one side is apart from m of the other" is recorded on both sides (sets move to the
    // roots), so a conflict needs both sets, and looking through the smaller one finds it.
    if (ax && ay) {
      const [look, other] = ax.size <= ay.size ? [ax, ry] : [ay, rx];
      for (const n of look) if (find(n) === other) return;
    }
    const [keep, drop] = (ax?.size ?? 0) >= (ay?.size ?? 0) ? [rx, ry] : [ry, rx];
    parent[drop] = keep;
    const moving = apart.get(drop);
    if (moving) {
      const kept = apart.get(keep);
      if (kept) for (const n of moving) kept.add(n);
      else apart.set(keep, moving);
      apart.delete(drop);
    }
  };

  const together = decisions.filter((d) => d.together).sort((p, q) => q.seq - p.seq);
  for (const d of together) join(index.get(d.a)!, index.get(d.b)!);
  const ranked = [...pairs].sort((p, q) => q.jaccard - p.jaccard || q.containment - p.containment);
  for (const p of ranked) join(index.get(p.a)!, index.get(p.b)!);

  const order = opts.order ?? ((id: StoryId) => index.get(id)!);
  const groups = new Map<number, StoryId[]>();
  for (let i = 0; i < ids.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(ids[i]);
    else groups.set(r, [ids[i]]);
  }
  const out: StoryCluster[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort((x, y) => order(x) - order(y));
    let canonical = members[0];
    for (const m of members) if (opts.length(m) > opts.length(canonical)) canonical = m;
    out.push({ canonical, alsoAppearedIn: members.filter((m) => m !== canonical), members });
  }
  return out.sort((x, y) => order(x.members[0]) - order(y.members[0]));
}

/** The pairs a split records: `printing` is not the same story as any other member. */
export function splitPairs(members: readonly StoryId[], printing: StoryId): Array<[StoryId, StoryId]> {
  if (!members.includes(printing)) throw new Error(`printing ${String(printing)} is not in the cluster it is split from`);
  return members.filter((m) => m !== printing).map((m) => [printing, m]);
}

/** The pairs a merge records: every printing of one cluster is the same story as every printing
 *  of the other (so a later split of one printing leaves the rest merged). */
export function mergePairs(x: readonly StoryId[], y: readonly StoryId[]): Array<[StoryId, StoryId]> {
  const out: Array<[StoryId, StoryId]> = [];
  for (const a of x) for (const b of y) if (a !== b) out.push([a, b]);
  return out;
}
