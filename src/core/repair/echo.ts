// Echoes: a passage printed again later in the same article by a bad layout export.
//
// Method (linear-ish): every 4-character content gram of the article is indexed; a clause is
// looked up through its rarest grams (pigeonhole: with e edits, one of e+1 disjoint grams
// survives), verified with a small edit-distance alignment, and then grown clause by clause,
// forwards and backwards, while the following clauses continue the same source text. A hit is
// therefore always a run of WHOLE clauses of the later copy (snapped inward), except that a
// copy ending at its paragraph's end may end mid-word (a block cut by the page).
//
// Official prose repeats itself legitimately (习近平总书记关于…的重要论述, 以“时时放心不下”的
// 责任感, a meeting's full name), always as a part of a different sentence. So a repeated run is
// an echo only when it is long (LONG_ECHO), or stutters (follows its source directly), or covers
// most of a sentence on either side; a single formula clause inside a different sentence is not.
import { alignInside, alignPrefix, reversed } from './align';
import { buildStream, CLAUSE_END, type ContentStream, type TextUnit } from './text-units';

/** A passage of a paragraph that repeats (exactly or nearly) text earlier in the same article. */
export interface EchoHit {
  paragraph: number; start: number; end: number; // the later copy, offsets in paragraphs[paragraph]
  sourceParagraph: number; sourceStart: number; sourceEnd: number; // the first copy
  similarity: number;
}

const GRAM = 4;
/** Shortest echo, in content characters (letters/digits; punctuation is not counted). */
export const MIN_ECHO = 6;
/** A repeated run of whole clauses this long is an echo whatever its sentence context. */
export const LONG_ECHO = 30;
/** Share of a sentence a shorter run must cover (on the copy's or the source's side). */
const SENTENCE_COVER = 0.8;
/** Punctuation that closes a clause, carried over to the source's end when the copy has it. */
const TRAILING = /[，,。；;！!？?、：:”’」』）)】》]/;
/** Characters looked at past a clause to keep a run's alignment in step. */
const LOOKAHEAD = 8;
/** Candidate sources tried per clause: bounds the work on text full of one formula. */
const MAX_CANDIDATES = 200;
/** A clause whose rarest gram already occurs this often earlier is repetition (one sentence
 *  printed over and over), not a layout echo: only its first and its nearest earlier occurrence
 *  are tried. Each candidate is grown along the whole repeated text, so trying 200 of them made
 *  one sentence repeated to 5 M characters take minutes; real prose never gets near this. */
const CROWDED_GRAM = 48;

/** Edits a run of `len` content characters may carry and still count as a near-copy. */
export function runBudget(len: number): number {
  return len < 15 ? 0 : len < 30 ? 1 : 2 + Math.floor((len - 30) / 40);
}

/** Edits one clause of a longer run may carry (a 2-character clause must be exact). */
function clauseBudget(len: number): number {
  return len < 2 ? 0 : len < 6 ? 1 : 2;
}

/** A clause whose edits are too large a share of it to stand at either end of a run. */
function isWeak(edits: number, len: number): boolean {
  return edits > 0 && (len < 4 || edits / len > 0.25);
}

/** A run's size for its edit budget: the longer of the copy and the source. */
function runSize(run: Run): number {
  return Math.max(run.cEnd - run.cStart, run.t - run.s);
}

/** A run's end before one clause was added to it (to cut back to), and how that clause fitted. */
interface Step {
  clause: number; c: number; src: number; edits: number;
  /** The clause carried edits / too large a share of edits to end a run on. */
  edited: boolean; weak: boolean;
}

interface Run {
  para: number; first: number; last: number; // clause indices of the copy
  cStart: number; cEnd: number; // copy's content range in the stream
  srcPara: number; s: number; t: number; // source's content range
  edits: number;
}

/** A 32-bit key of the GRAM characters at q (a collision only adds a candidate that the
 *  alignment then rejects). */
function gramKey(text: string, q: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < GRAM; k++) h = Math.imul(h ^ text.charCodeAt(q + k), 0x01000193);
  return h;
}

function gramIndex(st: ContentStream): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (let p = 0; p < st.paraStart.length; p++) {
    for (let q = st.paraStart[p]; q + GRAM <= st.paraEnd[p]; q++) {
      const key = gramKey(st.text, q);
      const list = index.get(key);
      if (list) list.push(q);
      else index.set(key, [q]);
    }
  }
  return index;
}

class EchoFinder {
  private readonly st: ContentStream;
  private readonly grams: Map<number, number[]>;

  constructor(private readonly paragraphs: string[]) {
    this.st = buildStream(paragraphs);
    this.grams = gramIndex(this.st);
  }

