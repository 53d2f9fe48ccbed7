// Character shingles. Chinese has no spaces, so a story is compared as the set of its k-character
// substrings after folding: only letters and digits are kept (full/half-width punctuation,
// quotes and whitespace are dropped, full-width digits and letters become ASCII).
import { contentOf } from '../repair/text-units';
import { fmix32 } from './hash';

/** Characters per shingle (see docs/dedup.md for why 5). */
export const SHINGLE_SIZE = 5;

/** The folded content of a story's text: letters and digits only, one width, lower case. */
export function storyContent(text: string): string {
  return contentOf(text);
}

/**
 * The sorted, distinct 32-bit hashes of the k-character shingles of `content` (already folded).
 * A text shorter than k is one shingle; an empty text has none.
 */
export function shingleSet(content: string, k = SHINGLE_SIZE): Uint32Array {
  const n = content.length;
  if (n === 0) return new Uint32Array(0);
  const count = Math.max(1, n - k + 1);
  const out = new Uint32Array(count);
  // a rolling polynomial hash (mod 2^32, odd base: two strings differing in one character never
  // collide), then mixed; two multiplications per shingle whatever k is
  const B = 0x01000193;
  let top = 1; // B^(k-1)
  for (let j = 1; j < k; j++) top = Math.imul(top, B);
  let h = 0;
  const first = Math.min(n, k);
  for (let j = 0; j < first; j++) h = (Math.imul(h, B) + content.charCodeAt(j)) | 0;
  out[0] = fmix32(h ^ 0x9747b28c);
  for (let i = 1; i < count; i++) {
    h = (Math.imul((h - Math.imul(content.charCodeAt(i - 1), top)) | 0, B) + content.charCodeAt(i + k - 1)) | 0;
    out[i] = fmix32(h ^ 0x9747b28c);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i];
  return out.slice(0, w);
}

/** Size of the intersection of two sorted sets (a merge walk). */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) { n++; i++; j++; } else if (x < y) i++; else j++;
  }
  return n;
}
