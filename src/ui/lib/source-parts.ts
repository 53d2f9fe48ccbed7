// The original text of a bulletin laid out for the article view: the text before the article,
// the article cut into parts wherever a highlighted field or a repair starts or ends, and the
// text after. All offsets are whole-file offsets; `text` may be a window starting at `offset`.
import type { Span } from '../../core/types';

/** A run of the article's source text with what lies on it. */
export interface SourcePart {
  text: string;
  /** Inside the highlighted field's span. */
  highlight: boolean;
  /** Index of the repair whose span covers this run, or -1. */
  repair: number;
}

/** The source split for rendering; `before + parts + after` is exactly `text`. */
export interface SourceLayout {
  before: string;
  parts: SourcePart[];
  after: string;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Split `text` (a window of the bulletin starting at `offset`) around the article and its marks. */
export function layoutSource(text: string, offset: number, article: Span, highlights: Span[], repairs: Span[]): SourceLayout {
  const start = clamp(article.start - offset, 0, text.length);
  const end = clamp(article.end - offset, start, text.length);
  const local = (s: Span) => ({ start: clamp(s.start - offset, start, end), end: clamp(s.end - offset, start, end) });
  const hl = highlights.map(local).filter((s) => s.end > s.start);
  const rp = repairs.map(local);
  const cuts = new Set([start, end]);
  for (const s of [...hl, ...rp]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: SourcePart[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [p, q] = [points[k], points[k + 1]];
    if (q <= p) continue;
    const highlight = hl.some((s) => s.start <= p && s.end >= q);
    const repair = rp.findIndex((s) => s.end > s.start && s.start <= p && s.end >= q);
    const prev = parts[parts.length - 1];
    if (prev && prev.highlight === highlight && prev.repair === repair) prev.text += text.slice(p, q);
    else parts.push({ text: text.slice(p, q), highlight, repair });
  }
  return { before: text.slice(0, start), parts, after: text.slice(end) };
}

/** True when some of `span` lies inside the window [offset, offset + length). */
export function inWindow(span: Span, offset: number, length: number): boolean {
  return span.end > offset && span.start < offset + length;
}
