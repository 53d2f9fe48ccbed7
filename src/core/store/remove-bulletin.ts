// Removing one bulletin from the corpus: its articles, their full-text rows, their search rows
// and story assignments, its fragments and its correction, all in one transaction. See
// docs/schema.md ("Removing a bulletin").
import type { SqlValue } from 'sql.js';
import type { CorpusStore } from './corpus-store';
import { SearchIndexWriter } from './search-index';

/** What removing a bulletin took away. */
export interface RemovedBulletin {
  id: number;
  name: string;
  articles: number;
  fragments: number;
}

function ids(store: CorpusStore, sql: string, params: SqlValue[]): number[] {
  return (store.db.exec(sql, params)[0]?.values ?? []).map((r) => Number(r[0]));
}

/**
 * Remove bulletin `id` and everything derived from it. Returns null when there is no such
 * bulletin. Other articles that were printings of the same story as a removed article become
 * their own story until the reprints are clustered again (the worker does that next).
 * Tables that reference `bulletins` with ON DELETE CASCADE lose their rows for it too.
 */
export function removeBulletin(store: CorpusStore, id: number): RemovedBulletin | null {
  const db = store.db;
  const found = db.exec('SELECT name FROM bulletins WHERE id = ?', [id])[0]?.values[0];
  if (!found) return null;
  const articleIds = ids(store, 'SELECT id FROM articles WHERE bulletin_id = ? ORDER BY id', [id]);
  const fragments = Number(db.exec('SELECT count(*) FROM fragments WHERE bulletin_id = ?', [id])[0]?.values[0]?.[0] ?? 0);
  const search = new SearchIndexWriter(db);
  // Foreign keys are off by default in SQLite; on for this delete so that tables declaring
  // ON DELETE CASCADE (duplicate_files, say) follow. It cannot change inside a transaction.
  db.run('PRAGMA foreign_keys = ON');
  db.run('BEGIN');
  try {
    for (const a of articleIds) {
      // An external-content FTS4 row is deleted while its article row still holds the text.
      db.run('DELETE FROM articles_fts WHERE docid = ?', [a]);
      search.remove(a);
    }
    if (articleIds.length) {
      const list = articleIds.join(',');
      db.run(`UPDATE search_docs SET story_id = id WHERE story_id IN (${list})`);
    }
    db.run('DELETE FROM fragments WHERE bulletin_id = ?', [id]);
    db.run('DELETE FROM articles WHERE bulletin_id = ?', [id]);
    db.run('DELETE FROM bulletin_corrections WHERE bulletin_id = ?', [id]);
    db.run('DELETE FROM bulletins WHERE id = ?', [id]);
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  } finally {
    db.run('PRAGMA foreign_keys = OFF');
    search.free();
  }
  store.forgetCaches();
  return { id, name: String(found[0] ?? ''), articles: articleIds.length, fragments };
}
