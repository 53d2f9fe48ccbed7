// A corpus as a file: checking that some bytes are a Baoxun corpus (an SQLite database with the
// schema of docs/schema.md), and putting such a file's content in place of the corpus a store
// holds. The content is copied into the store's own connection rather than swapping connections,
// so everything that holds the connection (the searcher, the dedup and people engines, the SQL
// console's revision counter) keeps working and only needs the reset it gets after "clear".
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { CorpusStore } from './corpus-store';
import { SCHEMA_VERSION } from './schema';
import { ensureUserWordsTable } from './user-words';

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_MAGIC = 'SQLite format 3\0';

/** Tables a corpus file must hold to be opened as it is. */
export const REQUIRED_TABLES = ['meta', 'bulletins', 'articles', 'fragments', 'articles_fts', 'search_docs'] as const;

/** Why a file cannot be opened as a corpus. */
export type CorpusFileProblem = 'empty' | 'not-sqlite' | 'damaged' | 'not-corpus' | 'schema-version';

/** A file that is not a corpus this page can open, with a sentence saying why. */
export class CorpusFileError extends Error {
  constructor(
    readonly problem: CorpusFileProblem,
    message: string,
    /** For 'schema-version': the version the file has (null when it has none). */
    readonly foundVersion: number | null = null,
  ) {
    super(message);
    this.name = 'CorpusFileError';
  }
}

/** What a corpus file holds, read before it is opened. */
export interface CorpusFileFacts {
  schemaVersion: number | null;
  bulletins: number;
  articles: number;
  /** Tables the file lacks of REQUIRED_TABLES. */
  missing: string[];
}

/** True when the bytes start like an SQLite 3 database. */
export function looksLikeSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

function scalar(db: Database, sql: string, params: SqlValue[] = []): SqlValue | undefined {
  return db.exec(sql, params)[0]?.values[0]?.[0];
}

