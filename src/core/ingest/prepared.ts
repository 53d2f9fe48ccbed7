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
}

/** Hash, decode, parse and segment one file. Never throws. */
export async function prepareBulletin(
  name: string,
  bytes: Uint8Array,
  segmenter: Segmenter,
  source: BulletinSource = 'file',
): Promise<PreparedBulletin> {
  const sha256 = await sha256Hex(bytes);
  const decoded = decodeBytes(bytes);
  let failure: Problem | null = decoded.error ? problem('unreadable', decoded.error) : null;
  let parsed: ParsedBulletin | null = null;
  let segments: ArticleSegments[] = [];
  if (!failure) {
    try {
      parsed = parseBulletin(decoded.text, { fileName: name });
      segments = parsed.articles.map((a) => segmentArticle(segmenter, a));
    } catch (e) {
      failure = problem('parse-failed', e instanceof Error ? e.message : String(e));
      parsed = null;
      segments = [];
    }
  }
  return {
    name, source, sha256, size: bytes.length, encoding: decoded.encoding, bom: decoded.bom,
    textIdentity: decoded.error ? null : fileIdentity(decoded.text), text: decoded.text, parsed, segments, failure,
  };
}

/** Store a prepared file, unless the corpus already holds the same bytes or the same text. */
export function storePrepared(store: CorpusStore, p: PreparedBulletin): IngestResult {
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
    return notLoaded(p.name, 'error', problem('store-failed', e instanceof Error ? e.message : String(e)));
  }
}
