// A copy of the corpus database for the SQL console, which runs user SQL in its own worker on
// its own copy: nothing typed there can reach the corpus. `revision` lets the console ask for a
// new copy only when the corpus has changed since the one it holds.
import type { CorpusStore } from './corpus-store';

/** The corpus as database bytes, or null bytes when the caller's copy is still current. */
export interface CorpusSnapshot {
  /** Rises with every write to the corpus (SQLite's total_changes() of the connection). */
  revision: number;
  /** The database file (from db.export()), null when `since` equals `revision`. */
  bytes: Uint8Array | null;
}

/** How many rows the corpus connection has ever changed: a counter that only rises. */
export function corpusRevision(store: CorpusStore): number {
  return Number(store.db.exec('SELECT total_changes()')[0]?.values[0]?.[0] ?? 0);
}

/** The corpus bytes, unless the caller's copy (taken at revision `since`) is still current. */
export function corpusSnapshot(store: CorpusStore, since: number | null): CorpusSnapshot {
  const revision = corpusRevision(store);
  if (since === revision) return { revision, bytes: null };
  // sql.js exports through SQLite's backup API: the corpus connection and its prepared
  // statements stay open and untouched.
  return { revision, bytes: store.db.export() };
}
