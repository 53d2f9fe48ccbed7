// Hits as text parts: every occurrence of every searched string, found in the folded text and
// marked in the original (folding keeps offsets, fold.ts), so 學習 in an article is marked when
// 学习 was searched. Parts are plain data; the page renders them as text, never as HTML.
import type { TextPart } from '../store/types';
import { foldText } from './fold';

/** Half-open [start, end) ranges of every occurrence of the terms, merged where they overlap. */
export function hitRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const folded = foldText(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const t = foldText(term);
    if (!t) continue;
    for (let at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + 1)) ranges.push([at, at + t.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` split into parts with every hit of the terms flagged. */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  return partsFromRanges(text, hitRanges(text, terms), 0, text.length);
}

function partsFromRanges(text: string, ranges: Array<[number, number]>, from: number, to: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), hit: false });
  return parts;
}

/** Move an offset off the low half of a surrogate pair, so a cut never splits a character. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** How much text a snippet shows. */
export interface SnippetShape {
  /** Characters shown before the first hit. */
  before?: number;
  /** Characters in the snippet (more when the first hit is longer). */
  length?: number;
}

/**
 * A window of `text` around its first hit (its opening when no term occurs in it), with every
 * hit inside the window flagged, an ellipsis where text was cut, and line breaks as spaces.
 */
export function hitSnippet(text: string, terms: readonly string[], shape: SnippetShape = {}): TextPart[] {
  const before = shape.before ?? 30;
  const length = shape.length ?? 120;
  const ranges = hitRanges(text, terms);
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - before) : 0;
  // Start at a paragraph start when one is near, so the snippet does not open mid-word.
  const para = first ? text.lastIndexOf('\n', first[0]) + 1 : 0;
  if (first && para > start) start = para;
  let end = Math.min(text.length, Math.max(start + length, first ? first[1] : 0));
  // Near the end of the text, show more of what comes before rather than a short window.
  if (end - start < length) start = Math.max(0, end - length);
  start = safeCut(text, start);
  end = safeCut(text, end);
  const parts = partsFromRanges(text, ranges, start, end)
    .map((p) => (p.hit ? p : { text: p.text.replace(/\s*\n\s*/g, ' '), hit: false }))
    .filter((p) => p.text);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

/** The parts as plain text (for the command line). */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}
