// The corpus database of a command-line build, written straight to a file: native SQLite
// (better-sqlite3, an optional dependency compiled at install) behind the part of sql.js's
// Database interface the core uses, so CorpusStore and the search and dedup tables are written by
// the very same code as in the page, but the database lives on disk, not in memory. When
// better-sqlite3 is not installed the build falls back to sql.js (the whole database in memory).
import { createRequire } from 'node:module';
import type { BindParams, Database, QueryExecResult, SqlValue, Statement } from 'sql.js';

/** The slice of better-sqlite3's API used here. */
interface NativeStatement {
  readonly reader: boolean;
  raw(on: boolean): NativeStatement;
  columns(): Array<{ name: string }>;
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[][];
  iterate(...params: unknown[]): IterableIterator<unknown[]>;
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): void;
  pragma(sql: string): unknown;
  close(): void;
}
type NativeConstructor = new (path: string) => NativeDatabase;

/** better-sqlite3's constructor, or null when it is not installed (or failed to build). */
export function nativeSqlite(): NativeConstructor | null {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as NativeConstructor;
  } catch {
    return null;
  }
}

/** Numbered parameters (?1, ?2 … reused in a statement), which better-sqlite3 cannot bind from
 *  an array: rewritten as named ones (@p1, @p2 …). */
const NUMBERED = /\?(\d+)/g;

function rewrite(sql: string): { sql: string; numbered: boolean } {
  const numbered = NUMBERED.test(sql);
  NUMBERED.lastIndex = 0;
  return numbered ? { sql: sql.replace(NUMBERED, '@p$1'), numbered } : { sql, numbered };
}

/** sql.js parameters as better-sqlite3 takes them (named parameters keep their prefix off). */
function params(values: BindParams | undefined, numbered = false): unknown[] {
  if (values === undefined || values === null) return [];
  if (Array.isArray(values) && numbered) return [Object.fromEntries(values.map((v, i) => [`p${i + 1}`, value(v)]))];
  if (Array.isArray(values)) return [values.map(value)];
  const named: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) named[k.replace(/^[:@$]/, '')] = value(v as SqlValue);
  return [named];
}

/** better-sqlite3 binds every JS number as REAL; sql.js binds whole numbers as INTEGER, which
 *  FTS docids require: whole numbers go as BigInt. */
function value(v: SqlValue): unknown {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  return v;
}

/** Numbers come back as numbers (sql.js's behaviour), blobs as Uint8Array. */
function cell(v: unknown): SqlValue {
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v)) return new Uint8Array(v);
  return v as SqlValue;
}

const MANY = 'more than one statement';

/** A statement with sql.js's stepping interface over a better-sqlite3 statement. */
class StepStatement {
  private bound: unknown[] = [];
  private iter: IterableIterator<unknown[]> | null = null;
  private rows: unknown[][] | null = null;
  private at = 0;
  private row: unknown[] | null = null;

  constructor(private readonly owner: NativeSqlJsDatabase, private readonly stmt: NativeStatement, private readonly numbered: boolean) {
    if (stmt.reader) stmt.raw(true);
  }

  bind(values?: BindParams): boolean {
    this.reset();
    this.bound = params(values, this.numbered);
    return true;
  }

  step(): boolean {
    if (!this.stmt.reader) {
      this.owner.beforeStatement(this);
      this.stmt.run(...this.bound);
      return false;
    }
    if (!this.iter && !this.rows) {
      this.owner.beforeStatement(this);
      this.iter = this.stmt.iterate(...this.bound);
      this.owner.opened(this);
    }
    if (this.rows) {
      this.row = this.at < this.rows.length ? this.rows[this.at++] : null;
    } else {
      const next = this.iter!.next();
      this.row = next.done ? null : next.value;
    }
    if (this.row === null) this.reset();
    return this.row !== null;
  }

  /** Another statement is about to run: read the rest of this one's rows now (the native
   *  connection runs one statement at a time), and go on stepping through them. */
  drain(): void {
    if (!this.iter) return;
    const rest: unknown[][] = [];
    for (let n = this.iter.next(); !n.done; n = this.iter.next()) rest.push(n.value);
    this.iter = null;
    this.rows = rest;
    this.at = 0;
  }

  get(): SqlValue[] {
    return (this.row ?? []).map(cell);
  }

  getColumnNames(): string[] {
    return this.stmt.reader ? this.stmt.columns().map((c) => c.name) : [];
  }

