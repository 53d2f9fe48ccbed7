// LSH buckets in typed arrays: one open-addressing table per band maps a band's 32-bit key to the
// latest document in that bucket, and a per-(document, band) link points to the previous one.
// Memory is a few bytes per document and band, with no per-entry objects, and documents can be
// added at any time (the incremental index).

/** Buckets of documents that agree on a band, for every band. */
export class BandTable {
  private keys: Uint32Array[];
  private heads: Int32Array[];
  private used: number[];
  private next = new Int32Array(0);

  constructor(private readonly bands: number, expected = 1024) {
    const cap = capacityFor(expected);
    this.keys = Array.from({ length: bands }, () => new Uint32Array(cap));
    this.heads = Array.from({ length: bands }, () => new Int32Array(cap).fill(-1));
    this.used = new Array<number>(bands).fill(0);
  }

  /** Visit the documents sharing a bucket with these band keys (most recent first, at most
   *  `perBucket` per band; a document may be visited once per shared band). */
  candidates(keys: Uint32Array, perBucket: number, visit: (doc: number) => void): void {
    for (let b = 0; b < this.bands; b++) {
      const slot = this.find(b, keys[b]);
      let d = this.heads[b][slot];
      for (let seen = 0; d >= 0 && seen < perBucket; seen++) {
        visit(d);
        d = this.next[d * this.bands + b];
      }
    }
  }

  /** File document `doc` (ids are dense and added in increasing order) under its band keys. */
  insert(doc: number, keys: Uint32Array): void {
    const need = (doc + 1) * this.bands;
    if (need > this.next.length) {
      const grown = new Int32Array(Math.max(need, this.next.length * 2));
      grown.set(this.next);
      this.next = grown;
    }
    for (let b = 0; b < this.bands; b++) {
      if ((this.used[b] + 1) * 2 > this.keys[b].length) this.grow(b);
      const slot = this.find(b, keys[b]);
      const head = this.heads[b][slot];
      if (head < 0) { this.keys[b][slot] = keys[b]; this.used[b]++; }
      this.next[doc * this.bands + b] = head;
      this.heads[b][slot] = doc;
    }
  }

  private find(b: number, key: number): number {
    const keys = this.keys[b];
    const heads = this.heads[b];
    const mask = keys.length - 1;
    let slot = key & mask;
    while (heads[slot] >= 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(b: number): void {
    const oldKeys = this.keys[b];
    const oldHeads = this.heads[b];
    this.keys[b] = new Uint32Array(oldKeys.length * 2);
    this.heads[b] = new Int32Array(oldKeys.length * 2).fill(-1);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] < 0) continue;
      const slot = this.find(b, oldKeys[i]);
      this.keys[b][slot] = oldKeys[i];
      this.heads[b][slot] = oldHeads[i];
    }
  }
}

function capacityFor(n: number): number {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  return cap;
}
