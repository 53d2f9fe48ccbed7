// Running what a user types in the SQL console, read-only, on the console's own copy of the
// corpus. Every statement of a batch is screened before any of them runs, so `SELECT 1; DROP
// TABLE articles` does nothing at all; the copy is opened with `PRAGMA query_only=1` as well.
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { refusal, splitStatements } from './statement-screen';
import type { ConsoleFailure, ConsoleResult, SqlCell } from './types';

/** Rows kept from one result by default (the grid scrolls 100k rows; memory is the limit). */
export const DEFAULT_MAX_ROWS = 200_000;

/** A failure thrown by `runConsoleSql`, carrying what the page shows inline. */
export class ConsoleError extends Error {
  constructor(readonly failure: ConsoleFailure) {
    super(failure.message);
    this.name = 'ConsoleError';
  }
}

/** The first characters of a statement, on one line, for messages. */
export function statementPreview(statement: string, max = 80): string {
  const flat = statement.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Open a snapshot of the corpus (bytes from `db.export()`) as a query-only database. */
export function openConsoleDatabase(SQL: SqlJsStatic, bytes: Uint8Array): Database {
  const db = new SQL.Database(bytes);
  db.run('PRAGMA query_only = 1');
  return db;
}

const READ_ONLY_SQLITE = /attempt to write a readonly database/i;

function failure(e: unknown, statement?: string): ConsoleError {
  if (e instanceof ConsoleError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const code = READ_ONLY_SQLITE.test(message) ? 'read-only' : 'sql';
  return new ConsoleError({ code, message, ...(statement ? { statement: statementPreview(statement) } : {}) });
}

/** Every statement of a batch, screened as text; throws before anything runs if one may not. */
function screenBatch(sql: string): string[] {
  const texts = splitStatements(sql);
  for (const text of texts) {
    const refused = refusal(text);
    if (refused) {
      throw new ConsoleError({
        code: 'read-only', keyword: refused.keyword, statement: statementPreview(text),
        message: `the console is read-only: ${refused.keyword} is not allowed (only SELECT, WITH, VALUES, EXPLAIN and schema PRAGMAs run)`,
      });
    }
  }
  if (!texts.length) throw new ConsoleError({ code: 'empty', message: 'there is no statement to run' });
  return texts;
}

/**
 * Run a batch on the console database and return the rows of its last statement that returned
 * columns (at most `maxRows`). Throws a ConsoleError; the database is never changed.
 */
export function runConsoleSql(db: Database, sql: string, maxRows = DEFAULT_MAX_ROWS): ConsoleResult {
  const started = performance.now();
  const texts = screenBatch(sql);
  let result: Pick<ConsoleResult, 'columns' | 'rows' | 'truncated'> = { columns: [], rows: [], truncated: false };
  for (const text of texts) {
    let st: Statement | null = null;
    try {
      st = db.prepare(text);
      const columns = st.getColumnNames();
      const rows: SqlCell[][] = [];
      let truncated = false;
      while (st.step()) {
        if (rows.length >= maxRows) {
          truncated = true; // the rest is not read: it may be endless
          break;
        }
        rows.push(st.get() as SqlCell[]);
      }
      if (columns.length) result = { columns, rows, truncated };
    } catch (e) {
      throw failure(e, text);
    } finally {
      st?.free();
    }
  }
  return { ...result, statements: texts.length, ms: performance.now() - started };
}
