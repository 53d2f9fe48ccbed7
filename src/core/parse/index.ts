// TEMPORARY first cut: Markdown headings are headlines, everything else is body.
// The parser issue replaces this file's internals; the API (parseBulletin) stays.
import type { Article, ParseOptions, ParsedBulletin } from '../types';

/** Split a bulletin's text into articles and fragments. Never throws. */
export function parseBulletin(text: string, _opts: ParseOptions = {}): ParsedBulletin {
  const articles: Article[] = [];
  let cur: Article | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const m = /^#{1,6}\s*(.+)$/.exec(line.trim());
    if (m) {
      cur = {
        kicker: null, headline: m[1].trim(), subtitle: null, column: null, kind: 'news', lead: null,
        dateline: null, date: null, byline: null, reporters: [], correspondents: [], credit: null,
        district: null, body: '', original: line, repairs: [], flags: [],
        spans: { article: { start, end: start + line.length }, paragraphs: [] },
      };
      articles.push(cur);
    } else if (cur && line.trim()) {
      cur.body += (cur.body ? '\n' : '') + line.trim();
      cur.original = text.slice(cur.spans.article.start, start + line.length);
      cur.spans.article.end = start + line.length;
      cur.spans.paragraphs.push({ start, end: start + line.length });
    }
  }
  return { meta: { paper: null, date: null, dateSource: null }, articles, fragments: [] };
}
