// What the read-only SQL console hands back: result sets, failures and the browsable schema.
// Plain data only, so every value crosses postMessage between the console worker and the page.

/** One cell as sql.js returns it. */
export type SqlCell = string | number | Uint8Array | null;

/** The rows of the last statement that returned columns, and how long the batch took. */
export interface ConsoleResult {
  columns: string[];
  rows: SqlCell[][];
  /** True when the statement had more rows than the console keeps (`maxRows`). */
  truncated: boolean;
  /** How many statements ran (a batch may hold several, separated by `;`). */
  statements: number;
  /** Wall time of the batch in the console worker, in milliseconds. */
  ms: number;
}

/** Why a batch did not run: a write was refused, SQLite said no, or there was nothing to run. */
export type ConsoleFailureCode = 'read-only' | 'sql' | 'empty';

/** A failure with the statement it concerns (trimmed), for the inline error. */
export interface ConsoleFailure {
  code: ConsoleFailureCode;
  /** A sentence in English (SQLite's own message for `sql`). */
  message: string;
  /** The first characters of the statement at fault, when there is one. */
  statement?: string;
  /** For `read-only`: the statement's first keyword (DROP, DELETE, ATTACH …). */
  keyword?: string;
}

/** One column of a table in the schema browser. */
export interface SchemaColumn {
  name: string;
  /** Declared type ('' for FTS columns, which have none). */
  type: string;
  pk: boolean;
  notNull: boolean;
  /** The column's line in docs/schema.md, when documented. */
  doc: string | null;
}

/** One table (or view) of the console's database. */
export interface SchemaTable {
  name: string;
  kind: 'table' | 'view' | 'virtual';
  /** Row count, or null where counting is not cheap (virtual tables, views). */
  rows: number | null;
  /** The table's line in docs/schema.md, when documented. */
  doc: string | null;
  columns: SchemaColumn[];
}