  find(): EchoHit[] {
    const hits: EchoHit[] = [];
    this.st.clauses.forEach((clauses, p) => {
      let floor = 0;
      let i = 0;
      while (i < clauses.length) {
        const run = this.bestRunFrom(p, i, floor);
        if (run) {
          hits.push(this.toHit(run));
          floor = i = run.last + 1;
        } else i++;
      }
    });
    return hits;
  }

  /** The longest accepted run whose clauses include clause i and whose source lies earlier. */
  private bestRunFrom(p: number, i: number, floor: number): Run | null {
    const { st } = this;
    // the run starts with clause i, or with i and the next ones when i is shorter than a gram
    // (立和破、虚和实、 / 近日, …)
    const clauses = st.clauses[p];
    const c = clauses[i];
    let k = i;
    while (clauses[k].cEnd - c.cStart < GRAM && k + 1 < clauses.length) k++;
    const cEnd = clauses[k].cEnd;
    const len = cEnd - c.cStart;
    if (len < GRAM) return null;
    // the budget is that of the longer side, which may be the source by a character or two
    const e = runBudget(len + 2);
    const pat = st.text.slice(c.cStart, cEnd);
    const lists: { o: number; occ: number[] }[] = [];
    for (let o = 0; o + GRAM <= len; o += GRAM) lists.push({ o, occ: this.grams.get(gramKey(st.text, c.cStart + o)) ?? [] });
    lists.sort((a, b) => a.occ.length - b.occ.length);
    const starts = new Map<number, number>(); // candidate source start -> its paragraph
    const rarest = lists[0];
    if (rarest && earlierCount(rarest.occ, c.cStart) > CROWDED_GRAM) {
      const before = earlierCount(rarest.occ, c.cStart);
      for (const q of [rarest.occ[0], rarest.occ[before - 1]]) starts.set(q - rarest.o, st.para[q]);
    } else for (const { o, occ } of lists.slice(0, e + 1)) {
      for (const q of occ) {
        if (q >= c.cStart || starts.size >= MAX_CANDIDATES) break;
        starts.set(q - o, st.para[q]);
      }
    }
    let best: Run | null = null;
    for (const [cand, srcPara] of starts) {
      const lo = Math.max(st.paraStart[srcPara], cand - e);
      const hi = Math.min(st.paraEnd[srcPara], cand + len + e, c.cStart);
      if (hi - lo < len - e) continue;
      const a = alignInside(pat, st.text.slice(lo, hi), e);
      if (!a) continue;
      const run: Run = { para: p, first: i, last: k, cStart: c.cStart, cEnd, srcPara,
        s: lo + a.start, t: lo + a.end, edits: a.edits };
      this.extend(run, floor);
      if (!this.accept(run)) continue;
      const size = run.cEnd - run.cStart;
      const bestSize = best ? best.cEnd - best.cStart : -1;
      if (!best || size > bestSize || (size === bestSize &&
          (run.edits < best.edits || (run.edits === best.edits && run.s < best.s)))) best = run;
    }
    return best;
  }

  /** Grow the run clause by clause, forwards then backwards, while the copy goes on following
   *  its source; a clause may carry an edit or two. Then cut the run back at its ends until its
   *  edits fit its length and it neither starts nor ends on a short clause with a large share of
   *  edits (a 2-character "一是" against "二是"). */
  private extend(run: Run, floor: number): void {
    const fwd = this.extendForward(run);
    const bwd = this.extendBackward(run, floor);
    for (;;) {
      const f = fwd[fwd.length - 1];
      const b = bwd[bwd.length - 1];
      if (f?.weak) { this.restoreEnd(run, fwd.pop()!); continue; }
      if (b?.weak) { this.restoreStart(run, bwd.pop()!); continue; }
      if (run.edits <= runBudget(runSize(run))) return;
      if (f?.edited) this.restoreEnd(run, fwd.pop()!);
      else if (b?.edited) this.restoreStart(run, bwd.pop()!);
      else return;
    }
  }

  private restoreEnd(run: Run, s: Step): void {
    run.last = s.clause; run.cEnd = s.c; run.t = s.src; run.edits = s.edits;
  }

  private restoreStart(run: Run, s: Step): void {
    run.first = s.clause; run.cStart = s.c; run.s = s.src; run.edits = s.edits;
  }