  getAsObject(): Record<string, SqlValue> {
    const names = this.getColumnNames();
    const row = this.get();
    return Object.fromEntries(names.map((n, i) => [n, row[i]]));
  }

  run(values?: BindParams): boolean {
    if (values !== undefined) this.bind(values);
    this.owner.beforeStatement(this);
    if (this.stmt.reader) this.stmt.all(...this.bound);
    else this.stmt.run(...this.bound);
    this.reset();
    return true;
  }

  reset(): boolean {
    if (this.iter) this.iter.return?.();
    this.iter = null;
    this.rows = null;
    this.row = null;
    this.at = 0;
    this.owner.closed(this);
    return true;
  }

  free(): boolean {
    return this.reset();
  }
}

/**
 * A file-backed database with the sql.js methods the core calls (run, exec, prepare and the
 * statement's bind/step/get/getAsObject/run/reset/free). Cast to sql.js's Database for the core.
 */
export class NativeSqlJsDatabase {
  private open = new Set<StepStatement>();
  private changes = 0;

  constructor(private readonly native: NativeDatabase) {}

  /** Called before any statement runs: other open readers are read to their end first. */
  beforeStatement(except: StepStatement | null): void {
    for (const s of this.open) if (s !== except) s.drain();
  }

  opened(s: StepStatement): void {
    this.open.add(s);
  }

  closed(s: StepStatement): void {
    this.open.delete(s);
  }

  prepare(sql: string, values?: BindParams): StepStatement {
    this.beforeStatement(null);
    const r = rewrite(sql);
    const s = new StepStatement(this, this.native.prepare(r.sql), r.numbered);
    if (values !== undefined) s.bind(values);
    return s;
  }

  /** The prepared statement of `sql`, or null when `sql` was a script of several statements
   *  (the schema), which has then been run as a whole. */
  private prepareOrRunScript(sql: string, values?: BindParams): { stmt: NativeStatement; p: unknown[] } | null {
    this.beforeStatement(null);
    const r = rewrite(sql);
    try {
      return { stmt: this.native.prepare(r.sql), p: params(values, r.numbered) };
    } catch (e) {
      if (!(e instanceof Error) || !e.message.includes(MANY) || values !== undefined) throw e;
      this.native.exec(sql);
      return null;
    }
  }

  run(sql: string, values?: BindParams): this {
    const prepared = this.prepareOrRunScript(sql, values);
    if (!prepared) return this;
    const { stmt, p } = prepared;
    if (stmt.reader) stmt.raw(true).all(...p);
    else this.changes = stmt.run(...p).changes;
    return this;
  }

  exec(sql: string, values?: BindParams): QueryExecResult[] {
    const prepared = this.prepareOrRunScript(sql, values);
    if (!prepared) return [];
    const { stmt, p } = prepared;
    if (!stmt.reader) {
      this.changes = stmt.run(...p).changes;
      return [];
    }
    const columns = stmt.columns().map((c) => c.name);
    const rows = stmt.raw(true).all(...p);
    return rows.length ? [{ columns, values: rows.map((r) => r.map(cell)) }] : [];
  }

  getRowsModified(): number {
    return this.changes;
  }

  /** Not used by a build (the file is the output); present for the interface. */
  export(): Uint8Array {
    throw new Error('a file-backed build database is not exported: the file itself is the corpus');
  }

  close(): void {
    this.beforeStatement(null);
    this.native.close();
  }

  /** Run a PRAGMA on the native connection. */
  pragma(sql: string): unknown {
    return this.native.pragma(sql);
  }

  /** The database as sql.js's type, for the core. */
  asSqlJs(): Database {
    return this as unknown as Database;
  }
}

/** Statement type check: the adapter's statements stand in for sql.js's. */
export type AdapterStatement = StepStatement & Partial<Statement>;

/** Open (create) a build database file with native SQLite, tuned for one bulk writer. */
export function openNativeDatabase(Native: NativeConstructor, path: string): NativeSqlJsDatabase {
  const native = new Native(path);
  // One writer, and a file renamed into place only when complete: no durability needed while
  // building. The rollback journal stays (in memory, one bulletin's transaction at a time) so a
  // bulletin that fails to store is rolled back as in the page.
  native.pragma('journal_mode = MEMORY');
  native.pragma('synchronous = OFF');
  native.pragma('cache_size = -65536'); // 64 MB of page cache
  return new NativeSqlJsDatabase(native);
}
