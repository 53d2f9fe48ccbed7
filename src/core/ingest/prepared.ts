// Loading a file in two halves, for the command line's parallel build: `prepareBulletin` does
// the work that needs no corpus (hash, decode, text identity, parse, segment) and can run in any
// worker thread; `storePrepared` does the rest against the corpus (the duplicate checks and the
// write) in the one writer. Together they apply the same rules as ingestFile (ingest-file.ts):
// the same bytes, or the same text in another encoding or wrapping, load once and the copy is
// recorded in duplicate_files.
import { decodeBytes } from '../decode';
import { fileIdentity } from '../dedup/file-identity';
import { sha256Hex } from '../hash';
import { parseBulletin } from '../parse';
import type { Segmenter } from '../segment';
import type { CorpusStore } from '../store';
import { recordDuplicateFile } from '../store/dedup-tables';
import type { ArticleSegments, BulletinSource } from '../store/types';
import type { Encoding, ParsedBulletin } from '../types';
import { notLoaded, problem, segmentArticle } from './ingest-file';
import type { IngestResult, Problem } from './types';

/** A file made ready to store: plain data, so it crosses a worker boundary as is. */
export interface PreparedBulletin {
  name: string;
  source: BulletinSource;
  sha256: string;
  size: number;
  encoding: Encoding | null;
  bom: boolean;
  /** fileIdentity of the decoded text; null for an undecodable file. */
  textIdentity: string | null;
  text: string;
  parsed: ParsedBulletin | null;
  segments: ArticleSegments[];
  /** Why it could not be decoded or parsed (it is still stored, with this error), or null. */
  failure: Problem | null;
  /** Not parsed: the corpus already held the same bytes or text when it was prepared, so it
   *  will be recorded as a duplicate (`prepareBulletin`'s `alreadyStored`). */
  parseSkipped?: boolean;
  /** Parsed without a segmenter (a page's parse worker): `segmentPrepared` cuts the words. */
  unsegmented?: boolean;
  /** Cut by a page's parse worker whose jieba had been taught this version of the corpus
   *  worker's words (src/worker/taught-words.ts): cut again if the words changed since. */
  dictionaryVersion?: number;
}

/** Asked before parsing: true when the corpus already holds a file with these bytes (sha256) or
 *  this text (identity), so parsing it would be wasted: it is recorded as a duplicate. */
export type AlreadyStored = (sha256: string, identity: string | null) => boolean;

/** Hash, decode, parse and segment one file (segment later when `segmenter` is null). Never throws. */
export async function prepareBulletin(
  name: string,
  bytes: Uint8Array,
  segmenter: Segmenter | null,
  source: BulletinSource = 'file',
  alreadyStored?: AlreadyStored,
): Promise<PreparedBulletin> {
  const sha256 = await sha256Hex(bytes);
  return prepareHashed(name, bytes, sha256, segmenter, source, alreadyStored);
}

/** `prepareBulletin` for a file whose SHA-256 is known: synchronous. */
export function prepareHashed(
  name: string,
  bytes: Uint8Array,
  sha256: string,
  segmenter: Segmenter | null,
  source: BulletinSource = 'file',
  alreadyStored?: AlreadyStored,
): PreparedBulletin {
  const decoded = decodeBytes(bytes);
  const textIdentity = decoded.error ? null : fileIdentity(decoded.text);
  let failure: Problem | null = decoded.error ? problem('unreadable', decoded.error, decoded.reason) : null;
  let parsed: ParsedBulletin | null = null;
  let segments: ArticleSegments[] = [];
  const parseSkipped = alreadyStored?.(sha256, textIdentity) ?? false;
  if (!failure && !parseSkipped) {
    try {
      parsed = parseBulletin(decoded.text, { fileName: name });
      segments = segmenter ? parsed.articles.map((a) => segmentArticle(segmenter, a)) : [];
    } catch (e) {
      failure = problem('parse-failed', e instanceof Error ? e.message : String(e));
      parsed = null;
      segments = [];
    }
  }
  return {
    name, source, sha256, size: bytes.length, encoding: decoded.encoding, bom: decoded.bom,
    textIdentity, text: decoded.text, parsed, segments, failure, ...(parseSkipped ? { parseSkipped } : {}),
    ...(segmenter || !parsed ? {} : { unsegmented: true }),
  };
}

