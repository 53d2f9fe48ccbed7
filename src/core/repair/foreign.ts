// Pasted passages: text of article B found again inside article A of the same bulletin.
//
// Matching: 8-character content grams shared by two articles seed exact segments, which are
// chained along nearly the same diagonal (a few substituted, inserted or dropped characters) into
// regions. A region is a paste when it holds FOREIGN_MIN content characters; shorter shared text
// is formula (two districts' reports share 扬尘治理、餐饮油烟、露天烧烤… clauses of 30-40
// characters). Two articles whose shared text is most (70%) of even the longer one are one story
// printed twice: that is the reprint level (dedup), not a paste. Which copy intrudes is decided in foreign-owner.ts.
import { decideOwner, type CopySide } from './foreign-owner';
import { buildStream, type ContentStream } from './text-units';

/** An article of one bulletin as the foreign-passage check sees it. */
export interface ForeignInput { headline: string; paragraphs: string[] } // body paragraphs after joins, the first one is the lead paragraph

/** A passage of one article that was pasted from another article of the same bulletin. */
export interface ForeignHit {
  article: number; paragraph: number; start: number; end: number; // the intruding copy
  belongsTo: number; belongsParagraph: number;
  /** Why this copy is the intruder, human-readable (English). */
  reason: string;
}

/** Shortest pasted passage, in content characters (letters/digits, punctuation not counted). */
export const FOREIGN_MIN = 40;
const GRAM = 8;
/** Grams found in more places than this are formula; they seed nothing. */
const MAX_OCCURRENCES = 48;
/** Unmatched characters allowed between two chained segments, and diagonal drift. */
const GAP = 12;
const DRIFT = 2;
/** Share of a region's span that must be matched characters. */
const DENSITY = 0.85;
/** Two articles sharing this share of the LONGER one (both mostly the same text) are a reprint. */
const REPRINT_SHARE = 0.7;

interface Segment { x0: number; x1: number; y0: number; y1: number }
/** Shared text of two articles: content ranges in each one's stream. */
export interface Region { a: number; b: number; pa: number; pb: number; x0: number; x1: number; y0: number; y1: number; matched: number }

function exactSegments(streams: ContentStream[], a: number, b: number, pairs: [number, number][]): Segment[] {
  const sa = streams[a].text;
  const sb = streams[b].text;
  const covered = new Map<number, number>(); // diagonal -> end of the last segment on it
  const segments: Segment[] = [];
  pairs.sort((p, q) => p[0] - q[0]);
  for (const [x, y] of pairs) {
    const d = y - x;
    if ((covered.get(d) ?? -1) > x) continue;
    let x0 = x;
    let y0 = y;
    while (x0 > 0 && y0 > 0 && sa.charCodeAt(x0 - 1) === sb.charCodeAt(y0 - 1) && sa.charCodeAt(x0 - 1) !== 0) { x0--; y0--; }
    let x1 = x;
    let y1 = y;
    while (x1 < sa.length && y1 < sb.length && sa.charCodeAt(x1) === sb.charCodeAt(y1) && sa.charCodeAt(x1) !== 0) { x1++; y1++; }
    if (x1 - x < GRAM) continue; // the seed was a hash collision, not a shared gram
    covered.set(d, x1);
    segments.push({ x0, x1, y0, y1 });
  }
  return segments;
}

function chain(streams: ContentStream[], a: number, b: number, segments: Segment[]): Region[] {
  segments.sort((p, q) => p.x0 - q.x0 || p.y0 - q.y0);
  const regions: Region[] = [];
  for (const s of segments) {
    const pa = streams[a].para[s.x0];
    const pb = streams[b].para[s.y0];
    const open = regions.find((r) => r.pa === pa && r.pb === pb && s.x0 >= r.x1 - DRIFT && s.x0 - r.x1 <= GAP &&
      s.y0 >= r.y1 - DRIFT && s.y0 - r.y1 <= GAP && Math.abs((s.x0 - r.x1) - (s.y0 - r.y1)) <= DRIFT);
    if (open) {
      open.matched += s.x1 - Math.max(s.x0, open.x1);
      open.x1 = Math.max(open.x1, s.x1);
      open.y1 = Math.max(open.y1, s.y1);
    } else {
      regions.push({ a, b, pa, pb, ...s, matched: s.x1 - s.x0 });
    }
  }
  for (const r of regions) {
    extendRegion(streams[a].text, streams[b].text, r, 1);
    extendRegion(streams[a].text, streams[b].text, r, -1);
  }
  return regions.filter((r) => r.matched >= FOREIGN_MIN &&
    r.matched >= DENSITY * Math.max(r.x1 - r.x0, r.y1 - r.y0));
}

