// Who appears with whom: pairs of people named in the same articles of a set, counted by
// articles (an article naming both twice still counts once). The people come from the entity
// report; the view passes its officials.
import type { CoEdge, CoNode, CoReport } from './types';

/** A person with the articles naming them. */
export interface PersonArticles {
  id: string;
  name: string;
  district: string | null;
  articleIds: readonly number[];
}

/** Options of the co-occurrence count. */
export interface CoOptions {
  /** Only these articles count (the current result set); every article when absent. */
  within?: ReadonlySet<number>;
  /** Pairs returned at most, the most frequent first (default 100). */
  top?: number;
  /** Least articles a pair must share (default 1). */
  minCount?: number;
  /** Article ids kept per pair (default 5). */
  examples?: number;
}

/** Pairs of people sharing articles, with the people of those pairs as nodes. */
export function cooccurrence(people: readonly PersonArticles[], opts: CoOptions = {}): CoReport {
  const top = Math.max(0, Math.floor(opts.top ?? 100));
  const minCount = Math.max(1, Math.floor(opts.minCount ?? 1));
  const examples = Math.max(0, Math.floor(opts.examples ?? 5));
  const within = opts.within;
  // People by article, in the order given (so pairs read in that order).
  const byArticle = new Map<number, number[]>();
  const counted = people.map((p, i) => {
    const ids = [...new Set(p.articleIds)].filter((id) => !within || within.has(id));
    for (const id of ids) {
      const list = byArticle.get(id);
      if (list) list.push(i);
      else byArticle.set(id, [i]);
    }
    return ids.length;
  });
  const pairs = new Map<number, { a: number; b: number; count: number; articleIds: number[] }>();
  const n = people.length;
  for (const [articleId, list] of [...byArticle].sort((x, y) => x[0] - y[0])) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = list[x] < list[y] ? [list[x], list[y]] : [list[y], list[x]];
        const key = a * n + b;
        let e = pairs.get(key);
        if (!e) pairs.set(key, (e = { a, b, count: 0, articleIds: [] }));
        e.count++;
        if (e.articleIds.length < examples) e.articleIds.push(articleId);
      }
    }
  }
  const all = [...pairs.values()].filter((e) => e.count >= minCount)
    .sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);
  const kept = all.slice(0, top);
  const used = new Set<number>();
  const edges: CoEdge[] = kept.map((e) => {
    used.add(e.a);
    used.add(e.b);
    return { source: people[e.a].id, target: people[e.b].id, count: e.count, articleIds: e.articleIds };
  });
  const nodes: CoNode[] = [...used].sort((x, y) => x - y).map((i) => ({
    id: people[i].id, name: people[i].name, district: people[i].district, articles: counted[i],
  }));
  return { articles: within ? within.size : byArticle.size, nodes, edges, moreEdges: all.length - kept.length };
}
