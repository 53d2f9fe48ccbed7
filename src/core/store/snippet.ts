// Snippets and hit highlighting as plain data (text parts flagged as hits), so that the page
// renders corpus text as text and never as HTML.
import type { TextPart } from './types';

/** Split `text` into parts, flagging every (non-overlapping) occurrence of `query` as a hit. */
export function splitHits(text: string, query: string): TextPart[] {
  if (!query) return text ? [{ text, hit: false }] : [];
  const parts: TextPart[] = [];
  let from = 0;
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false });
    parts.push({ text: query, hit: true });
    from = at + query.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false });
  return parts;
}

/** Move an offset off the low half of a surrogate pair, so a cut never splits a character. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** How much text a snippet shows around the first hit. */
export interface SnippetOptions {
  /** Characters before the first hit. */
  before?: number;
  /** Total characters of the snippet. */
  length?: number;
}

/**
 * A window of `text` around the first hit of `query` (or its opening when the query is empty or
 * absent), line breaks shown as spaces, with an ellipsis where text was cut and every hit
 * inside the window flagged.
 */
export function makeSnippet(text: string, query: string, opts: SnippetOptions = {}): TextPart[] {
  const before = opts.before ?? 30;
  const length = opts.length ?? 120;
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const at = query ? flat.indexOf(query) : -1;
  let start = at < 0 ? 0 : Math.max(0, at - before);
  let end = Math.min(flat.length, Math.max(start + length, at < 0 ? 0 : at + query.length));
  start = safeCut(flat, start);
  end = safeCut(flat, end);
  const parts = splitHits(flat.slice(start, end), at < 0 ? '' : query);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
