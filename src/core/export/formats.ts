// The result set written as files: CSV (RFC 4180, UTF-8 with BOM, for Excel and pandas), JSON
// Lines (one article per line, arrays kept as arrays) and Markdown (for reading and quoting).
// Each writer yields the file in pieces, so a large export never becomes one giant string.
import type { ExportArticle } from './articles';
import { BOM, csvRecord } from './csv';

/** The formats a result set can be exported in. */
export type ArticleFormat = 'csv' | 'jsonl' | 'md';

/** What an export says about itself (the Markdown heading, file names). */
export interface ExportContext {
  /** The query as typed ('' for all articles). */
  query: string;
  /** Filter chips as `field:value`. */
  filters: string[];
  /** Matching articles. */
  total: number;
  /** ISO time of the export. */
  exportedAt: string;
  /** The page's address without its query part: with `?a=<ref>` it opens an article. */
  linkBase?: string;
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'ref', 'file', 'paper', 'bulletin_date', 'date', 'district', 'kind', 'column', 'kicker', 'headline',
  'subtitle', 'lead', 'dateline', 'byline', 'reporters', 'correspondents', 'credit', 'body', 'story',
  'printings', 'link',
] as const;

function link(ctx: ExportContext, a: ExportArticle): string {
  if (!ctx.linkBase) return '';
  return `${ctx.linkBase}${ctx.linkBase.includes('?') ? '&' : '?'}a=${encodeURIComponent(a.ref)}`;
}

/** Records per yielded piece. */
const PIECE = 500;

/** The articles as CSV. Names in a list column are joined with 、 (the Chinese enumeration comma). */
export function* articlesCsv(articles: Iterable<ExportArticle>, ctx: ExportContext): Generator<string> {
  yield `${BOM}${csvRecord([...CSV_COLUMNS])}\r\n`;
  let piece = '';
  let n = 0;
  for (const a of articles) {
    piece += `${csvRecord([
      a.ref, a.file, a.paper, a.bulletinDate, a.date, a.district, a.kind, a.column, a.kicker, a.headline,
      a.subtitle, a.lead, a.dateline, a.byline, a.reporters.join('、'), a.correspondents.join('、'), a.credit,
      a.body, a.story, a.printings, link(ctx, a) || null,
    ])}\r\n`;
    if (++n % PIECE === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** The articles as JSON Lines: one object per line, `\n` line ends, no BOM. */
export function* articlesJsonl(articles: Iterable<ExportArticle>, ctx: ExportContext): Generator<string> {
  let piece = '';
  let n = 0;
  for (const a of articles) {
    const l = link(ctx, a);
    piece += `${JSON.stringify(l ? { ...a, link: l } : a)}\n`;
    if (++n % PIECE === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** What would start Markdown syntax at the start of a line: a heading, quote, list, rule, table
 *  or fence mark (escaped by a backslash before it), or an ordered-list number (before its dot). */
const LINE_START = /^(\s*)([#>+\-*=|]|```|~~~)/;
const ORDERED = /^(\s*\d+)([.)])/;

/** A line of text made safe to print as Markdown text (no accidental headings, lists, HTML). */
export function markdownText(line: string): string {
  return line
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(LINE_START, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(ORDERED, (_m, num: string, mark: string) => `${num}\\${mark}`);
}

function heading(ctx: ExportContext): string {
  const q = ctx.query ? `“${ctx.query}”` : '全部文章 (all articles)';
  const chips = ctx.filters.length ? ` · ${ctx.filters.join(' · ')}` : '';
  return `# 本报讯 Baoxun: ${markdownText(q)}${markdownText(chips)}\n\n${ctx.total} 篇 (articles) · ${ctx.exportedAt}\n`;
}

/** The articles as Markdown: a heading for the search, then each article with its facts and body. */
export function* articlesMarkdown(articles: Iterable<ExportArticle>, ctx: ExportContext): Generator<string> {
  yield heading(ctx);
  let piece = '';
  let n = 0;
  for (const a of articles) {
    const facts = [a.paper, a.bulletinDate ?? a.date, a.district, a.column, a.byline].filter(Boolean).map((s) => markdownText(String(s)));
    const l = link(ctx, a);
    const blocks = ['---'];
    if (a.kicker) blocks.push(`*${markdownText(a.kicker)}*`);
    blocks.push(`## ${markdownText(a.headline)}`);
    if (a.subtitle) blocks.push(`**${markdownText(a.subtitle)}**`);
    blocks.push(`${facts.join(' · ')}${facts.length ? ' · ' : ''}\`${a.ref}\`${l ? ` · [链接 link](${l})` : ''}`);
    for (const p of a.body.split('\n')) if (p.trim()) blocks.push(markdownText(p.trim()));
    blocks.push(`*${markdownText(a.file)}*`);
    piece += `\n${blocks.join('\n\n')}\n`;
    if (++n % 100 === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** The writer, file extension and media type of each format. */
export const ARTICLE_FORMATS: Record<ArticleFormat, {
  write: (articles: Iterable<ExportArticle>, ctx: ExportContext) => Generator<string>;
  extension: string;
  mime: string;
}> = {
  csv: { write: articlesCsv, extension: 'csv', mime: 'text/csv;charset=utf-8' },
  jsonl: { write: articlesJsonl, extension: 'jsonl', mime: 'application/jsonl;charset=utf-8' },
  md: { write: articlesMarkdown, extension: 'md', mime: 'text/markdown;charset=utf-8' },
};

/** A file name for an export: baoxun-<query>-<date>.<ext>, safe on every file system. */
export function exportFileName(query: string, extension: string, exportedAt: string): string {
  const q = query.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return `baoxun${q ? `-${q}` : ''}-${exportedAt.slice(0, 10)}.${extension}`;
}
