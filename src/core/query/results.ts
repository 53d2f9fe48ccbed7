// The order of one request's results, produced as far as a page needs it. Relevance orders
// results in tiers: articles with a searched string in the headline first, then in the kicker
// (more strings, higher tier), then the rest; within a tier by BM25F. A tier is scored only when
// a page reaches it, so a query matching most of the corpus scores the few hundred headline hits
// the first page shows, not tens of thousands of articles. Reprinted stories count once: the
// first printing in result order stands for the story, unless every printing is shown.
import type { DocColumns } from './doc-columns';

/** Orders one tier of ids (a copy, best first). */
export type TierRanker = (ids: Int32Array) => Int32Array;

/** A lazily ordered result set. */
export class ResultOrder {
  /** Results: stories, or articles when every printing is shown. */
  readonly total: number;
  /** Matching articles, every printing counted. */
  readonly printings: number;
  private readonly out: number[] = [];
  private readonly seen = new Set<number>();
  private next = 0;

  /**
   * `tiers` hold every matching article once, in tier order; `rank` orders a tier when it is
   * reached (null: the tiers are in their final order already).
   */
  constructor(
    private readonly cols: DocColumns,
    private readonly tiers: Int32Array[],
    private readonly rank: TierRanker | null,
    private readonly everyPrinting: boolean,
  ) {
    let printings = 0;
    let stories = 0;
    const counted = new Set<number>();
    for (const tier of tiers) {
      printings += tier.length;
      if (everyPrinting) continue;
      for (const id of tier) {
        const s = cols.story[id];
        if (cols.printings[s] <= 1) stories++;
        else if (!counted.has(s)) {
          counted.add(s);
          stories++;
        }
      }
    }
    this.printings = printings;
    this.total = everyPrinting ? printings : stories;
  }

  /** Produce results until there are `n` (or all). */
  private ensure(n: number): void {
    const { story, printings } = this.cols;
    while (this.out.length < n && this.next < this.tiers.length) {
      const tier = this.tiers[this.next++];
      const ordered = this.rank && tier.length > 1 ? this.rank(tier) : tier;
      for (const id of ordered) {
        if (!this.everyPrinting) {
          const s = story[id];
          if (printings[s] > 1) {
            if (this.seen.has(s)) continue;
            this.seen.add(s);
          }
        }
        this.out.push(id);
      }
    }
  }

  /** The results from `offset`, at most `limit` of them. */
  slice(offset: number, limit: number): number[] {
    this.ensure(offset + limit);
    return this.out.slice(offset, offset + limit);
  }

  /** Every result in order. */
  all(): number[] {
    this.ensure(Infinity);
    return this.out.slice();
  }
}

/** Largest id the packed sort keys hold (2^23); larger corpora sort with a comparator. */
const PACK = 8388608;

/** Ids ordered by a key (a non-negative integer below 2^30; smaller first), ties in id order. */
export function sortByKey(ids: Int32Array, key: (id: number) => number, maxId: number): Int32Array {
  if (maxId < PACK) {
    const packed = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) packed[i] = key(ids[i]) * PACK + ids[i];
    packed.sort();
    return Int32Array.from(packed, (k) => k % PACK);
  }
  return ids.slice().sort((a, b) => key(a) - key(b) || a - b);
}

/** Ids split into tiers by literal hits in headline (2 per string) and kicker (1 per string). */
export function literalTiers(cols: DocColumns, ids: Int32Array, terms: string[]): Int32Array[] {
  if (!terms.length) return [ids];
  const tierOf = new Uint8Array(ids.length);
  let top = 0;
  for (let i = 0; i < ids.length; i++) {
    const h = cols.headline[ids[i]];
    const k = cols.kicker[ids[i]];
    let t = 0;
    for (const term of terms) t += (h.includes(term) ? 2 : 0) + (k.includes(term) ? 1 : 0);
    tierOf[i] = Math.min(t, 255);
    if (tierOf[i] > top) top = tierOf[i];
  }
  const sizes = new Uint32Array(top + 1);
  for (const t of tierOf) sizes[t]++;
  const tiers: Int32Array[] = [];
  const fill = new Uint32Array(top + 1);
  const buckets = Array.from(sizes, (n) => new Int32Array(n));
  for (let i = 0; i < ids.length; i++) buckets[tierOf[i]][fill[tierOf[i]]++] = ids[i];
  for (let t = top; t >= 0; t--) if (buckets[t].length) tiers.push(buckets[t]);
  return tiers;
}