/**
 * Cut the words of a file parsed without a segmenter, unless `alreadyStored` says it is a copy
 * of a stored file (it will be recorded as a duplicate, its words are never needed).
 */
export function segmentPrepared(p: PreparedBulletin, segmenter: Segmenter, alreadyStored?: AlreadyStored): PreparedBulletin {
  if (!p.unsegmented || !p.parsed || alreadyStored?.(p.sha256, p.textIdentity)) return p;
  const { parsed } = p;
  try {
    return { ...p, segments: parsed.articles.map((a) => segmentArticle(segmenter, a)), unsegmented: false };
  } catch (e) {
    // As in prepareHashed, where the words are cut in the same step as the parse.
    const failure = problem('parse-failed', e instanceof Error ? e.message : String(e));
    return { ...p, parsed: null, segments: [], failure, unsegmented: false };
  }
}

/** Store a prepared file, unless the corpus already holds the same bytes or the same text. */
export function storePrepared(store: CorpusStore, p: PreparedBulletin): IngestResult {
  return storeOne(store, p, false);
}

/**
 * Store prepared files in order in one transaction (faster than one transaction each: see
 * CorpusStore.transaction), with the same results as storing them one by one. If the database
 * refuses one of them, the whole group is rolled back and stored again one file at a time, so
 * the refused file is reported alone and nothing of it is half-written. Synchronous.
 */
export function storePreparedGroup(store: CorpusStore, group: PreparedBulletin[]): IngestResult[] {
  if (group.length < 2) return group.map((p) => storePrepared(store, p));
  try {
    return store.transaction(() => group.map((p) => storeOne(store, p, true)));
  } catch {
    return group.map((p) => storePrepared(store, p));
  }
}

/** `strict`: a database error is thrown (to roll back the caller's transaction), not reported. */
function storeOne(store: CorpusStore, p: PreparedBulletin, strict: boolean): IngestResult {
  const earlier = store.findBySha256(p.sha256);
  if (earlier) {
    recordDuplicateFile(store.db, { name: p.name, sha256: p.sha256, size: p.size, encoding: null, duplicateOf: earlier.id, match: 'bytes' });
    return notLoaded(p.name, 'skipped', problem('duplicate', earlier.name));
  }
  const sameText = p.textIdentity === null ? null : store.findByTextIdentity(p.textIdentity);
  if (sameText) {
    recordDuplicateFile(store.db, { name: p.name, sha256: p.sha256, size: p.size, encoding: p.encoding, duplicateOf: sameText.id, match: 'text' });
    return { ...notLoaded(p.name, 'skipped', problem('duplicate-text', sameText.name)), encoding: p.encoding };
  }
  if (p.parseSkipped || p.unsegmented) {
    // The copy it was found to repeat is gone (removed meanwhile): it was never parsed or cut.
    return notLoaded(p.name, 'error', problem('store-failed', 'the corpus changed while it was loading; load it again'));
  }
  const base = {
    name: p.name, path: p.name, source: p.source, sha256: p.sha256, size: p.size, encoding: p.encoding, bom: p.bom,
    textIdentity: p.textIdentity,
  };
  try {
    const added = p.failure
      ? store.addBulletin({ ...base, error: p.failure.message, text: p.text, parsed: null })
      : store.addBulletin({ ...base, error: null, text: p.text, parsed: p.parsed, segments: p.segments });
    return {
      name: p.name, state: p.failure ? 'error' : 'done', bulletinId: added.id, articles: added.articles,
      fragments: added.fragments, encoding: p.encoding, problem: p.failure,
    };
  } catch (e) {
    if (strict) throw e;
    return notLoaded(p.name, 'error', problem('store-failed', e instanceof Error ? e.message : String(e)));
  }
}
