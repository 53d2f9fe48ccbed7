// The console database's tables and columns for the schema browser, with their documentation.
import type { Database, SqlValue } from 'sql.js';
import type { TableDoc } from './schema-docs';
import type { SchemaTable } from './types';

/** Tables FTS4 keeps for itself (`articles_fts_segments` …): noise in a browser of the corpus. */
const FTS_SHADOW = /_(content|segments|segdir|docsize|stat)$/;

function rowsOf(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const st = db.prepare(sql);
  try {
    st.bind(params);
    const out: Record<string, SqlValue>[] = [];
    while (st.step()) out.push(st.getAsObject());
    return out;
  } finally {
    st.free();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every user table and view, documented ones first in the documentation's order. */
export function readSchema(db: Database, docs: Map<string, TableDoc> = new Map()): SchemaTable[] {
  const entries = rowsOf(db, `SELECT name, type, sql FROM sqlite_schema
    WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const virtual = new Set(entries.filter((e) => /^\s*CREATE\s+VIRTUAL/i.test(String(e.sql ?? ''))).map((e) => String(e.name)));
  const shadow = (name: string) => [...virtual].some((v) => name.startsWith(`${v}_`) && FTS_SHADOW.test(name.slice(v.length)));
  const order = [...docs.keys()];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return entries
    .map((e) => String(e.name))
    .filter((name) => !shadow(name))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => {
      const entry = entries.find((e) => e.name === name)!;
      const kind: SchemaTable['kind'] = virtual.has(name) ? 'virtual' : entry.type === 'view' ? 'view' : 'table';
      const doc = docs.get(name);
      const columns = rowsOf(db, 'SELECT name, type, pk, "notnull" AS nn FROM pragma_table_info(?) ORDER BY cid', [name]).map((c) => ({
        name: String(c.name),
        type: String(c.type ?? ''),
        pk: Number(c.pk) > 0,
        notNull: Number(c.nn) > 0,
        doc: doc?.columns.get(String(c.name)) ?? null,
      }));
      const rows = kind === 'table' ? Number(rowsOf(db, `SELECT count(*) AS n FROM ${quoteIdent(name)}`)[0]?.n ?? 0) : null;
      return { name, kind, rows, doc: doc?.doc ?? null, columns };
    });
}
