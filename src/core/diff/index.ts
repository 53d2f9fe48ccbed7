// Character differences between two printings of a story, for showing them side by side.
//
// The diff itself is diff-match-patch (Google's algorithm, the typed and maintained
// @sanity/diff-match-patch port): Myers' O(ND) diff with a time budget, after which it returns a
// coarser but still exact diff, so a pathological pair can never hang the worker; and a
// "semantic cleanup" that folds coincidental one-character equalities (a shared 的 in the middle
// of two rewritten sentences) into the surrounding change, so a reader sees whole changed
// phrases instead of confetti. Chinese has no spaces, which makes that cleanup matter more than
// in English. jsdiff's diffChars has no such cleanup; fast-diff has no time budget.
//
// Before diffing, punctuation and Latin letters are folded to half width (，→ , （→ ( Ａ→A): a
// reprint that flipped every comma's width is not "changed" in every sentence. The fold keeps
// the length of every string, so the parts returned carry each side's own, unfolded characters.
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff } from '@sanity/diff-match-patch';

/** A run of one side's text: the same on both sides, or only on this side. */
export interface DiffPart {
  text: string;
  /** same: on both sides (up to punctuation width); removed: only in the left text; added:
   *  only in the right text. */
  change: 'same' | 'removed' | 'added';
  /** The same text (up to width) was removed in one place and added in another: a paragraph or
   *  sentence that moved. */
  moved?: boolean;
}

/** Two texts cut into parts for showing side by side. */
export interface SideBySide {
  /** The left text, whole: `left.map(p => p.text).join('')` is the left text. */
  left: DiffPart[];
  /** The right text, whole. */
  right: DiffPart[];
  /** Characters only in the left text, only in the right text, and in both. */
  removed: number;
  added: number;
  same: number;
}

/** Options of the diff. */
export interface DiffOptions {
  /** Seconds the diff may spend before settling for a coarser result (default 0.5). */
  timeout?: number;
  /** Shortest removed-and-added text that counts as moved (default 12 characters). */
  minMoved?: number;
}

/** Full-width ASCII (U+FF01-FF5E) to ASCII and the ideographic space to a space; lengths kept. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** One operation of a diff: which side(s) a run of text is on. */
export type DiffOp = -1 | 0 | 1;

/**
 * The character diff of `a` and `b` (width-folded) as [op, length] runs: -1 only in `a`, 1 only
 * in `b`, 0 in both. Lengths are UTF-16 units of the original strings.
 */
export function diffRuns(a: string, b: string, opts: DiffOptions = {}): Array<[DiffOp, number]> {
  const raw = makeDiff(foldWidth(a), foldWidth(b), { timeout: opts.timeout ?? 0.5, checkLines: false });
  return cleanupSemantic(raw).map(([op, text]) => [op === DIFF_DELETE ? -1 : op === DIFF_INSERT ? 1 : 0, text.length]);
}

/** The left and right texts cut into same/removed/added parts, moved passages flagged. */
export function sideBySide(a: string, b: string, opts: DiffOptions = {}): SideBySide {
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  let i = 0;
  let j = 0;
  let removed = 0;
  let added = 0;
  let same = 0;
  const push = (parts: DiffPart[], text: string, change: DiffPart['change']) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.change === change) last.text += text;
    else parts.push({ text, change });
  };
  for (const [op, n] of diffRuns(a, b, opts)) {
    if (op === DIFF_EQUAL) {
      push(left, a.slice(i, i + n), 'same');
      push(right, b.slice(j, j + n), 'same');
      i += n;
      j += n;
      same += n;
    } else if (op === -1) {
      push(left, a.slice(i, i + n), 'removed');
      i += n;
      removed += n;
    } else {
      push(right, b.slice(j, j + n), 'added');
      j += n;
      added += n;
    }
  }
  markMoved(left, right, opts.minMoved ?? 12);
  return { left, right, removed, added, same };
}

/** Flag removed parts whose text (ignoring width and surrounding whitespace) was added elsewhere. */
function markMoved(left: DiffPart[], right: DiffPart[], min: number): void {
  const key = (t: string) => foldWidth(t).trim();
  const added = new Map<string, DiffPart[]>();
  for (const p of right) {
    const k = key(p.text);
    if (p.change !== 'added' || k.length < min) continue;
    const list = added.get(k) ?? [];
    list.push(p);
    added.set(k, list);
  }
  for (const p of left) {
    if (p.change !== 'removed') continue;
    const match = added.get(key(p.text))?.find((q) => !q.moved);
    if (match) {
      p.moved = true;
      match.moved = true;
    }
  }
}

/** The share of `a`'s and `b`'s characters the two have in common (0-1), from a side-by-side. */
export function similarity(d: SideBySide): number {
  const total = d.same * 2 + d.removed + d.added;
  return total ? (d.same * 2) / total : 1;
}
