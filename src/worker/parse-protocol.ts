// Messages between the corpus worker and its parse workers (parse-worker.ts, parse-pool.ts).
import type { PreparedBulletin } from '../core/ingest/prepared';
import type { BulletinSource } from '../core/store';
import type { TaughtDictionary } from './taught-words';

/** A file for a parse worker: hash, decode, parse and cut it. `seq` pairs the reply with the job. */
export interface ParseJob {
  setup?: undefined;
  seq: number;
  name: string;
  source: BulletinSource;
  bytes: Uint8Array;
}

/** Sent to each parse worker before its first file: cut the words with jieba taught these words
 *  (every word the corpus worker's jieba has been taught), or, when null, do not cut them (the
 *  corpus worker cuts with its fallback segmenter). */
export interface ParseSetup {
  setup: true;
  dictionary: TaughtDictionary | null;
}

/** Anything the corpus worker sends a parse worker. */
export type ParseMessage = ParseJob | ParseSetup;

/** A parse worker's answer: the file prepared (its words cut with the dictionary version it says,
 *  `dictionaryVersion`, or not cut when its jieba could not load), or why it could not prepare it. */
export type ParseReply =
  | { seq: number; prepared: PreparedBulletin; error?: undefined }
  | { seq: number; prepared?: undefined; error: string };
