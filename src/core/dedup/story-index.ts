// Level 2: reprinted stories. Every article's folded content is cut into 5-character shingles and
// sketched with MinHash; LSH banding (BANDS bands of ROWS values) makes two articles candidates
// when they agree on a whole band. Candidates are verified EXACTLY on their shingle sets: Jaccard
// (how much of the union they share) AND containment (how much of the shorter one the longer one
// holds), so a trimmed reprint still matches while two reports of the same kind of meeting,
// sharing only their formula sentences, stay apart. Verified pairs are joined with union-find.
// The index is incremental: add() checks only the new articles against the buckets.
// Parameters and the S-curve behind them: docs/dedup.md.
import { BandTable } from './band-table';
import { fmix32 } from './hash';
import { sketch } from './minhash';
import { intersectionSize, SHINGLE_SIZE, shingleSet, storyContent } from './shingles';
import { UnionFind } from './union-find';

/** An article's id as the caller knows it (a number, or "file#index"). */
export type StoryId = string | number;

/** An article offered to the story index. */
export interface StoryInput {
  id: StoryId;
  /** The article's (clean) body text; only its letters and digits are compared. */
  text: string;
  /** Accepted for the caller's convenience but not compared: reprints rewrite headlines. */
  headline?: string;
}

/** The printings of one story: the canonical version and where else it appeared. */
export interface StoryCluster {
  /** The longest printing (the earliest added among equally long ones). */
  canonical: StoryId;
  /** The other printings, in the order they were added. */
  alsoAppearedIn: StoryId[];
  /** All printings, in the order they were added. */
  members: StoryId[];
}

/** Two printings found to be the same story, with the measured similarity. */
export interface StoryPair {
  a: StoryId;
  b: StoryId;
  jaccard: number;
  containment: number;
}

/** Tuning of the story index (the defaults are the documented, benchmarked values). */
export interface StoryIndexOptions {
  shingleSize?: number;
  bands?: number;
  rows?: number;
  /** Verification thresholds: a pair is one story when BOTH hold. */
  minJaccard?: number;
  minContainment?: number;
  /** Bucket entries visited per band per query, bounding the work on mass duplicates. */
  perBucket?: number;
}

/** Counters for the benchmark and the load summary. */
export interface StoryIndexStats {
  articles: number;
  candidatePairs: number;
  verifiedPairs: number;
}

export const DEFAULTS = {
  shingleSize: SHINGLE_SIZE,
  bands: 48,
  rows: 3,
  minJaccard: 0.3,
  minContainment: 0.7,
  perBucket: 64,
} as const;

/** Articles shorter than this many shingles are only matched when their content is identical. */
const MIN_SHINGLES = 12;

/** An incremental index of articles that clusters reprints of the same story. */
export class StoryIndex {
  private readonly opts: Required<StoryIndexOptions>;
  private readonly table: BandTable;
  private readonly uf = new UnionFind();
  private readonly ids: StoryId[] = [];
  private readonly byId = new Map<StoryId, number>();
  private readonly sets: Uint32Array[] = [];
  private readonly lengths: number[] = [];
  private stamp = new Int32Array(1024).fill(-1);
  private candidatePairs = 0;
  private verifiedPairs = 0;

  constructor(options: StoryIndexOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.table = new BandTable(this.opts.bands);
  }

  /** Add articles; each is compared with every article already in the index (and the ones
   *  before it in this call). Returns the pairs found to be the same story. */
  add(articles: StoryInput[]): StoryPair[] {
    const found: StoryPair[] = [];
    const { bands, rows, shingleSize, perBucket } = this.opts;
    for (const art of articles) {
      if (this.byId.has(art.id)) throw new Error(`StoryIndex: article id ${String(art.id)} was already added`);
      const doc = this.uf.push();
      this.ids.push(art.id);
      this.byId.set(art.id, doc);
      const content = storyContent(art.text);
      const set = shingleSet(content, shingleSize);
      this.sets.push(set);
      this.lengths.push(content.length);
      if (set.length === 0) continue; // nothing to compare: never clustered
      const keys = bandKeys(sketch(set, bands * rows), bands, rows);
      if (doc >= this.stamp.length) {
        const grown = new Int32Array(this.stamp.length * 2).fill(-1);
        grown.set(this.stamp);
        this.stamp = grown;
      }
      this.table.candidates(keys, perBucket, (other) => {
        if (this.stamp[other] === doc) return;
        this.stamp[other] = doc;
        this.candidatePairs++;
        const pair = this.verify(other, doc);
        if (pair) {
          this.verifiedPairs++;
          this.uf.union(other, doc);
          found.push(pair);
        }
      });
      this.table.insert(doc, keys);
    }
    return found;
  }

  private verify(x: number, y: number): StoryPair | null {
    const a = this.sets[x];
    const b = this.sets[y];
    const small = Math.min(a.length, b.length);
    if (small === 0) return null;
    const inter = intersectionSize(a, b);
    const jaccard = inter / (a.length + b.length - inter);
    const containment = inter / small;
    const ok = small < MIN_SHINGLES
      ? jaccard === 1
      : jaccard >= this.opts.minJaccard && containment >= this.opts.minContainment;
    return ok ? { a: this.ids[x], b: this.ids[y], jaccard, containment } : null;
  }

  /** The stories printed more than once, each with its canonical version, in order of their
   *  first printing. */
  clusters(): StoryCluster[] {
    const groups = new Map<number, number[]>();
    for (let d = 0; d < this.ids.length; d++) {
      const r = this.uf.find(d);
      const g = groups.get(r);
      if (g) g.push(d);
      else groups.set(r, [d]);
    }
    const out: StoryCluster[] = [];
    for (const docs of groups.values()) {
      if (docs.length < 2) continue;
      let canon = docs[0];
      for (const d of docs) if (this.lengths[d] > this.lengths[canon]) canon = d;
      out.push({
        canonical: this.ids[canon],
        alsoAppearedIn: docs.filter((d) => d !== canon).map((d) => this.ids[d]),
        members: docs.map((d) => this.ids[d]),
      });
    }
    return out;
  }

  /** Number of articles added. */
  get size(): number {
    return this.ids.length;
  }

  stats(): StoryIndexStats {
    return { articles: this.ids.length, candidatePairs: this.candidatePairs, verifiedPairs: this.verifiedPairs };
  }
}

/** One 32-bit key per band: the band's `rows` MinHash values hashed together with its index. */
function bandKeys(sig: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < rows; r++) h = fmix32(h ^ sig[b * rows + r]);
    keys[b] = h;
  }
  return keys;
}
