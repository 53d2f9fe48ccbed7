// Concordance (key word in context): every occurrence of a word or phrase in a set of articles,
// with the text to its left and right lined up on the match. Matching is the search's (folded:
// 學習 finds 学习, full-width = half-width), the context is shown as written. Lines can be sorted
// by the words before the match (nearest first) or after it, which groups the ways a phrase is
// used: 树立正确政绩观 / 践行正确政绩观 / 政绩观偏差.
import { foldText } from '../query/fold';
import type { AnalysisDoc, Concordance, KwicField, KwicLine, KwicSort } from './types';

/** Options of a concordance. */
export interface KwicOptions {
  /** Characters of context on each side (default 24). */
  width?: number;
  /** Lines returned at most (every match is still counted; default 2000). */
  limit?: number;
  /** Cuts context into words for sorting (jieba in the worker); characters when absent. */
  cut?: (text: string) => string[];
}

/** Fields searched, in reading order. */
const FIELDS: KwicField[] = ['kicker', 'headline', 'subtitle', 'body'];

function fieldText(doc: AnalysisDoc, field: KwicField): string {
  return (field === 'body' ? doc.body : doc[field]) ?? '';
}

function words(text: string, cut: KwicOptions['cut']): string[] {
  const parts = cut ? cut(text) : [...text];
  return parts.map((w) => w.trim()).filter(Boolean);
}

/**
 * Every occurrence of `term` in the articles (in the given order, then text order), with
 * `width` characters either side. Context stops at a paragraph break, so a line never joins two
 * paragraphs. Matches do not overlap.
 */
export function concordance(docs: readonly AnalysisDoc[], term: string, opts: KwicOptions = {}): Concordance {
  const width = Math.max(1, Math.floor(opts.width ?? 24));
  const limit = Math.max(0, Math.floor(opts.limit ?? 2000));
  const needle = foldText(term.trim());
  const lines: KwicLine[] = [];
  let total = 0;
  let articles = 0;
  if (!needle) return { term: term.trim(), total, articles, lines, truncated: false };
  for (const doc of docs) {
    let inDoc = 0;
    for (const field of FIELDS) {
      const text = fieldText(doc, field);
      if (!text) continue;
      const folded = foldText(text);
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
        total++;
        inDoc++;
        if (lines.length >= limit) continue;
        const end = at + needle.length;
        const paraStart = text.lastIndexOf('\n', at - 1) + 1;
        const nl = text.indexOf('\n', end);
        const paraEnd = nl < 0 ? text.length : nl;
        const left = text.slice(Math.max(paraStart, at - width), at);
        const right = text.slice(end, Math.min(paraEnd, end + width));
        lines.push({
          articleId: doc.id, field, offset: at, left, match: text.slice(at, end), right,
          leftWords: words(left, opts.cut).reverse(), rightWords: words(right, opts.cut),
          headline: doc.headline, date: doc.date, district: doc.district, paper: doc.paper,
        });
      }
    }
    if (inDoc) articles++;
  }
  return { term: term.trim(), total, articles, lines, truncated: total > lines.length };
}

const collator = new Intl.Collator('zh-CN');

/** Compare two word lists position by position (nearest word first); shorter lists first. */
function compareWords(a: readonly string[], b: readonly string[], compare: (x: string, y: string) => number): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const c = compare(a[i], b[i]);
    if (c) return c;
  }
  return 0;
}

/**
 * Lines in a new order: `left` by the word right before the match, then the one before that …;
 * `right` by the words after it; `text` as found. Ties keep the found order (stable). Words
 * compare in Chinese collation (pinyin order) unless `compare` is given.
 */
export function sortConcordance(
  lines: readonly KwicLine[], by: KwicSort, compare: (a: string, b: string) => number = collator.compare,
): KwicLine[] {
  if (by === 'text') return lines.slice();
  const order = lines.map((line, i) => ({ line, i }));
  order.sort((x, y) => {
    const [first, second] = by === 'left' ? ['leftWords', 'rightWords'] as const : ['rightWords', 'leftWords'] as const;
    return compareWords(x.line[first], y.line[first], compare) || compareWords(x.line[second], y.line[second], compare) || x.i - y.i;
  });
  return order.map((o) => o.line);
}
