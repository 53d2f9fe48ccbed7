// One file into the corpus: hash, decode, parse, segment, store. Every failure becomes a status
// for that file; nothing here throws, so one bad file never stops the others.
import { decodeBytes, isBulletinName } from '../decode';
import { fileIdentity } from '../dedup/file-identity';
import { recordDuplicateFile } from '../store/dedup-tables';
import { sha256Hex } from '../hash';
import { parseBulletin } from '../parse';
import { segmentForIndex, type Segmenter } from '../segment';
import type { CorpusStore } from '../store';
import type { ArticleSegments } from '../store/types';
import type { Article, ParsedBulletin } from '../types';
import type { IngestInput, IngestResult, Problem, ProblemCode } from './types';

/** The problem record for a file: its code, a sentence saying what is wrong, and the detail. */
export function problem(code: ProblemCode, detail?: string, reason?: string): Problem {
  const say: Record<ProblemCode, string> = {
    'not-bulletin': 'not a bulletin (only .txt and .md files are read)',
    duplicate: `the same file is already loaded as ${detail}`,
    'duplicate-text': `the same bulletin is already loaded as ${detail}`,
    unreadable: `${detail}`,
    'parse-failed': `the parser failed: ${detail}`,
    'read-failed': `could not be read: ${detail}`,
    'file-too-large': `too large to load (${detail} limit); split it into smaller files`,
    'zip-invalid': `not a readable zip archive (${detail})`,
    'zip-entry-damaged': `damaged inside its archive (${detail}); the other entries load`,
    'zip-too-large': `unpacking it would take the archive past the ${detail} limit`,
    'zip-nested': 'an archive inside an archive, not opened',
    'zip-metadata': 'macOS metadata, not a bulletin',
    'fetch-failed': `could not be fetched: ${detail}`,
    'store-failed': `could not be stored: ${detail}`,
    'worker-crashed': 'not loaded: the corpus worker stopped while loading it',
    'lost-in-crash': 'loaded, but not yet saved when the corpus worker stopped: load it again',
    cancelled: 'not loaded: the load was cancelled',
  };
  return { code, message: say[code], ...(detail === undefined ? {} : { detail }), ...(reason === undefined ? {} : { reason }) };
}

/** A result for a file that never reached the store. */
export function notLoaded(name: string, state: 'error' | 'skipped', p: Problem): IngestResult {
  return { name, state, bulletinId: null, articles: 0, fragments: 0, encoding: null, problem: p };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The FTS columns of one article: headline+subtitle, kicker+column, body. */
export function segmentArticle(segmenter: Segmenter, a: Article): ArticleSegments {
  const join = (...parts: Array<string | null>) => parts.filter(Boolean).join('\n');
  return {
    headline: segmentForIndex(segmenter, join(a.headline, a.subtitle)),
    kicker: segmentForIndex(segmenter, join(a.kicker, a.column)),
    body: segmentForIndex(segmenter, a.body),
  };
}

/** Load one bulletin file into the store and say what became of it. Never throws. */
export async function ingestFile(
  store: CorpusStore,
  segmenter: Segmenter,
  input: IngestInput,
): Promise<IngestResult> {
  const { name, bytes } = input;
  if (!isBulletinName(name)) return notLoaded(name, 'skipped', problem('not-bulletin'));
  const sha256 = await sha256Hex(bytes);
  const earlier = store.findBySha256(sha256);
  if (earlier) {
    recordDuplicateFile(store.db, { name, sha256, size: bytes.length, encoding: null, duplicateOf: earlier.id, match: 'bytes' });
    return notLoaded(name, 'skipped', problem('duplicate', earlier.name));
  }

  const decoded = decodeBytes(bytes);
  // Level 1 of dedup: the same text in another encoding, with other line ends or wrapping, is
  // the same bulletin (docs/dedup.md); it is loaded once and the copy is named as a duplicate.
  const textIdentity = decoded.error ? null : fileIdentity(decoded.text);
  const sameText = textIdentity === null ? null : store.findByTextIdentity(textIdentity);
  if (sameText) {
    recordDuplicateFile(store.db, { name, sha256, size: bytes.length, encoding: decoded.encoding, duplicateOf: sameText.id, match: 'text' });
    return { ...notLoaded(name, 'skipped', problem('duplicate-text', sameText.name)), encoding: decoded.encoding };
  }
  let parsed: ParsedBulletin | null = null;
  let failure: Problem | null = decoded.error ? problem('unreadable', decoded.error, decoded.reason) : null;
  if (!failure) {
    try {
      parsed = parseBulletin(decoded.text, { fileName: name });
    } catch (e) {
      failure = problem('parse-failed', errorText(e));
    }
  }
  const base = {
    name, path: name, source: input.source ?? 'file', sha256, size: bytes.length,
    encoding: decoded.encoding, bom: decoded.bom, textIdentity,
  } as const;
  try {
    const segments = parsed?.articles.map((a) => segmentArticle(segmenter, a)) ?? [];
    const added = failure
      ? store.addBulletin({ ...base, error: failure.message, text: decoded.text, parsed: null })
      : store.addBulletin({ ...base, error: null, text: decoded.text, parsed, segments });
    return {
      name, state: failure ? 'error' : 'done', bulletinId: added.id, articles: added.articles,
      fragments: added.fragments, encoding: decoded.encoding, problem: failure,
    };
  } catch (e) {
    return notLoaded(name, 'error', problem('store-failed', errorText(e)));
  }
}
