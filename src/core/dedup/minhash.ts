// MinHash sketches by one-permutation hashing (Li, Owen & Zhang 2012) with optimal densification
// (Shrivastava 2017): ONE hash per shingle spreads the shingles over K bins and each bin keeps its
// minimum, so a sketch costs O(shingles + K) instead of O(shingles x K); two sketches agree in a
// bin with probability equal to the sets' Jaccard similarity, as with K independent permutations.
import { fmix32 } from './hash';

const EMPTY = 0xffffffff;

/** The K-value MinHash sketch of a set of shingle hashes. */
export function sketch(shingles: Uint32Array, k: number): Uint32Array {
  const bins = new Uint32Array(k).fill(EMPTY);
  const filled = new Uint8Array(k);
  for (let i = 0; i < shingles.length; i++) {
    const g = fmix32(shingles[i] ^ 0x5bd1e995);
    const bin = Math.floor((g / 4294967296) * k);
    const v = fmix32(g ^ 0x27d4eb2f);
    if (!filled[bin] || v < bins[bin]) { bins[bin] = v; filled[bin] = 1; }
  }
  if (shingles.length === 0) return bins;
  // densification: an empty bin borrows the value of the first filled bin on its own fixed
  // pseudo-random probe sequence, the same for every sketch (so borrowed values still collide
  // with probability = Jaccard)
  const out = bins.slice();
  for (let b = 0; b < k; b++) {
    if (filled[b]) continue;
    for (let attempt = 1; ; attempt++) {
      const probe = fmix32(Math.imul(b + 1, 0x9e3779b1) ^ attempt) % k;
      if (filled[probe]) { out[b] = fmix32(bins[probe] ^ Math.imul(attempt, 0x85ebca6b)); break; }
    }
  }
  return out;
}
