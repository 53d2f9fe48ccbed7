// The corpus schema, documented column by column in docs/schema.md. The SQL console of the query
// desk exposes these tables to users, so names are plain words and stay stable across versions.
import { DEDUP_SCHEMA_SQL } from './dedup-tables';
import { SEARCH_SCHEMA_SQL } from './search-index';
import { USER_WORDS_SCHEMA_SQL } from './user-words';

/** Bumped whenever a table or column changes; stored in `meta` under `schema_version`.
 *  6: `user_words` (a file of version 5 is brought up to 6 in place: corpus-file.ts). */
export const SCHEMA_VERSION = 6;

/** Statements that create an empty corpus. */
export const SCHEMA_SQL = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE bulletins (
  id              INTEGER PRIMARY KEY,
  added_order     INTEGER NOT NULL,
  name            TEXT NOT NULL,
  path            TEXT NOT NULL,
  source          TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  size            INTEGER NOT NULL,
  encoding        TEXT,
  bom             INTEGER NOT NULL DEFAULT 0,
  error           TEXT,
  paper           TEXT,
  date            TEXT,
  date_source     TEXT,
  text            TEXT NOT NULL DEFAULT '',
  article_count   INTEGER NOT NULL DEFAULT 0,
  fragment_count  INTEGER NOT NULL DEFAULT 0,
  text_identity   TEXT
);
CREATE INDEX bulletins_sha256 ON bulletins(sha256);
CREATE INDEX bulletins_text_identity ON bulletins(text_identity);
-- Each new bulletin takes max(added_order) + 1: without this index that max reads the whole table,
-- once per stored file (the cost of a load then grows with the square of the corpus).
CREATE INDEX bulletins_added_order ON bulletins(added_order);

CREATE TABLE articles (
  id              INTEGER PRIMARY KEY,
  bulletin_id     INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  kicker          TEXT,
  headline        TEXT NOT NULL,
  subtitle        TEXT,
  column_name     TEXT,
  kind            TEXT NOT NULL,
  lead            TEXT,
  dateline        TEXT,
  date            TEXT,
  byline          TEXT,
  reporters       TEXT NOT NULL DEFAULT '[]',
  correspondents  TEXT NOT NULL DEFAULT '[]',
  credit          TEXT,
  district        TEXT,
  body            TEXT NOT NULL,
  original        TEXT NOT NULL,
  repairs         TEXT NOT NULL DEFAULT '[]',
  flags           TEXT NOT NULL DEFAULT '[]',
  spans           TEXT NOT NULL DEFAULT '{}',
  start_offset    INTEGER NOT NULL,
  end_offset      INTEGER NOT NULL,
  seg_headline    TEXT NOT NULL DEFAULT '',
  seg_kicker      TEXT NOT NULL DEFAULT '',
  seg_body        TEXT NOT NULL DEFAULT '',
  UNIQUE (bulletin_id, idx)
);

CREATE TABLE fragments (
  id           INTEGER PRIMARY KEY,
  bulletin_id  INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  reason       TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  UNIQUE (bulletin_id, idx)
);

-- The paper and date a user set for a bulletin (the bulletin view), with what the parser had
-- inferred; sha256 lets a saved correction find its file again in a later visit.
CREATE TABLE bulletin_corrections (
  bulletin_id     INTEGER PRIMARY KEY REFERENCES bulletins(id) ON DELETE CASCADE,
  sha256          TEXT NOT NULL,
  paper           TEXT,
  date            TEXT,
  inferred_paper  TEXT,
  inferred_date   TEXT,
  corrected_at    TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts4(
  content="articles", seg_headline, seg_kicker, seg_body, tokenize=unicode61
);
${SEARCH_SCHEMA_SQL}
${DEDUP_SCHEMA_SQL}
${USER_WORDS_SCHEMA_SQL}`;
