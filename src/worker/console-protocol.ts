// The contract between the page and the SQL console worker, which holds its own copy of the
// corpus database and runs the user's SQL on it, read-only. The page terminates the worker to
// cancel a runaway query and starts a fresh one, so every message is independent of the past.
import type { ConsoleFailure, ConsoleResult, SchemaTable } from '../core/console/types';

/** What the page posts to the console worker. */
export type ConsoleRequest =
  /** Replace the worker's copy with these database bytes (transferred). */
  | { type: 'open'; id: number; bytes: Uint8Array; revision: number }
  /** Run a batch of SQL on the copy; at most `maxRows` rows come back. */
  | { type: 'run'; id: number; sql: string; maxRows: number };

/** What the console worker answers, one message per request, with the request's id. */
export type ConsoleResponse =
  | { type: 'opened'; id: number; revision: number; schema: SchemaTable[] }
  | { type: 'result'; id: number; result: ConsoleResult }
  | { type: 'failed'; id: number; failure: ConsoleFailure };
