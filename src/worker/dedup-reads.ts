// The corpus reads of the dedup desk: counts of repairs and fragments, the duplicate files, the
// printings of clusters, and the mapping between article ids and the references decisions are
// kept under (`<bulletin sha256>.<idx>`, stable across visits; docs/schema.md).
import type { Database, SqlValue } from 'sql.js';
import { articleRef } from '../core/query/ref';
import type { DuplicateFileRow, PrintingView } from './dedup-protocol';

const rows = (db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] => {
  const s = db.prepare(sql);
  const out: SqlValue[][] = [];
  try {
    s.bind(params);
    while (s.step()) out.push(s.get());
  } finally {
    s.free();
  }
  return out;
};
const text = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));

/** Repairs by type, fragments by reason, duplicate files, decisions. */
export function countFindings(db: Database): {
  repairs: Record<string, number>; fragments: number; orphans: number; duplicateFiles: number; decisions: number;
} {
  const repairs: Record<string, number> = {};
  // json_each over every article's repairs: one pass, no text parsed in JavaScript.
  for (const [type, n] of rows(db, `SELECT json_extract(j.value, '$.type'), count(*) FROM articles a, json_each(
      CASE WHEN json_valid(a.repairs) THEN a.repairs ELSE '[]' END) j GROUP BY 1`)) repairs[String(type)] = Number(n);
  const [[fragments, orphans]] = rows(db, "SELECT count(*), coalesce(sum(reason = 'orphan'), 0) FROM fragments");
  const [[duplicateFiles]] = rows(db, 'SELECT count(*) FROM duplicate_files');
  const [[decisions]] = rows(db, 'SELECT count(DISTINCT seq) FROM story_overrides');
  return { repairs, fragments: Number(fragments), orphans: Number(orphans), duplicateFiles: Number(duplicateFiles), decisions: Number(decisions) };
}

/** Every file skipped as a duplicate, in the order it was given. */
export function readDuplicateFiles(db: Database): DuplicateFileRow[] {
  return rows(db, `SELECT d.name, d.match, d.encoding, b.id, b.name, b.encoding FROM duplicate_files d
      JOIN bulletins b ON b.id = d.duplicate_of ORDER BY d.id`).map(([name, match, enc, id, of, ofEnc]) => ({
    name: String(name), match: match === 'text' ? 'text' : 'bytes', encoding: text(enc),
    of: { id: Number(id), name: String(of), encoding: text(ofEnc) },
  }));
}

/** The printings with these article ids, by id. */
export function readPrintings(db: Database, ids: number[]): Map<number, PrintingView> {
  const out = new Map<number, PrintingView>();
  if (!ids.length) return out;
  const list = ids.map((id) => Math.trunc(id)).join(',');
  for (const r of rows(db, `SELECT a.id, a.idx, a.headline, a.credit, a.body, coalesce(a.date, b.date), b.id, b.name,
      b.paper, b.sha256 FROM articles a JOIN bulletins b ON b.id = a.bulletin_id WHERE a.id IN (${list})`)) {
    const [id, idx, headline, credit, body, date, bulletinId, file, paper, sha] = r;
    out.set(Number(id), {
      articleId: Number(id), ref: articleRef(String(sha), Number(idx)), bulletinId: Number(bulletinId),
      index: Number(idx), file: String(file), paper: text(paper), date: text(date), headline: String(headline ?? ''),
      credit: text(credit), body: String(body ?? ''),
    });
  }
  return out;
}

/** The decision references of these articles (`<sha256>.<idx>`), by id. */
export function refsOf(db: Database, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const list = ids.map((id) => Math.trunc(id)).join(',');
  for (const [id, sha, idx] of rows(db, `SELECT a.id, b.sha256, a.idx FROM articles a JOIN bulletins b
      ON b.id = a.bulletin_id WHERE a.id IN (${list})`)) out.set(Number(id), `${String(sha)}.${Number(idx)}`);
  return out;
}

/** The loaded articles these references name, with headline and file; absent when not loaded. */
export function articlesOfRefs(db: Database, refs: string[]): Map<string, { id: number; headline: string; file: string }> {
  const out = new Map<string, { id: number; headline: string; file: string }>();
  if (!refs.length) return out;
  const s = db.prepare(`SELECT a.id, a.headline, b.name FROM articles a JOIN bulletins b ON b.id = a.bulletin_id
    WHERE b.sha256 = ? AND a.idx = ?`);
  try {
    for (const ref of new Set(refs)) {
      const dot = ref.lastIndexOf('.');
      s.bind([ref.slice(0, dot), Number(ref.slice(dot + 1))]);
      if (s.step()) {
        const [id, headline, file] = s.get();
        out.set(ref, { id: Number(id), headline: String(headline ?? ''), file: String(file) });
      }
      s.reset();
    }
  } finally {
    s.free();
  }
  return out;
}

/** An article's clean body ('' when unknown). */
export function bodyOf(db: Database, id: number): string {
  return String(rows(db, 'SELECT body FROM articles WHERE id = ?', [id])[0]?.[0] ?? '');
}