/** Read the facts of an open database in schema `schema` ('main' or an attached name). */
function readFacts(db: Database, schema = 'main'): CorpusFileFacts {
  const tables = new Set(
    (db.exec(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`)[0]?.values ?? []).map((r) => String(r[0])),
  );
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  const version = tables.has('meta') ? scalar(db, `SELECT value FROM ${schema}.meta WHERE key = 'schema_version'`) : undefined;
  const count = (t: string) => (tables.has(t) ? Number(scalar(db, `SELECT count(*) FROM ${schema}.${t}`) ?? 0) : 0);
  const n = version === undefined || version === null ? NaN : Number(version);
  return {
    schemaVersion: Number.isInteger(n) ? n : null,
    bulletins: count('bulletins'),
    articles: count('articles'),
    missing,
  };
}

/**
 * Open bytes as a database and check that they are a corpus. Returns the open database (the
 * caller closes it) and its facts; throws CorpusFileError for anything else. A file of another
 * schema version is returned too when `allowOtherVersion` is set (it can be rebuilt from its
 * bulletin texts, see src/core/persist/rebuild.ts); otherwise that is an error as well.
 */
export function openCorpusFile(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  opts: { allowOtherVersion?: boolean } = {},
): { db: Database; facts: CorpusFileFacts } {
  if (bytes.length === 0) throw new CorpusFileError('empty', 'the file is empty');
  if (!looksLikeSqlite(bytes)) {
    throw new CorpusFileError('not-sqlite', 'this is not an SQLite database (a corpus file exported by Baoxun or built by its command line ends in .sqlite)');
  }
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (e) {
    throw new CorpusFileError('damaged', `the database cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const check = String(scalar(db, 'PRAGMA quick_check') ?? '');
    if (check !== 'ok') throw new CorpusFileError('damaged', `the database is damaged (${check.slice(0, 200)})`);
    const facts = migrateInPlace(db, readFacts(db));
    if (facts.missing.includes('bulletins')) {
      throw new CorpusFileError('not-corpus', 'this SQLite database is not a Baoxun corpus: it has no bulletins table');
    }
    if (facts.schemaVersion !== SCHEMA_VERSION || facts.missing.length) {
      if (!opts.allowOtherVersion) {
        throw new CorpusFileError('schema-version', facts.schemaVersion === null
          ? 'this database has no schema version: it was not made by Baoxun'
          : `the corpus has schema version ${facts.schemaVersion}; this page reads version ${SCHEMA_VERSION}`, facts.schemaVersion);
      }
    }
    return { db, facts };
  } catch (e) {
    db.close();
    if (e instanceof CorpusFileError) throw e;
    throw new CorpusFileError('damaged', `the database cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Bring a file of an older version up to this page's in place when the change between them is
 * only additive (a new table), so it opens as it is instead of being rebuilt from its texts.
 * 5 → 6: the `user_words` table. Returns the facts after the migration.
 */
function migrateInPlace(db: Database, facts: CorpusFileFacts): CorpusFileFacts {
  if (facts.schemaVersion !== 5 || facts.missing.length || SCHEMA_VERSION !== 6) return facts;
  ensureUserWordsTable(db);
  db.run("UPDATE meta SET value = ? WHERE key = 'schema_version'", [String(SCHEMA_VERSION)]);
  return readFacts(db);
}

interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

function objects(db: Database, schema: string): SchemaObject[] {
  const res = db.exec(`SELECT type, name, tbl_name, sql FROM ${schema}.sqlite_master ORDER BY rowid`)[0];
  return (res?.values ?? []).map((r) => ({ type: String(r[0]), name: String(r[1]), tblName: String(r[2]), sql: r[3] === null ? null : String(r[3]) }));
}

const isVirtual = (o: SchemaObject) => o.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(o.sql ?? '');
const isInternal = (name: string) => name.startsWith('sqlite_');
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drop every table, view and trigger of the main schema (virtual tables take their shadows). */
function dropEverything(db: Database): void {
  const all = objects(db, 'main');
  for (const o of all.filter((x) => x.type === 'trigger' || x.type === 'view')) db.run(`DROP ${o.type.toUpperCase()} IF EXISTS ${quote(o.name)}`);
  for (const o of all.filter(isVirtual)) db.run(`DROP TABLE IF EXISTS ${quote(o.name)}`);
  for (const o of objects(db, 'main').filter((x) => x.type === 'table' && !isInternal(x.name))) db.run(`DROP TABLE IF EXISTS ${quote(o.name)}`);
}

/** The name the store's database has in sql.js's in-memory file system. */
function fileNameOf(db: Database): string {
  const name = (db as unknown as { filename?: unknown }).filename;
  if (typeof name !== 'string') throw new Error('this sql.js build does not name its database files');
  return name;
}

/**
 * Put the content of `incoming` (an open corpus database, from openCorpusFile) in place of the
 * store's, in one transaction: on any failure the store keeps what it had. Tables the store has
 * and the file lacks (tables other parts of the page create, such as the people index) are
 * created again, empty. The caller resets whatever it derived from the old content (as after
 * clear) and closes `incoming` afterwards.
 */
export function replaceCorpusContent(store: CorpusStore, incoming: Database): void {
  const db = store.db;
  const before = objects(db, 'main');
  db.run('ATTACH DATABASE ? AS incoming', [fileNameOf(incoming)]);
  try {
    db.run('BEGIN');
    try {
      dropEverything(db);
      const theirs = objects(db, 'incoming');
      // Virtual tables first: creating one creates its shadow tables, which are then filled.
      for (const o of theirs.filter(isVirtual)) db.run(o.sql!);
      const have = () => new Set(objects(db, 'main').map((o) => o.name));
      let present = have();
      for (const o of theirs) {
        if (o.type !== 'table' || isVirtual(o) || isInternal(o.name) || present.has(o.name) || !o.sql) continue;
        db.run(o.sql);
      }
      present = have();
      for (const o of theirs) {
        if (o.type !== 'table' || isVirtual(o) || (isInternal(o.name) && o.name !== 'sqlite_sequence')) continue;
        if (!present.has(o.name)) continue;
        db.run(`INSERT INTO main.${quote(o.name)} SELECT * FROM incoming.${quote(o.name)}`);
      }
      for (const o of theirs) if ((o.type === 'index' || o.type === 'trigger' || o.type === 'view') && o.sql) db.run(o.sql);
      // What the page had that the file lacks, created again (empty), so no part of the page
      // finds a table missing.
      present = have();
      const missing = before.filter((o) => o.sql && !isInternal(o.name) && !present.has(o.name));
      for (const o of missing.filter(isVirtual)) db.run(o.sql!);
      present = have();
      for (const o of missing) {
        if (o.type === 'table' && !isVirtual(o) && !present.has(o.name)) db.run(o.sql!);
      }
      present = have();
      for (const o of missing) {
        if ((o.type === 'index' || o.type === 'trigger') && !present.has(o.name) && present.has(o.tblName)) db.run(o.sql!);
      }
      db.run('COMMIT');
    } catch (e) {
      db.run('ROLLBACK');
      throw e;
    }
  } finally {
    db.run('DETACH DATABASE incoming');
  }
  store.forgetCaches();
}

/** How many bytes the store's database takes (its pages, free pages excluded). */
export function corpusByteSize(db: Database): number {
  const n = (sql: string) => Number(scalar(db, sql) ?? 0);
  return (n('PRAGMA page_count') - n('PRAGMA freelist_count')) * n('PRAGMA page_size');
}