  private extendForward(run: Run): Step[] {
    const { st } = this;
    const clauses = st.clauses[run.para];
    const hi = Math.min(st.paraEnd[run.srcPara], run.cStart);
    const steps: Step[] = [];
    for (let j = run.last + 1; j < clauses.length; j++) {
      const cl = clauses[j];
      const m = cl.cEnd - cl.cStart;
      const before: Step = { clause: run.last, c: run.cEnd, src: run.t, edits: run.edits, edited: false, weak: false };
      if (m === 0) { run.last = j; steps.push(before); continue; }
      if (run.t >= hi) break;
      const allowed = clauseBudget(m);
      const win = st.text.slice(run.t, Math.min(hi, run.t + m + allowed + LOOKAHEAD));
      const follow = st.text.slice(cl.cEnd, Math.min(st.paraEnd[run.para], cl.cEnd + LOOKAHEAD));
      const a = alignPrefix(st.text.slice(cl.cStart, cl.cEnd), win, allowed, follow);
      if (!a) break;
      before.edited = a.edits > 0;
      before.weak = isWeak(a.edits, m);
      steps.push(before);
      run.t += a.end;
      run.edits += a.edits;
      run.last = j;
      run.cEnd = cl.cEnd;
    }
    return steps;
  }

  private extendBackward(run: Run, floor: number): Step[] {
    const { st } = this;
    const clauses = st.clauses[run.para];
    const lo0 = st.paraStart[run.srcPara];
    const steps: Step[] = [];
    for (let j = run.first - 1; j >= floor; j--) {
      const cl = clauses[j];
      const m = cl.cEnd - cl.cStart;
      if (m === 0 || run.t > cl.cStart) break;
      const allowed = clauseBudget(m);
      const lo = Math.max(lo0, run.s - m - allowed - LOOKAHEAD);
      if (lo >= run.s) break;
      const follow = reversed(st.text.slice(Math.max(st.paraStart[run.para], cl.cStart - LOOKAHEAD), cl.cStart));
      const a = alignPrefix(reversed(st.text.slice(cl.cStart, cl.cEnd)), reversed(st.text.slice(lo, run.s)), allowed, follow, true);
      if (!a) break;
      steps.push({ clause: run.first, c: run.cStart, src: run.s, edits: run.edits, edited: a.edits > 0, weak: isWeak(a.edits, m) });
      run.s -= a.end;
      run.edits += a.edits;
      run.first = j;
      run.cStart = cl.cStart;
    }
    return steps;
  }

  /** Is this repeated run a layout echo rather than prose repeating a formula? */
  private accept(run: Run): boolean {
    const len = run.cEnd - run.cStart;
    if (len < MIN_ECHO) return false;
    if (run.edits > runBudget(runSize(run))) return false;
    if (len >= LONG_ECHO) return true;
    if (run.t === run.cStart) return true; // a stutter: the copy follows its source directly
    return covers(this.st.sentences[run.para], run.cStart, run.cEnd) ||
      covers(this.st.sentences[run.srcPara], run.s, run.t);
  }

  private toHit(run: Run): EchoHit {
    const { st } = this;
    const text = this.paragraphs[run.para];
    let start = st.clauses[run.para][run.first].start;
    let end = st.clauses[run.para][run.last].end;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const src = this.paragraphs[run.srcPara];
    const sourceStart = st.raw[run.s];
    let sourceEnd = st.raw[run.t - 1] + 1;
    if (CLAUSE_END.has(text[end - 1])) {
      while (sourceEnd < src.length && TRAILING.test(src[sourceEnd])) sourceEnd++;
    }
    const len = Math.max(run.cEnd - run.cStart, run.t - run.s);
    return { paragraph: run.para, start, end, sourceParagraph: run.srcPara, sourceStart, sourceEnd,
      similarity: Math.round((1 - run.edits / len) * 1000) / 1000 };
  }
}

/** How many of the ascending positions `occ` lie before `at` (binary search). */
function earlierCount(occ: number[], at: number): number {
  let lo = 0;
  let hi = occ.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occ[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when [from, to) covers at least SENTENCE_COVER of some sentence's content. */
function covers(sentences: TextUnit[], from: number, to: number): boolean {
  for (const s of sentences) {
    const size = s.cEnd - s.cStart;
    if (size === 0 || s.cEnd <= from || s.cStart >= to) continue;
    const overlap = Math.min(to, s.cEnd) - Math.max(from, s.cStart);
    if (overlap / size >= SENTENCE_COVER) return true;
  }
  return false;
}

/**
 * Find passages that repeat, exactly or with one or two characters different, text earlier in
 * the same article. `paragraphs` are the article's body paragraphs after break-joins. Each hit is
 * the LATER copy (the one to drop), snapped inward to clause boundaries.
 */
export function findEchoes(paragraphs: string[]): EchoHit[] {
  return new EchoFinder(paragraphs).find();
}
