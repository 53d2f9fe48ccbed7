// The console's first line of defence: only statements that read may run. (The second is
// `PRAGMA query_only`, the third that the console works on a copy of the corpus.) The screen
// looks at a statement's first keyword, after comments, and lets through SELECT, WITH, VALUES,
// EXPLAIN of those, and the PRAGMAs that only describe the schema. Everything else (DROP,
// DELETE, UPDATE, INSERT, ATTACH, CREATE, VACUUM, a PRAGMA that sets something …) is refused.
// Statements are split and screened as text, never prepared first: SQLite applies a PRAGMA
// such as `query_only = 0` while preparing it, before it is ever stepped.

/** Statements that start with these words only read (WITH … DELETE is stopped by query_only). */
const READING = new Set(['SELECT', 'WITH', 'VALUES']);

/** Every other word a SQLite statement can start with: all of them change something. */
const WRITING = new Set([
  'ALTER', 'ANALYZE', 'ATTACH', 'BEGIN', 'COMMIT', 'CREATE', 'DELETE', 'DETACH', 'DROP', 'END',
  'INSERT', 'REINDEX', 'RELEASE', 'REPLACE', 'ROLLBACK', 'SAVEPOINT', 'UPDATE', 'VACUUM',
]);

/** PRAGMAs that report and never change anything. */
const READING_PRAGMAS = new Set([
  'table_list', 'table_info', 'table_xinfo', 'index_list', 'index_info', 'index_xinfo',
  'foreign_key_list', 'database_list', 'compile_options', 'function_list', 'module_list',
  'pragma_list', 'collation_list', 'page_count', 'page_size', 'encoding', 'schema_version',
  'user_version', 'application_id', 'freelist_count', 'query_only', 'foreign_keys',
  'data_version', 'integrity_check', 'quick_check',
]);

/** Of those, the ones whose parenthesised argument names a table or a limit, not a new value. */
const ARGUMENT_PRAGMAS = new Set([
  'table_list', 'table_info', 'table_xinfo', 'index_list', 'index_info', 'index_xinfo',
  'foreign_key_list', 'integrity_check', 'quick_check',
]);

/** Where the first token after whitespace and comments starts (or text.length). */
export function skipComments(text: string, from = 0): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
}

/** The statement's first word in upper case ('' when it has none). */
export function firstKeyword(statement: string): string {
  const at = skipComments(statement);
  return /^[A-Za-z_]+/.exec(statement.slice(at))?.[0].toUpperCase() ?? '';
}

/** True for a PRAGMA that only reports: a known name, no `=`, an argument only where it names a table. */
function readingPragma(statement: string): boolean {
  const rest = statement.slice(skipComments(statement)).replace(/^pragma\s*/i, '');
  const m = /^(?:("?)[A-Za-z_]\w*\1\s*\.\s*)?([A-Za-z_]\w*)\s*(.*)$/s.exec(rest);
  if (!m) return false;
  const name = m[2].toLowerCase();
  const tail = m[3].replace(/;\s*$/, '').trim();
  if (!READING_PRAGMAS.has(name)) return false;
  if (tail === '') return true;
  return tail.startsWith('(') && ARGUMENT_PRAGMAS.has(name);
}

/** The reason a statement may not run in the console, or null when it only reads. */
export function refusal(statement: string): { keyword: string } | null {
  const keyword = firstKeyword(statement);
  if (READING.has(keyword)) return null;
  if (keyword === 'PRAGMA' && readingPragma(statement)) return null;
  if (keyword === 'EXPLAIN') {
    // EXPLAIN compiles its statement, and compiling a PRAGMA applies it: screen what it explains.
    const inner = statement.slice(skipComments(statement)).replace(/^explain(\s+query\s+plan)?\b/i, '');
    return refusal(inner);
  }
  if (keyword === 'PRAGMA' || WRITING.has(keyword)) return { keyword };
  // No statement starts with any other word: SQLite stops at it with a syntax error.
  return null;
}

/** Where the quoted token starting at `i` (', ", ` or [) ends, just past its closing quote. */
function skipQuoted(sql: string, i: number): number {
  const close = sql[i] === '[' ? ']' : sql[i];
  for (let j = i + 1; j < sql.length; j++) {
    if (sql[j] !== close) continue;
    if (close !== ']' && sql[j + 1] === close) j++; // a doubled quote stays inside
    else return j + 1;
  }
  return sql.length;
}

/**
 * The statements of a batch as text, split at semicolons outside strings, quoted names and
 * comments; a piece holding nothing but whitespace and comments is dropped. (A trigger body's
 * inner semicolons split it, but CREATE TRIGGER is refused on its first piece anyway.)
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const piece = sql.slice(start, end);
    if (skipComments(piece) < piece.length) out.push(piece.trim());
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`' || c === '[') i = skipQuoted(sql, i);
    else if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (sql.startsWith('/*', i)) {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === ';') {
      push(i + 1);
      start = ++i;
    } else i++;
  }
  push(sql.length);
  return out;
}
