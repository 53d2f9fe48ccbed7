// Messages between the build's writer thread and its worker threads.
import type { PreparedBulletin } from '../../../src/core/ingest/prepared';

/** A file for a worker to prepare; `seq` is its place in the build's file order. */
export interface WorkerJob {
  seq: number;
  path: string;
  /** The name recorded in the corpus (the path as the user gave it). */
  name: string;
}

/** A worker's answer: the prepared file, or why it could not be read. */
export interface WorkerReply {
  seq: number;
  prepared: PreparedBulletin | null;
  readError: string | null;
}
