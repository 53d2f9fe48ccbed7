// An in-process stand-in for the console worker: the same messages, answered by the real core
// (sql.js in Node, the read-only runner, the schema reader) on a real corpus snapshot. A query
// containing HANG never answers, like a runaway join, so cancelling can be tested.
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Database, SqlJsStatic } from 'sql.js';
import { ConsoleError, openConsoleDatabase, parseSchemaDocs, readSchema, runConsoleSql } from '../../src/core/console';
import { CorpusStore } from '../../src/core/store';
import { corpusSnapshot } from '../../src/core/store/snapshot';
import type { ConsoleRequest, ConsoleResponse } from '../../src/worker/console-protocol';
import type { ConsoleWorkerLike } from '../../src/ui/lib/sql-console.svelte';
import { article, parsed } from '../unit/store-fixtures';

let sql: SqlJsStatic | null = null;

/** sql.js, loaded once per test file. */
export async function sqlJs(): Promise<SqlJsStatic> {
  return (sql ??= (await initSqlJs()) as unknown as SqlJsStatic);
}

/** A small corpus: one bulletin with `n` articles. */
export async function smallCorpus(n = 3): Promise<CorpusStore> {
  const store = CorpusStore.create(await sqlJs());
  store.addBulletin({
    name: '新乡日报_2026-06-10_04.txt', path: '新乡日报_2026-06-10_04.txt', source: 'file', sha256: 'x', size: 1,
    encoding: 'utf-8', bom: false, error: null, text: '正文',
    parsed: parsed(Array.from({ length: n }, (_, i) => article({ headline: `标题${i}`, district: i % 2 ? '红旗区' : '封丘县' }))),
  });
  return store;
}

/** The console worker's behaviour, in this thread. */
export class InProcessConsoleWorker implements ConsoleWorkerLike {
  terminated = false;
  received: ConsoleRequest[] = [];
  private db: Database | null = null;
  private listener: ((e: MessageEvent<ConsoleResponse>) => void) | null = null;

  postMessage(req: ConsoleRequest): void {
    this.received.push(req);
    void this.answer(req);
  }

  private async answer(req: ConsoleRequest): Promise<void> {
    let msg: ConsoleResponse;
    if (req.type === 'open') {
      this.db = openConsoleDatabase(await sqlJs(), req.bytes);
      msg = { type: 'opened', id: req.id, revision: req.revision, schema: readSchema(this.db, parseSchemaDocs(readFileSync('docs/schema.md', 'utf8'))) };
    } else if (req.sql.includes('HANG')) {
      return; // a runaway query: no answer until the worker is terminated
    } else {
      try {
        msg = { type: 'result', id: req.id, result: runConsoleSql(this.db!, req.sql, req.maxRows) };
      } catch (e) {
        msg = { type: 'failed', id: req.id, failure: (e as ConsoleError).failure };
      }
    }
    await Promise.resolve();
    if (!this.terminated) this.listener?.({ data: msg } as MessageEvent<ConsoleResponse>);
  }

  addEventListener(type: 'message' | 'error', listener: (e: never) => void): void {
    if (type === 'message') this.listener = listener as (e: MessageEvent<ConsoleResponse>) => void;
  }

  terminate(): void {
    this.terminated = true;
  }
}
