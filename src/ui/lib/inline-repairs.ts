// Where an article's repairs go in its clean text, for showing them inline: a removed echo or
// pasted passage at the place it was taken from (inside its paragraph, at a paragraph's end, or
// as a paragraph of its own), a join where the break was. The clean body is a subsequence of the
// article's original text with the removed passages (known exactly by their spans) and the page
// furniture (markdown, line ends, lead, credit) left out, so the body is aligned to the original
// greedily, outside the removed spans; each repair is then placed between the body characters
// around it. Pure data: the component renders it as text.
import type { Article, Repair } from '../../core/types';

/** A repair shown inside a paragraph of the clean text, before the character at `at`. */
export interface InlineMark {
  /** Offset in the paragraph's text (its length: at the paragraph's end). */
  at: number;
  /** Index in `article.repairs`. */
  repair: number;
  /** removed: an echo or pasted passage (its text struck through); join: a closed break. */
  kind: 'removed' | 'join';
  /** The removed passage, or for a join the characters it dropped across the break ('' mostly). */
  text: string;
}

/** A block of the clean text: a body paragraph with its marks, or a removed paragraph. */
export type InlineBlock =
  | { kind: 'paragraph'; text: string; marks: InlineMark[] }
  | { kind: 'removed'; repair: number; text: string };

/** The clean text laid out with its repairs. */
export interface InlineLayout {
  blocks: InlineBlock[];
  /** False when the body could not be aligned to the original (the repairs are then only
   *  listed, not placed). */
  aligned: boolean;
  /** Repairs placed in the text (by index); the others are only listed. */
  placed: number[];
}

const FREE = -1;
const HIDDEN = -2;

/** The clean body of `a` with its repairs placed. */
export function inlineRepairs(a: Article): InlineLayout {
  const lines = a.body.split('\n');
  const plain = (): InlineLayout => ({
    blocks: lines.filter((l) => l.trim()).map((text) => ({ kind: 'paragraph', text, marks: [] })),
    aligned: false,
    placed: [],
  });
  const o = a.original;
  const base = a.spans.article.start;
  const mask = new Int32Array(o.length).fill(FREE);
  const local = (r: Repair) => ({ start: r.span.start - base, end: r.span.end - base });
  const removable = (r: Repair, k: number) => {
    const s = local(r);
    const ok = r.type !== 'join' && s.start >= 0 && s.end <= o.length && s.end > s.start && o.slice(s.start, s.end) === r.original;
    if (ok) mask.fill(k, s.start, s.end);
    return ok;
  };
  const removed = a.repairs.map(removable);
  for (const s of [a.spans.lead, a.spans.byline]) if (s) mask.fill(HIDDEN, Math.max(0, s.start - base), Math.max(0, Math.min(o.length, s.end - base)));

  // Greedy alignment of the body's characters, from the first body paragraph on.
  const heads = [a.spans.headline, a.spans.kicker, a.spans.subtitle, a.spans.column].filter((s) => !!s);
  let pos = a.spans.paragraphs[0] ? a.spans.paragraphs[0].start - base : Math.max(0, ...heads.map((s) => s!.end - base));
  const at: number[] = []; // original offset of each body character, lines concatenated
  const lineOf: number[] = [];
  const offsetIn: number[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    for (let ci = 0; ci < line.length; ci++) {
      const c = line.charCodeAt(ci);
      while (pos < o.length && (mask[pos] !== FREE || o.charCodeAt(pos) !== c)) pos++;
      if (pos >= o.length) return plain();
      at.push(pos++);
      lineOf.push(li);
      offsetIn.push(ci);
    }
  }
  if (!at.length) return plain();
  /** Index of the first body character at or after original offset `p` (at.length if none). */
  const after = (p: number) => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const hasBreak = (from: number, to: number) => o.slice(Math.max(0, from), Math.max(0, to)).includes('\n');

  const marks: Array<InlineMark & { line: number; order: number }> = [];
  const blocks = new Map<number, Array<{ repair: number; text: string; order: number }>>(); // before line
  const placed: number[] = [];
  a.repairs.forEach((r, k) => {
    const s = local(r);
    if (removed[k]) {
      const next = after(s.end);
      const prev = after(s.start) - 1;
      const endsParagraph = hasBreak(s.end, next < at.length ? at[next] : o.length);
      const startsParagraph = prev < 0 || hasBreak(at[prev] + 1, s.start);
      if (endsParagraph && startsParagraph) {
        const line = next < at.length ? lineOf[next] : lines.length;
        blocks.set(line, [...(blocks.get(line) ?? []), { repair: k, text: r.original, order: s.start }]);
      } else if (endsParagraph || next >= at.length) {
        marks.push({ at: offsetIn[prev] + 1, line: lineOf[prev], repair: k, kind: 'removed', text: r.original, order: s.start });
      } else {
        marks.push({ at: offsetIn[next], line: lineOf[next], repair: k, kind: 'removed', text: r.original, order: s.start });
      }
      placed.push(k);
    } else if (r.type === 'join' && s.start >= 0 && s.end <= o.length) {
      const span = o.slice(s.start, s.end);
      const brk = /[ \t\u3000]*\n[\s\u3000]*/.exec(span);
      if (!brk) return;
      const next = after(s.start + brk.index);
      if (next <= 0 || next >= at.length || lineOf[next] !== lineOf[next - 1]) return; // not joined in the body
      let dropped = '';
      for (let p = s.start; p < s.end; p++) {
        if (mask[p] === FREE && !/\s/.test(o[p]) && at[after(p)] !== p) dropped += o[p];
      }
      marks.push({ at: offsetIn[next], line: lineOf[next], repair: k, kind: 'join', text: dropped, order: s.start + brk.index });
      placed.push(k);
    }
  });

  const out: InlineBlock[] = [];
  const flush = (line: number) => {
    for (const b of (blocks.get(line) ?? []).sort((x, y) => x.order - y.order)) out.push({ kind: 'removed', repair: b.repair, text: b.text });
  };
  lines.forEach((text, li) => {
    flush(li);
    const mine = marks.filter((m) => m.line === li).sort((x, y) => x.at - y.at || x.order - y.order);
    if (!text.trim() && !mine.length) return;
    out.push({ kind: 'paragraph', text, marks: mine.map(({ at: m, repair, kind, text: t }) => ({ at: m, repair, kind, text: t })) });
  });
  flush(lines.length);
  return { blocks: out, aligned: true, placed: placed.sort((x, y) => x - y) };
}

