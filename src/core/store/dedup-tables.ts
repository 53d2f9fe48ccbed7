// The dedup stage's tables (docs/schema.md): files not loaded because they hold a bulletin that
// is already loaded (level 1), and the user's decisions about reprinted stories (level 2), kept
// per pair of printings and keyed by article references (bulletin SHA-256 + position), so a
// decision survives re-clustering, a reload of the same files, and (later) a saved corpus.
import type { Database } from 'sql.js';

/** Statements that create the dedup tables (appended to SCHEMA_SQL). */
export const DEDUP_SCHEMA_SQL = `
CREATE TABLE duplicate_files (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  size          INTEGER NOT NULL,
  encoding      TEXT,
  duplicate_of  INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  match         TEXT NOT NULL CHECK (match IN ('bytes', 'text'))
);

CREATE TABLE story_overrides (
  a_ref       TEXT NOT NULL,
  b_ref       TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('apart', 'together')),
  seq         INTEGER NOT NULL,
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (a_ref, b_ref),
  CHECK (a_ref < b_ref)
) WITHOUT ROWID;
CREATE INDEX story_overrides_seq ON story_overrides(seq);
`;

/** Statements that remove the dedup tables (before SCHEMA_SQL recreates everything). */
export const DEDUP_DROP_SQL = 'DROP TABLE story_overrides; DROP TABLE duplicate_files;';

/** A file that was not loaded because the same bulletin already is. */
export interface DuplicateFile {
  name: string;
  sha256: string;
  size: number;
  encoding: string | null;
  /** The loaded bulletin it duplicates. */
  duplicateOf: number;
  /** bytes: the very same bytes; text: the same text after decoding and whitespace (another
   *  encoding, other line ends or wrapping). */
  match: 'bytes' | 'text';
}

/** Record a file skipped as a duplicate. */
export function recordDuplicateFile(db: Database, f: DuplicateFile): void {
  db.run('INSERT INTO duplicate_files (name, sha256, size, encoding, duplicate_of, match) VALUES (?,?,?,?,?,?)', [
    f.name, f.sha256, f.size, f.encoding, f.duplicateOf, f.match,
  ]);
}

/** A user's decision about two printings, as stored. */
export interface StoredDecision {
  /** Article references `<bulletin sha256>.<idx>`, a < b. */
  a: string;
  b: string;
  together: boolean;
  /** One number per user action (a split or a merge writes several pairs with the same seq). */
  seq: number;
  decidedAt: string;
}

/** The full-length reference of an article: the bulletin's SHA-256 and the article's position. */
export function storyRef(sha256: string, idx: number): string {
  return `${sha256}.${idx}`;
}

/** Record one user action: each pair gets the decision, replacing an earlier one on it. Returns
 *  the action's seq. */
export function recordDecisions(db: Database, pairs: Array<[string, string]>, together: boolean, at = new Date().toISOString()): number {
  const seq = Number(db.exec('SELECT coalesce(max(seq), 0) + 1 FROM story_overrides')[0]?.values[0]?.[0] ?? 1);
  db.run('BEGIN');
  try {
    const s = db.prepare(`INSERT OR REPLACE INTO story_overrides (a_ref, b_ref, decision, seq, decided_at)
      VALUES (?, ?, ?, ?, ?)`);
    try {
      for (const [x, y] of pairs) {
        if (x === y) continue;
        const [a, b] = x < y ? [x, y] : [y, x];
        s.run([a, b, together ? 'together' : 'apart', seq, at]);
      }
    } finally {
      s.free();
    }
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  }
  return seq;
}

/** Every stored decision, oldest first. */
export function readDecisions(db: Database): StoredDecision[] {
  const rows = db.exec('SELECT a_ref, b_ref, decision, seq, decided_at FROM story_overrides ORDER BY seq, a_ref, b_ref')[0]?.values ?? [];
  return rows.map(([a, b, d, seq, at]) => ({ a: String(a), b: String(b), together: d === 'together', seq: Number(seq), decidedAt: String(at) }));
}

/** Undo one user action (the pairs it decided that no later action decided again). */
export function deleteDecision(db: Database, seq: number): number {
  db.run('DELETE FROM story_overrides WHERE seq = ?', [seq]);
  return db.getRowsModified();
}
