// The heavy parts, loaded lazily and once, inside the worker only: sql.js (1 MB of WASM) when
// the first request arrives, jieba-wasm (4 MB) when the first file is loaded.
import initSqlJs from 'sql.js/dist/sql-wasm-browser.js';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { CorpusStore } from '../core/store';
import { characterSegmenter, jiebaSegmenter, type Segmenter } from '../core/segment';
import type { SqlJsStatic } from 'sql.js';

let sqlPromise: Promise<SqlJsStatic> | null = null;
let storePromise: Promise<CorpusStore> | null = null;
let segmenterPromise: Promise<Segmenter> | null = null;

/** sql.js, loaded once (the store's engine; also opens saved and imported corpus files). */
export function getSql(): Promise<SqlJsStatic> {
  return (sqlPromise ??= initSqlJs({ locateFile: () => sqlWasmUrl }));
}

/** The corpus store, created on first use. A load failure is kept, so every request reports it. */
export function getStore(): Promise<CorpusStore> {
  storePromise ??= getSql().then(
    (SQL) => CorpusStore.create(SQL),
    (e: unknown) => {
      throw new Error(`the database engine (sql.js) could not start: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
  return storePromise;
}

/**
 * jieba, loaded on first use. If it cannot load (old browser, blocked WASM) files still load:
 * the index falls back to one token per character and `onFallback` says why.
 */
export function getSegmenter(onFallback: (detail: string) => void): Promise<Segmenter> {
  segmenterPromise ??= (async () => {
    try {
      const jieba = await import('jieba-wasm');
      await jieba.default();
      return jiebaSegmenter(jieba.cut);
    } catch (e) {
      onFallback(e instanceof Error ? e.message : String(e));
      return characterSegmenter;
    }
  })();
  return segmenterPromise;
}
