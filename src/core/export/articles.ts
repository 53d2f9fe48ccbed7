// The articles of a result set as export rows: every field a reader of a spreadsheet or a
// script wants, flattened (the bulletin's file, paper and date beside the article's own), read
// in the order of the ids given (the order of the results on screen).
import type { Database, SqlValue } from 'sql.js';
import { articleRef } from '../query/ref';

/** One article as the exports write it. */
export interface ExportArticle {
  /** `<sha256 prefix>.<index>`: the reference links use, stable across visits. */
  ref: string;
  id: number;
  file: string;
  paper: string | null;
  /** The bulletin's (issue) date. */
  bulletinDate: string | null;
  /** The article's own date when a year is known. */
  date: string | null;
  district: string | null;
  kind: string;
  column: string | null;
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  lead: string | null;
  dateline: string | null;
  byline: string | null;
  reporters: string[];
  correspondents: string[];
  credit: string | null;
  body: string;
  /** The story it is a printing of (the id of the story's shown printing). */
  story: number;
  /** How many printings the story has in the corpus. */
  printings: number;
}

/** Ids read per statement. */
const CHUNK = 400;

const SELECT = `SELECT a.id, a.idx, a.kind, a.column_name, a.kicker, a.headline, a.subtitle, a.lead,
  a.dateline, a.date, a.byline, a.reporters, a.correspondents, a.credit, a.district, a.body,
  b.name AS file, b.sha256, b.paper, b.date AS bulletin_date,
  coalesce(d.story_id, a.id) AS story,
  (SELECT count(*) FROM search_docs s WHERE s.story_id = coalesce(d.story_id, a.id)) AS printings
  FROM articles a JOIN bulletins b ON b.id = a.bulletin_id LEFT JOIN search_docs d ON d.id = a.id`;

function text(v: SqlValue | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

function list(v: SqlValue | undefined): string[] {
  if (typeof v !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** The export rows of these article ids, in the order given (unknown ids are left out). */
export function* exportArticles(db: Database, ids: readonly number[]): Generator<ExportArticle> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK).filter((n) => Number.isInteger(n));
    if (!chunk.length) continue;
    const res = db.exec(`${SELECT} WHERE a.id IN (${chunk.join(',')})`)[0];
    const byId = new Map<number, ExportArticle>();
    for (const r of res?.values ?? []) {
      const row = Object.fromEntries(res!.columns.map((c, k) => [c, r[k]]));
      byId.set(Number(row.id), {
        ref: articleRef(String(row.sha256 ?? ''), Number(row.idx)),
        id: Number(row.id),
        file: String(row.file ?? ''),
        paper: text(row.paper),
        bulletinDate: text(row.bulletin_date),
        date: text(row.date),
        district: text(row.district),
        kind: String(row.kind ?? 'news'),
        column: text(row.column_name),
        kicker: text(row.kicker),
        headline: String(row.headline ?? ''),
        subtitle: text(row.subtitle),
        lead: text(row.lead),
        dateline: text(row.dateline),
        byline: text(row.byline),
        reporters: list(row.reporters),
        correspondents: list(row.correspondents),
        credit: text(row.credit),
        body: String(row.body ?? ''),
        story: Number(row.story),
        printings: Number(row.printings) || 1,
      });
    }
    for (const id of chunk) {
      const a = byId.get(id);
      if (a) yield a;
    }
  }
}
