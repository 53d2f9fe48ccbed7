// A corpus file of another schema version (saved by an older page, or built by an older command
// line) cannot be opened as it is, but its bulletins' texts can: they are parsed, segmented and
// indexed again by today's code into a new corpus, keeping each bulletin's name, origin and
// SHA-256 (so links to its articles keep working) and the user's work that is keyed to them:
// paper/date corrections, the dedup desk's split/merge decisions and the dictionary words.
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { fileIdentity } from '../dedup/file-identity';
import { segmentArticle } from '../ingest/ingest-file';
import { parseBulletin } from '../parse';
import type { Segmenter } from '../segment';
import { CorpusStore } from '../store/corpus-store';
import type { BulletinSource } from '../store/types';
import type { Encoding, ParsedBulletin } from '../types';

/** What a rebuild kept and what it could not. */
export interface RebuildReport {
  bulletins: number;
  articles: number;
  corrections: number;
  /** Rows copied from tables of the user's decisions (story_overrides, user_words). */
  decisions: number;
}

/** Tables of user decisions that do not depend on article ids, copied as they are: those keyed
 *  by article references (sha256.index) and the user's dictionary words. */
export const REFERENCE_KEYED_TABLES = ['story_overrides', 'user_words'] as const;

type Row = Record<string, SqlValue>;

function rows(db: Database, sql: string): Row[] {
  const res = db.exec(sql)[0];
  return (res?.values ?? []).map((v) => Object.fromEntries(res!.columns.map((c, i) => [c, v[i]])));
}

function columns(db: Database, table: string): string[] {
  return rows(db, `PRAGMA table_info("${table}")`).map((r) => String(r.name));
}

const text = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));

/**
 * Build a new corpus (a new store the caller closes) from the bulletin texts of `old`, with
 * today's parser and schema. `old` must have a `bulletins` table with name and text.
 */
export function rebuildFromTexts(SQL: SqlJsStatic, old: Database, segmenter: Segmenter): { store: CorpusStore; report: RebuildReport } {
  const have = new Set(columns(old, 'bulletins'));
  if (!have.has('name') || !have.has('text')) throw new Error('the file\'s bulletins table has no texts to rebuild the corpus from');
  const col = (c: string, fallback = 'NULL') => (have.has(c) ? c : `${fallback} AS ${c}`);
  const tables = new Set(rows(old, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));
  const corrections = new Map<string, { paper: string | null; date: string | null; inferredPaper: string | null; inferredDate: string | null; at: string }>();
  if (tables.has('bulletin_corrections')) {
    for (const r of rows(old, 'SELECT * FROM bulletin_corrections')) {
      corrections.set(String(r.sha256), {
        paper: text(r.paper), date: text(r.date), inferredPaper: text(r.inferred_paper),
        inferredDate: text(r.inferred_date), at: text(r.corrected_at) ?? new Date().toISOString(),
      });
    }
  }
  const store = CorpusStore.create(SQL);
  const report: RebuildReport = { bulletins: 0, articles: 0, corrections: 0, decisions: 0 };
  try {
    const list = rows(old, `SELECT name, ${col('path', 'name')}, ${col('source', "'file'")}, ${col('sha256', "''")},
      ${col('size', 'length(text)')}, ${col('encoding')}, ${col('bom', '0')}, ${col('error')}, text
      FROM bulletins ORDER BY ${have.has('added_order') ? 'added_order' : 'rowid'}`);
    for (const b of list) {
      const name = String(b.name);
      const sha256 = String(b.sha256 ?? '');
      const error = text(b.error);
      const body = String(b.text ?? '');
      const fix = corrections.get(sha256);
      let parsed: ParsedBulletin | null = null;
      let failure = error;
      if (!failure) {
        try {
          parsed = parseBulletin(body, { fileName: name, paper: fix?.paper ?? null, date: fix?.date ?? null });
        } catch (e) {
          failure = `the parser failed: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      const added = store.addBulletin({
        name, path: String(b.path ?? name), source: String(b.source ?? 'file') as BulletinSource, sha256,
        size: Number(b.size ?? 0), encoding: text(b.encoding) as Encoding | null, bom: Number(b.bom) === 1,
        error: failure, text: body, parsed: failure ? null : parsed,
        segments: parsed && !failure ? parsed.articles.map((a) => segmentArticle(segmenter, a)) : [],
        textIdentity: failure ? null : fileIdentity(body),
      });
      report.bulletins++;
      report.articles += added.articles;
      if (fix && (fix.paper !== null || fix.date !== null) && !failure) {
        store.db.run(`INSERT OR REPLACE INTO bulletin_corrections (bulletin_id, sha256, paper, date,
          inferred_paper, inferred_date, corrected_at) VALUES (?,?,?,?,?,?,?)`,
        [added.id, sha256, fix.paper, fix.date, fix.inferredPaper, fix.inferredDate, fix.at]);
        report.corrections++;
      }
    }
    const mine = new Set(rows(store.db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));
    for (const t of REFERENCE_KEYED_TABLES) {
      if (!tables.has(t) || !mine.has(t)) continue;
      const common = columns(old, t).filter((c) => columns(store.db, t).includes(c));
      for (const r of rows(old, `SELECT ${common.map((c) => `"${c}"`).join(', ')} FROM "${t}"`)) {
        store.db.run(`INSERT OR IGNORE INTO "${t}" (${common.map((c) => `"${c}"`).join(', ')})
          VALUES (${common.map(() => '?').join(', ')})`, common.map((c) => r[c]));
        report.decisions++;
      }
    }
  } catch (e) {
    store.close();
    throw e;
  }
  return { store, report };
}