/** A run of text with search hits flagged (TextPart in the store's types). */
interface HitPart {
  text: string;
  hit: boolean;
}

/** `parts` (a paragraph's text with hits) cut at each offset: offsets.length + 1 runs of parts. */
export function cutParts<P extends HitPart>(parts: P[], offsets: number[]): P[][] {
  const out: P[][] = [[]];
  const cuts = [...offsets].sort((x, y) => x - y);
  let pos = 0;
  let k = 0;
  for (const p of parts) {
    let rest = p.text;
    while (k < cuts.length && cuts[k] <= pos + rest.length) {
      const take = Math.max(0, cuts[k] - pos);
      if (take) out[out.length - 1].push({ ...p, text: rest.slice(0, take) });
      rest = rest.slice(take);
      pos += take;
      out.push([]);
      k++;
    }
    if (rest) out[out.length - 1].push({ ...p, text: rest });
    pos += rest.length;
  }
  while (k++ < cuts.length) out.push([]);
  return out;
}

/** The article a pasted passage belongs to (its flag's `belongsTo`) and that article's headline
 *  as the repair's note names it («…»). */
export function pastedOwner(a: Article, k: number): { index: number; headline: string } | null {
  const r = a.repairs[k];
  if (r?.type !== 'foreign') return null;
  const flag = a.flags.find((f) => f.type === 'foreign' && f.belongsTo !== undefined && f.span?.start === r.span.start && f.span?.end === r.span.end)
    ?? a.flags.find((f) => f.type === 'foreign' && f.belongsTo !== undefined && r.note.includes(f.note.match(/«([^»]*)»/)?.[1] ?? '\u0000'));
  if (!flag || flag.belongsTo === undefined) return null;
  const headline = /«([^»]*)»/.exec(r.note)?.[1] ?? /«([^»]*)»/.exec(flag.note)?.[1] ?? '';
  return { index: flag.belongsTo, headline };
}

/** What an echo's note says in numbers: the paragraph of the first copy and how alike. */
export function echoSource(note: string): { paragraph: number; alike: number | null } | null {
  const m = /first copy is in paragraph (\d+)(?: \((\d+)% alike\))?/.exec(note);
  return m ? { paragraph: Number(m[1]), alike: m[2] ? Number(m[2]) : null } : null;
}
