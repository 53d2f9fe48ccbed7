// The export files made in the worker: the articles of a result set (CSV, JSON Lines, Markdown:
// src/core/export) and the whole corpus as its SQLite file.
import type { SqlJsStatic } from 'sql.js';
import { ARTICLE_FORMATS, exportArticles, exportFileName } from '../core/export';
import type { Searcher } from '../core/query';
import type { CorpusStore } from '../core/store';
import type { ExportFile, KeepRequestMap } from './keep-protocol';

/** The whole corpus as an SQLite file (compacted when removals left many free pages). */
export async function exportCorpus(
  store: CorpusStore,
  SQL: SqlJsStatic,
  serial: <T>(job: () => Promise<T>) => Promise<T>,
): Promise<ExportFile> {
  // Read in the loading queue, so the file never holds half a load.
  let bytes = await serial(async () => store.db.export());
  const free = Number(store.db.exec('PRAGMA freelist_count')[0]?.values[0]?.[0] ?? 0);
  const pages = Number(store.db.exec('PRAGMA page_count')[0]?.values[0]?.[0] ?? 1);
  if (free > pages / 10) {
    // Removed bulletins left free pages: compact a copy, the corpus itself is untouched.
    const copy = new SQL.Database(bytes);
    try {
      copy.run('VACUUM');
      bytes = copy.export();
    } finally {
      copy.close();
    }
  }
  const date = new Date().toISOString();
  return {
    name: `baoxun-corpus-${date.slice(0, 10)}.sqlite`, mime: 'application/vnd.sqlite3',
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.sqlite3' }), count: store.stats().bulletins,
  };
}

/** Every article of a search (not a page), in result order, as a file of the asked format. */
export function exportResults(
  store: CorpusStore,
  searcher: Searcher,
  req: KeepRequestMap['export-results']['params'],
): ExportFile {
  const ids = searcher.allIds({ ...req.scope, facets: false });
  const format = ARTICLE_FORMATS[req.format];
  if (!format) throw new Error(`unknown export format ${String(req.format)}`);
  const exportedAt = new Date().toISOString();
  const ctx = {
    query: req.scope.query, filters: req.scope.filters.map((f) => `${f.field}:${f.value}`), total: ids.length,
    exportedAt, linkBase: req.linkBase,
  };
  const parts = [...format.write(exportArticles(store.db, ids), ctx)];
  return {
    name: exportFileName(req.scope.query, format.extension, exportedAt), mime: format.mime,
    blob: new Blob(parts, { type: format.mime }), count: ids.length,
  };
}
