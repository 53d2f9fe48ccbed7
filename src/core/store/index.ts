// The corpus store: SQLite tables over sql.js (see docs/schema.md).
export { CorpusStore, MAX_PAGE, MAX_SOURCE_CHARS, type AddedBulletin } from './corpus-store';
export { SCHEMA_SQL, SCHEMA_VERSION } from './schema';
export { makeSnippet, splitHits, type SnippetOptions } from './snippet';
export type * from './types';
export {
  FRAGMENT_PREVIEW, getBulletinDetail, getCorrection, normaliseBulletinDate, normaliseBulletinPaper,
  replaceBulletinParse,
} from './bulletin-edits';
export type * from './bulletin-types';
export { corpusRevision, corpusSnapshot, type CorpusSnapshot } from './snapshot';
