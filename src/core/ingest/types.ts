// The outcome of loading one file, as the file list and the CLI report it. Problems carry a code
// (so the page can say it in Chinese or English) and an English sentence (for logs and the CLI).
import type { Encoding } from '../types';
import type { BulletinSource } from '../store/types';

/** One file to load: its name (or path inside a folder or archive) and its bytes. */
export interface IngestInput {
  /** What the user calls the file: a file name, folder/relative/path.txt or archive.zip/inner.txt. */
  name: string;
  bytes: Uint8Array;
  source?: BulletinSource;
}

/** Why a file was skipped or failed. */
export type ProblemCode =
  | 'not-bulletin' // not a .txt/.md file (a .png, a .docx …)
  | 'duplicate' // the very same bytes are already in the corpus
  | 'duplicate-text' // the same text (after decoding and whitespace) is: another encoding or wrapping
  | 'unreadable' // the decoder rejected the bytes (binary, not UTF-8/UTF-16/GB18030)
  | 'parse-failed' // the parser threw (it should not; reported rather than lost)
  | 'read-failed' // the browser could not read the file (moved, permission)
  | 'file-too-large' // bigger than the page will read into memory
  | 'zip-invalid' // a damaged archive or not a zip at all
  | 'zip-entry-damaged' // one entry of an archive does not inflate or fails its CRC-32
  | 'zip-too-large' // the entry would take the archive past the unpacked-size limit
  | 'zip-nested' // an archive inside an archive
  | 'zip-metadata' // macOS resource forks and folders of metadata inside an archive
  | 'fetch-failed' // a sample bulletin could not be fetched
  | 'store-failed' // the database refused the bulletin
  | 'worker-crashed' // the corpus worker died while the file waited or loaded (the page's account)
  | 'lost-in-crash' // loaded, but the worker died before the corpus was saved
  | 'cancelled'; // the user cancelled the load before this file's turn came

/** A problem with one file: a stable code, an English sentence and the specific detail. */
export interface Problem {
  code: ProblemCode;
  /** What is wrong with the file, in English (the file's name is shown beside it). */
  message: string;
  /** The specific cause (decoder message, exception text, earlier file name, limit). */
  detail?: string;
  /** A stable code for the cause where the detail is a sentence of ours, so the page can say it
   *  in its language: `binary:png`, `nul-bytes`, `not-utf8-gbk`, `control-chars:utf-8` (decoder),
   *  `crc`, `inflate` (zip entry), `http:404`, `other-origin:<origin>` (fetch). */
  reason?: string;
}

/** What became of one file. */
export interface IngestResult {
  name: string;
  state: 'done' | 'error' | 'skipped';
  /** The stored bulletin (errors are stored too, so the file list survives); null when skipped. */
  bulletinId: number | null;
  articles: number;
  fragments: number;
  encoding: Encoding | null;
  problem: Problem | null;
}
