// What each line of a bulletin is, read from its text alone: a lead paragraph, a credit, a
// commentary's author line, a title-like line (headline, kicker, subtitle, column or subhead)
// or plain body text. The segmenter decides from context what a title-like line really is.
import type { Line } from './lines';
import { creditLine } from './credit';
import { hasLead } from './lead';
import { AUTHOR_LINE, BOX_HEAD, COLUMN_WORDS, ORDINAL_START, UNIT_SUFFIX } from './patterns';

/** The kind of a line, before context is taken into account. */
export type LineKind = 'lead' | 'credit' | 'author' | 'title' | 'body' | 'furniture';

/** Page furniture: edition and page headers, editor and proof-reader lines. */
const FURNITURE = /第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|^版次|^(?:责任编辑|责编|编辑|美编|版式|校对|审校|值班主任|组版)\s*[:：]|^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]$/;

/** A line with its kind and, for credits and author lines, the value read from it. */
export interface ClassifiedLine extends Line {
  kind: LineKind;
  /** The credit text (without parentheses) or the author's name. */
  value: string | null;
}

/** Visible length, counting each Han character and each other character once. */
function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** True when a line could be a headline, kicker, subtitle, column or subhead. */
export function isTitleLike(line: Line): boolean {
  const t = line.text;
  const len = visibleLength(t);
  if (line.heading > 0) return len <= 80 && !/。.+/.test(t);
  if (len === 0 || len > 50) return false;
  if (/[。；;，,、：:]$/.test(t)) return false;
  if (/[。]/.test(t.replace(/[“"][^”"]*[”"]/g, ''))) return false;
  // Commas outside quotes mark a sentence, not a title: 中原区召开… is fine, 会议指出，… is not.
  const outside = t.replace(/[“"‘「][^”"’」]*[”"’」]/g, '');
  if ((outside.match(/[，,]/g) ?? []).length > 1) return false;
  if (/[，,]/.test(outside) && len > 30) return false;
  return true;
}

/** Classify one line by its text. The line object itself becomes the classified line (one
 *  object per line keeps a 50 MB bulletin's peak memory low). */
export function classifyLine(line: Line): ClassifiedLine {
  const t = line.text;
  const out = line as ClassifiedLine;
  out.value = null;
  if (hasLead(t)) out.kind = 'lead';
  else if (t.length <= 60 && FURNITURE.test(t)) out.kind = 'furniture';
  else {
    const author = AUTHOR_LINE.exec(t);
    const credit = !author && line.heading === 0 ? creditLine(t) : null;
    if (author) [out.kind, out.value] = ['author', author[1].trim()];
    else if (credit) [out.kind, out.value] = ['credit', credit];
    else out.kind = isTitleLike(line) ? 'title' : 'body';
  }
  return out;
}

const COLUMN_END = new RegExp(`(?:${COLUMN_WORDS.join('|')})$`);

/** A page column header (栏目): 高新区动态, 【图片新闻】, ■ 县域快讯. */
export function isColumnHeader(text: string): boolean {
  const t = text.replace(/^[【\[■◆●▲]\s*|\s*[】\]]$/g, '');
  if (/^【.+】$/.test(text.trim()) && t.length <= 10) return true;
  return t.length >= 2 && t.length <= 10 && !/\s/.test(t) && COLUMN_END.test(t);
}

/** A unit or place named above a headline (引题): 封丘县潘店镇, 红旗区委理论学习中心组. */
export function isKickerish(text: string): boolean {
  const t = text.trim();
  return t.length <= 18 && !/\s/.test(t) && UNIT_SUFFIX.test(t);
}

/** An in-body subhead or list opening: 一是…, （一）…, 核心阅读. */
export function isSubheadText(text: string): boolean {
  return ORDINAL_START.test(text) || BOX_HEAD.test(text);
}