/** Length of the exact run of equal characters from (i, j) in direction dir, up to `max`. */
function runLength(sa: string, sb: string, i: number, j: number, dir: 1 | -1, max: number): number {
  let k = 0;
  const off = dir === 1 ? 0 : -1;
  while (k < max) {
    const ca = sa[i + off + dir * k];
    if (ca === undefined || ca === '\u0000' || ca !== sb[j + off + dir * k]) break;
    k++;
  }
  return k;
}

/**
 * Grow a region past its outermost seeds (an edit within a gram's length of the passage's ends
 * leaves no seed there): X-drop extension, +1 a match, -2 an edit (substitution, insertion or
 * deletion, whichever lets the most characters match next), stopping 5 below the best score.
 */
function extendRegion(sa: string, sb: string, r: Region, dir: 1 | -1): void {
  let i = dir === 1 ? r.x1 : r.x0;
  let j = dir === 1 ? r.y1 : r.y0;
  let score = 0;
  let best = 0;
  let bestI = i;
  let bestJ = j;
  let matched = 0;
  let bestMatched = 0;
  const off = dir === 1 ? 0 : -1;
  for (;;) {
    const ca = sa[i + off];
    const cb = sb[j + off];
    if (ca === undefined || cb === undefined || ca === '\u0000' || cb === '\u0000') break;
    if (ca === cb) {
      i += dir; j += dir; score++; matched++;
    } else {
      const options: [number, number][] = [[dir, dir], [dir, 0], [0, dir]];
      let pick = options[0];
      let longest = -1;
      for (const o of options) {
        const len = runLength(sa, sb, i + o[0], j + o[1], dir, 4);
        if (len > longest) { longest = len; pick = o; }
      }
      i += pick[0]; j += pick[1]; score -= 2;
    }
    if (score > best) { best = score; bestI = i; bestJ = j; bestMatched = matched; }
    if (score < best - 5) break;
  }
  if (dir === 1) { r.x1 = bestI; r.y1 = bestJ; } else { r.x0 = bestI; r.y0 = bestJ; }
  r.matched += bestMatched;
}

