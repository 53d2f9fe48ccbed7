// Mapping between SQLite rows and the shared types. JSON columns are parsed here only, so a
// malformed value (hand-edited in the SQL console, say) degrades to an empty value, not a crash.
import type { SqlValue } from 'sql.js';
import type { Article, ArticleKind, ArticleSpans, Encoding, Flag, Repair } from '../types';
import type { BulletinRow, BulletinSource } from './types';

/** A result row keyed by column name. */
export type Row = Record<string, SqlValue>;

/** A nullable text column. */
export function str(v: SqlValue | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** A numeric column (0 when null). */
export function num(v: SqlValue | undefined): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function json<T>(v: SqlValue | undefined, fallback: T): T {
  if (typeof v !== 'string') return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

/** An Article from a full `articles` row. */
export function articleFromRow(r: Row): Article {
  return {
    kicker: str(r.kicker),
    headline: str(r.headline) ?? '',
    subtitle: str(r.subtitle),
    column: str(r.column_name),
    kind: (str(r.kind) ?? 'news') as ArticleKind,
    lead: str(r.lead),
    dateline: str(r.dateline),
    date: str(r.date),
    byline: str(r.byline),
    reporters: json<string[]>(r.reporters, []),
    correspondents: json<string[]>(r.correspondents, []),
    credit: str(r.credit),
    district: str(r.district),
    body: str(r.body) ?? '',
    original: str(r.original) ?? '',
    repairs: json<Repair[]>(r.repairs, []),
    flags: json<Flag[]>(r.flags, []),
    spans: json<ArticleSpans>(r.spans, {
      article: { start: num(r.start_offset), end: num(r.end_offset) },
      paragraphs: [],
    }),
  };
}

/** The column values of an article, in the order of the insert statement's placeholders. */
export function articleValues(bulletinId: number, idx: number, a: Article): SqlValue[] {
  return [
    bulletinId, idx, a.kicker, a.headline, a.subtitle, a.column, a.kind, a.lead, a.dateline,
    a.date, a.byline, JSON.stringify(a.reporters ?? []), JSON.stringify(a.correspondents ?? []),
    a.credit, a.district, a.body, a.original, JSON.stringify(a.repairs ?? []),
    JSON.stringify(a.flags ?? []), JSON.stringify(a.spans ?? {}),
    a.spans?.article?.start ?? 0, a.spans?.article?.end ?? 0,
  ];
}

/** A BulletinRow from a `bulletins` row (without its text). */
export function bulletinFromRow(r: Row): BulletinRow {
  return {
    id: num(r.id),
    addedOrder: num(r.added_order),
    name: str(r.name) ?? '',
    path: str(r.path) ?? '',
    source: (str(r.source) ?? 'file') as BulletinSource,
    sha256: str(r.sha256) ?? '',
    size: num(r.size),
    encoding: str(r.encoding) as Encoding | null,
    error: str(r.error),
    paper: str(r.paper),
    date: str(r.date),
    articles: num(r.article_count),
    fragments: num(r.fragment_count),
  };
}
