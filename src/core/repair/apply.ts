// Taking echoes and pasted passages out of an article's clean body. The removed text is kept
// verbatim in a repair (and a pasted passage is also flagged with the article it belongs to),
// so nothing is lost and the user can see and undo every change.
import type { Flag, Repair, Span } from '../types';
import type { JoinedParagraph } from './join';
import { findEchoes } from './echo';
import { findForeign, type ForeignHit } from './foreign';

/** A cut to make in a joined paragraph. */
interface Cut {
  paragraph: number;
  start: number;
  end: number;
  repair: Omit<Repair, 'original' | 'replacement' | 'span'>;
}

/** The source span of a range of a joined paragraph, through the pieces it was joined from. */
export function sourceSpan(p: JoinedParagraph, start: number, end: number): Span {
  const at = (offset: number) => {
    let piece = p.pieces[0];
    for (const q of p.pieces) if (q.at <= offset) piece = q;
    return Math.min(piece.span.end, piece.span.start + (offset - piece.at));
  };
  return { start: at(start), end: Math.max(at(start), at(end)) };
}

/** Apply cuts (latest first so offsets stay valid); return the repairs. Empty paragraphs go. */
function applyCuts(paragraphs: JoinedParagraph[], cuts: Cut[]): Repair[] {
  const repairs: Repair[] = [];
  const sorted = [...cuts].sort((a, b) => b.paragraph - a.paragraph || b.start - a.start);
  let lastStart = Infinity;
  let lastParagraph = -1;
  for (const c of sorted) {
    const p = paragraphs[c.paragraph];
    if (!p || c.start >= c.end || c.end > p.text.length) continue;
    if (c.paragraph === lastParagraph && c.end > lastStart) continue; // overlapping cuts: keep the first applied
    const original = p.text.slice(c.start, c.end);
    repairs.push({ ...c.repair, original, replacement: '', span: sourceSpan(p, c.start, c.end) });
    p.text = p.text.slice(0, c.start) + p.text.slice(c.end);
    lastStart = c.start;
    lastParagraph = c.paragraph;
  }
  return repairs.reverse();
}

/** Remove echoes (later copies of earlier text) from one article's paragraphs. */
export function removeEchoes(paragraphs: JoinedParagraph[]): Repair[] {
  const hits = findEchoes(paragraphs.map((p) => p.text));
  const cuts: Cut[] = hits.map((h) => ({
    paragraph: h.paragraph,
    start: h.start,
    end: h.end,
    repair: {
      type: 'echo',
      note: `printed again: the first copy is in paragraph ${h.sourceParagraph + 1}${h.similarity < 1 ? ` (${Math.round(h.similarity * 100)}% alike)` : ''}`,
    },
  }));
  return applyCuts(paragraphs, cuts);
}

/** Articles compared with each other at once; a bulletin longer than this is read in
 *  overlapping windows, since pastes come from the same page (the corpus-wide check is dedup's).
 *  It keeps a 50 MB bulletin's memory bounded by the window, not the file. */
export const FOREIGN_WINDOW = 48;

function foreignHits(articles: Array<{ headline: string; paragraphs: JoinedParagraph[] }>): ForeignHit[] {
  const inputs = articles.map((a) => ({ headline: a.headline, paragraphs: a.paragraphs.map((p) => p.text) }));
  if (inputs.length <= FOREIGN_WINDOW) return findForeign(inputs);
  const seen = new Set<string>();
  const out: ForeignHit[] = [];
  // Windows overlap by a few articles so a paste from the story just across a boundary is seen.
  const stride = FOREIGN_WINDOW - 8;
  for (let from = 0; from < inputs.length; from += stride) {
    const window = inputs.slice(from, from + FOREIGN_WINDOW);
    for (const h of findForeign(window)) {
      const hit = { ...h, article: h.article + from, belongsTo: h.belongsTo + from };
      const key = `${hit.article}:${hit.paragraph}:${hit.start}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(hit);
      }
    }
    if (from + FOREIGN_WINDOW >= inputs.length) break;
  }
  return out;
}

/** What removing pasted passages did to one article. */
export interface ForeignResult {
  repairs: Repair[];
  flags: Flag[];
}

/**
 * Find passages of one article pasted from another of the same bulletin and move them out of
 * the intruded article's body, with a flag naming the article they belong to.
 */
export function removeForeign(articles: Array<{ headline: string; paragraphs: JoinedParagraph[] }>): ForeignResult[] {
  const hits = foreignHits(articles);
  return articles.map((a, i) => {
    const mine = hits.filter((h) => h.article === i);
    const cuts: Cut[] = mine.map((h) => ({
      paragraph: h.paragraph,
      start: h.start,
      end: h.end,
      repair: { type: 'foreign', note: `pasted from «${articles[h.belongsTo].headline}»: ${h.reason}` },
    }));
    const repairs = applyCuts(a.paragraphs, cuts);
    const flags: Flag[] = mine.map((h, k) => ({
      type: 'foreign',
      note: `a passage of «${articles[h.belongsTo].headline}» pasted here: ${h.reason}`,
      span: repairs[k]?.span,
      belongsTo: h.belongsTo,
    }));
    return { repairs, flags };
  });
}
