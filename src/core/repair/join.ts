// Joining paragraphs that a column or page break cut mid-sentence. A paragraph that does not
// end a sentence is continued by the next one; when the break printed the last character(s)
// again (…目标任务体系 | 系和市委…), the repeat is dropped. Each join is recorded as a repair.
import type { Repair, Span } from '../types';
import { endsSentence } from '../parse/patterns';

/** A paragraph of the source, as the parser hands it over for joining. */
export interface SourceParagraph {
  text: string;
  /** Where the paragraph's text starts and ends in the bulletin. */
  span: Span;
  /** False when no break may be joined into this paragraph (a subhead, or after one). */
  joinable: boolean;
  /** An in-body subhead: kept as its own paragraph, and nothing is joined onto it. */
  subhead?: boolean;
}

/** A body paragraph after joins: its text and the source paragraphs it was made from. */
export interface JoinedParagraph {
  text: string;
  /** Source spans, in order, and where each piece starts in `text`. */
  pieces: Array<{ span: Span; at: number }>;
  subhead?: boolean;
}

/** Characters that Chinese legitimately doubles (天天, 人人, 层层): never treated as a break repeat. */
const DOUBLES = new Set([...'天人个家户村年月日处事件项层步时点滴常刚渐慢快好多大小高明白清楚干净实细紧亮款种条句字次回遍声头片座张本位名一二三四五六七八九十万千百亿哈呵啦嘻谢看想试说听走等']);

const HANS = /^[\u4e00-\u9fff]+$/;

/**
 * How many characters at the start of `next` repeat the end of `prev` because of the break:
 * 2-3 repeated characters always count; a single one only when the doubled character is not
 * one Chinese doubles and the doubled pair appears nowhere else in the bulletin.
 */
export function repeatedAtBreak(prev: string, next: string, doubledElsewhere: (pair: string) => boolean): number {
  for (let k = 3; k >= 1; k--) {
    const tail = prev.slice(-k);
    if (tail.length < k || !HANS.test(tail) || !next.startsWith(tail)) continue;
    if (k >= 2) return k;
    if (DOUBLES.has(tail) || doubledElsewhere(tail + tail)) return 0;
    return 1;
  }
  return 0;
}

const CONTEXT = 12;

/** Join paragraphs cut by breaks; return the joined paragraphs and one repair per join. */
export function joinBreaks(
  paragraphs: SourceParagraph[],
  doubledElsewhere: (pair: string) => boolean = () => false,
): { paragraphs: JoinedParagraph[]; repairs: Repair[] } {
  const out: JoinedParagraph[] = [];
  const repairs: Repair[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && p.joinable && !prev.subhead && !endsSentence(prev.text) && p.text) {
      const k = repeatedAtBreak(prev.text, p.text, doubledElsewhere);
      const tail = prev.text.slice(-CONTEXT);
      const head = p.text.slice(0, CONTEXT);
      const lastSpan = prev.pieces[prev.pieces.length - 1].span;
      repairs.push({
        type: 'join',
        original: `${tail}\n${head}`,
        replacement: tail + head.slice(k),
        span: { start: Math.max(lastSpan.start, lastSpan.end - tail.length), end: Math.min(p.span.end, p.span.start + head.length) },
        note: k
          ? `joined a sentence split by a break; dropped 「${p.text.slice(0, k)}」 printed twice across it`
          : 'joined a sentence split by a column or page break',
      });
      prev.pieces.push({ span: p.span, at: prev.text.length });
      prev.text += p.text.slice(k);
    } else {
      out.push({ text: p.text, pieces: [{ span: p.span, at: 0 }], subhead: p.subhead });
    }
  }
  return { paragraphs: out, repairs };
}