/** Every passage of FOREIGN_MIN+ content characters that two articles of the list share. */
export function sharedRegions(streams: ContentStream[]): Region[] {
  // Every gram as one float: a 26-bit hash * 2^27 + its index, sorted natively, so equal hashes
  // stand side by side: lighter and faster than a Map of arrays. A hash collision is harmless:
  // exactSegments drops seeds whose text does not match.
  const SLOT = 2 ** 27;
  let total = 0;
  for (const st of streams) for (let p = 0; p < st.paraStart.length; p++) total += Math.max(0, st.paraEnd[p] - st.paraStart[p] - GRAM + 1);
  total = Math.min(total, SLOT - 1);
  const packed = new Float64Array(total);
  const article = new Int32Array(total);
  const offset = new Int32Array(total);
  let m = 0;
  streams.forEach((st, a) => {
    for (let p = 0; p < st.paraStart.length; p++) {
      for (let q = st.paraStart[p]; q + GRAM <= st.paraEnd[p] && m < total; q++) {
        let key = 0x811c9dc5;
        for (let k = 0; k < GRAM; k++) key = Math.imul(key ^ st.text.charCodeAt(q + k), 0x01000193);
        article[m] = a;
        offset[m] = q;
        packed[m] = (key >>> 6) * SLOT + m;
        m++;
      }
    }
  });
  packed.sort();
  const pairs = new Map<number, [number, number][]>(); // a * n + b -> seed position pairs
  const n = streams.length;
  for (let lo = 0; lo < m; ) {
    const key = Math.floor(packed[lo] / SLOT);
    let hi = lo + 1;
    while (hi < m && Math.floor(packed[hi] / SLOT) === key) hi++;
    const count = hi - lo;
    if (count >= 2 && count <= MAX_OCCURRENCES) {
      for (let i = lo; i < hi; i++) {
        const gi = packed[i] - key * SLOT;
        for (let j = i + 1; j < hi; j++) {
          const gj = packed[j] - key * SLOT;
          const a = article[gi];
          const b = article[gj];
          if (a === b) continue;
          const [x, y, pairKey] = a < b ? [offset[gi], offset[gj], a * n + b] : [offset[gj], offset[gi], b * n + a];
          const seeds = pairs.get(pairKey);
          if (seeds) seeds.push([x, y]);
          else pairs.set(pairKey, [[x, y]]);
        }
      }
    }
    lo = hi;
  }
  const regions: Region[] = [];
  for (const [key, seeds] of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    regions.push(...chain(streams, a, b, exactSegments(streams, a, b, seeds)));
  }
  return regions;
}

function contentSize(st: ContentStream): number {
  return st.paraEnd.reduce((sum, end, p) => sum + end - st.paraStart[p], 0);
}

/** The raw span of a copy, widened to its paragraph's edges when only a few characters (or only
 *  punctuation) lie beyond it, and over the punctuation that closes it. */
function rawSpan(st: ContentStream, text: string, p: number, c0: number, c1: number): [number, number] {
  let start = c0 - st.paraStart[p] <= 3 ? 0 : st.raw[c0];
  let end = st.paraEnd[p] - c1 <= 3 ? text.length : st.raw[c1 - 1] + 1;
  while (end < text.length && /[，,。；;！!？?、：:”’」』）)】》]/.test(text[end])) end++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Find passages of 40+ content characters that one article of a bulletin shares with another,
 * and say which copy is the intruder and why. Articles that share half their text are a reprint
 * of one story (the dedup level), not a paste, and are left alone.
 */
export function findForeign(articles: ForeignInput[]): ForeignHit[] {
  const streams = articles.map((a) => buildStream(a.paragraphs));
  const regions = sharedRegions(streams);
  const shared = new Map<string, number>();
  for (const r of regions) shared.set(`${r.a},${r.b}`, (shared.get(`${r.a},${r.b}`) ?? 0) + r.matched);
  const hits: ForeignHit[] = [];
  for (const r of regions) {
    const total = shared.get(`${r.a},${r.b}`) ?? 0;
    if (total >= REPRINT_SHARE * Math.max(contentSize(streams[r.a]), contentSize(streams[r.b]))) continue;
    const side = (art: number, p: number, c0: number, c1: number): CopySide => ({
      article: art, paragraph: p, c0, c1, stream: streams[art], input: articles[art],
    });
    const decision = decideOwner(side(r.a, r.pa, r.x0, r.x1), side(r.b, r.pb, r.y0, r.y1));
    if (!decision) continue;
    const { intruder, owner, reason } = decision;
    const [start, end] = rawSpan(intruder.stream, intruder.input.paragraphs[intruder.paragraph],
      intruder.paragraph, intruder.c0, intruder.c1);
    const dup = hits.find((h) => h.article === intruder.article && h.paragraph === intruder.paragraph &&
      h.start < end && start < h.end);
    if (dup) {
      dup.start = Math.min(dup.start, start);
      dup.end = Math.max(dup.end, end);
      continue;
    }
    hits.push({ article: intruder.article, paragraph: intruder.paragraph, start, end,
      belongsTo: owner.article, belongsParagraph: owner.paragraph, reason });
  }
  return hits.sort((p, q) => p.article - q.article || p.paragraph - q.paragraph || p.start - q.start);
}
