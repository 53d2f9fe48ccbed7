// Messages between the corpus worker and its parse workers (parse-worker.ts, parse-pool.ts).
import type { PreparedBulletin } from '../core/ingest/prepared';
import type { BulletinSource } from '../core/store';

/** A file for a parse worker: hash, decode and parse it. `seq` pairs the reply with the job. */
export interface ParseJob {
  seq: number;
  name: string;
  source: BulletinSource;
  bytes: Uint8Array;
}

/** A parse worker's answer: the file prepared without its words (the corpus worker cuts them
 *  with its own jieba, whose dictionary holds the names and user words taught to it), or why the
 *  worker could not prepare it. */
export type ParseReply =
  | { seq: number; prepared: PreparedBulletin; error?: undefined }
  | { seq: number; prepared?: undefined; error: string };
