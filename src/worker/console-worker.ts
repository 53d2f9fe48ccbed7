// The SQL console worker: opens a snapshot of the corpus (bytes exported by the corpus worker)
// as a query-only database and runs the user's SQL on it, synchronously. A runaway query blocks
// only this worker; the page cancels it by terminating the worker and starting another.
import initSqlJs from 'sql.js/dist/sql-wasm-browser.js';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { Database, SqlJsStatic } from 'sql.js';
import schemaDoc from '../../docs/schema.md?raw';
import { ConsoleError, openConsoleDatabase, parseSchemaDocs, readSchema, runConsoleSql } from '../core/console';
import type { ConsoleRequest, ConsoleResponse } from './console-protocol';
import { holdLifeline } from './lifeline';

/** The parts of the dedicated worker scope used here (the UI tsconfig has no WebWorker lib). */
interface ConsoleScope {
  postMessage(message: ConsoleResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ConsoleRequest>) => void): void;
}
const scope = self as unknown as ConsoleScope;

let sqlPromise: Promise<SqlJsStatic> | null = null;
let db: Database | null = null;
const docs = parseSchemaDocs(schemaDoc);

function fail(id: number, e: unknown): ConsoleResponse {
  if (e instanceof ConsoleError) return { type: 'failed', id, failure: e.failure };
  return { type: 'failed', id, failure: { code: 'sql', message: e instanceof Error ? e.message : String(e) } };
}

async function handle(req: ConsoleRequest): Promise<ConsoleResponse> {
  try {
    if (req.type === 'open') {
      const SQL = await (sqlPromise ??= initSqlJs({ locateFile: () => sqlWasmUrl }));
      db?.close();
      db = openConsoleDatabase(SQL, req.bytes);
      return { type: 'opened', id: req.id, revision: req.revision, schema: readSchema(db, docs) };
    }
    if (!db) throw new Error('the console has no copy of the corpus yet');
    return { type: 'result', id: req.id, result: runConsoleSql(db, req.sql, req.maxRows) };
  } catch (e) {
    return fail(req.id, e);
  }
}

// The page watches this worker through a lock it holds while alive (src/ui/lib/sql-console.svelte.ts).
holdLifeline(self as unknown as Parameters<typeof holdLifeline>[0]);

// Requests are handled one after another: an `open` must finish before a `run` that follows it.
let queue: Promise<unknown> = Promise.resolve();
scope.addEventListener('message', (e) => {
  const req = e.data;
  queue = queue.then(() => handle(req)).then((msg) => scope.postMessage(msg));
});
