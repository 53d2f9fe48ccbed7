// Small edit-distance alignments (Levenshtein: substitution, insertion, deletion cost 1) used to
// verify that a clause is a near-copy of earlier text. Windows are short (a clause plus a few
// characters), so a plain dynamic programme is cheap; the exact case short-cuts to indexOf.

/** Where a pattern aligned inside a text window, and with how many edits. */
export interface Alignment {
  edits: number;
  /** Half-open range in the window. */
  start: number;
  end: number;
}

/** Align ALL of `p` against the best substring of `t` (free start and end in t). */
export function alignInside(p: string, t: string, maxEdits: number): Alignment | null {
  const m = p.length;
  const n = t.length;
  if (maxEdits <= 0) {
    const at = t.indexOf(p);
    return at < 0 ? null : { edits: 0, start: at, end: at + m };
  }
  let prev = new Int32Array(n + 1); // D[i-1][*]
  let prevS = new Int32Array(n + 1); // start column of the best path into D[i-1][j]
  let cur = new Int32Array(n + 1);
  let curS = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevS[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curS[0] = 0;
    let rowMin = i;
    const pc = p.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let best = prev[j - 1] + (pc === t.charCodeAt(j - 1) ? 0 : 1);
      let s = prevS[j - 1];
      // ties go to the later start (see the end selection below)
      if (prev[j] + 1 < best || (prev[j] + 1 === best && prevS[j] > s)) { best = prev[j] + 1; s = prevS[j]; }
      if (cur[j - 1] + 1 < best || (cur[j - 1] + 1 === best && curS[j - 1] > s)) { best = cur[j - 1] + 1; s = curS[j - 1]; }
      cur[j] = best;
      curS[j] = s;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > maxEdits) return null;
    [prev, cur] = [cur, prev];
    [prevS, curS] = [curS, prevS];
  }
  let result: Alignment | null = null;
  for (let j = 0; j <= n; j++) {
    const e = prev[j];
    if (e > maxEdits) continue;
    const cand = { edits: e, start: prevS[j], end: j };
    // equal edits: prefer the later start (a source that begins on its own words, not on a
    // substituted neighbour), then the length closest to the pattern's
    if (!result || e < result.edits || (e === result.edits && (cand.start > result.start ||
        (cand.start === result.start && Math.abs(j - cand.start - m) < Math.abs(result.end - result.start - m))))) {
      result = cand;
    }
  }
  return result;
}

/**
 * Align ALL of `p` against a prefix of `t` (both start together; the end in t is free).
 * Among equally good ends, the one after which `t` goes on like `follow` (the text that comes
 * next on the other side) wins, so that a run of clauses stays in step; then the end nearest
 * p's length, or the shortest with preferShort.
 */
export function alignPrefix(p: string, t: string, maxEdits: number, follow = '', preferShort = false): Alignment | null {
  const m = p.length;
  if (maxEdits <= 0) return t.startsWith(p) ? { edits: 0, start: 0, end: m } : null;
  const n = Math.min(t.length, m + maxEdits);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const pc = p.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let best = prev[j - 1] + (pc === t.charCodeAt(j - 1) ? 0 : 1);
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > maxEdits) return null;
    [prev, cur] = [cur, prev];
  }
  const agree = (j: number) => {
    let k = 0;
    while (k < follow.length && j + k < t.length && t.charCodeAt(j + k) === follow.charCodeAt(k)) k++;
    return k;
  };
  let best: Alignment | null = null;
  let bestAgree = -1;
  for (let j = 0; j <= n; j++) {
    const e = prev[j];
    if (e > maxEdits) continue;
    const g = agree(j);
    const better = !best || e < best.edits || (e === best.edits && (g > bestAgree ||
      (g === bestAgree && !preferShort && Math.abs(j - m) < Math.abs(best.end - m))));
    if (better) {
      best = { edits: e, start: 0, end: j };
      bestAgree = g;
    }
  }
  return best;
}

/** Reverse a string by UTF-16 code units (content streams are compared unit by unit). */
export function reversed(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
