// The tables behind the query desk (docs/schema.md, "Search tables"): a narrow row per article
// with its facet values and folded short fields, the folded searchable text, the reporters as
// rows, and the gram index that makes exact search fast without ever missing a hit (grams.ts).
// Written in the same transaction as the article itself, by CorpusStore.addBulletin.
import type { Database, SqlValue, Statement } from 'sql.js';
import { foldText } from '../query/fold';
import { gramTokens } from '../query/grams';
import type { Article } from '../types';
import type { ArticleSegments } from './types';

/** Statements that create the search tables (appended to SCHEMA_SQL, after `meta`). */
export const SEARCH_SCHEMA_SQL = `
CREATE TABLE search_docs (
  id           INTEGER PRIMARY KEY,
  bulletin_id  INTEGER NOT NULL,
  story_id     INTEGER NOT NULL,
  paper        TEXT,
  district     TEXT,
  kind         TEXT NOT NULL,
  credit       TEXT,
  date         TEXT,
  year         TEXT,
  month        TEXT,
  date_from    TEXT,
  date_to      TEXT,
  f_headline   TEXT NOT NULL,
  f_kicker     TEXT NOT NULL,
  f_credit     TEXT NOT NULL,
  f_byline     TEXT NOT NULL,
  tokens_headline  INTEGER NOT NULL DEFAULT 0,
  tokens_kicker    INTEGER NOT NULL DEFAULT 0,
  tokens_body      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX search_docs_story ON search_docs(story_id);

CREATE TABLE search_text (
  id    INTEGER PRIMARY KEY,
  text  TEXT NOT NULL
);

CREATE TABLE search_reporters (
  article_id  INTEGER NOT NULL,
  name        TEXT NOT NULL,
  PRIMARY KEY (article_id, name)
) WITHOUT ROWID;

CREATE TABLE search_stale (
  id  INTEGER PRIMARY KEY
);

CREATE TABLE search_pending (
  id  INTEGER PRIMARY KEY
);

CREATE VIRTUAL TABLE search_grams USING fts4(content="", grams, tokenize=simple);

INSERT INTO meta (key, value) VALUES ('search_revision', '0');
`;

/** Statements that remove the search tables (before SCHEMA_SQL recreates everything). */
export const SEARCH_DROP_SQL = `DROP TABLE search_grams; DROP TABLE search_stale; DROP TABLE search_pending;
  DROP TABLE search_reporters; DROP TABLE search_text; DROP TABLE search_docs;`;

const INSERT_DOC = `INSERT INTO search_docs (id, bulletin_id, story_id, paper, district,
  kind, credit, date, year, month, date_from, date_to, f_headline, f_kicker, f_credit, f_byline,
  tokens_headline, tokens_kicker, tokens_body)
  VALUES (?1, ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)`;
const INSERT_TEXT = 'INSERT INTO search_text (id, text) VALUES (?, ?)';
const INSERT_REPORTER = 'INSERT OR IGNORE INTO search_reporters (article_id, name) VALUES (?, ?)';
const INSERT_GRAMS = 'INSERT INTO search_grams (docid, grams) VALUES (?, ?)';
const MARK_PENDING = 'INSERT OR IGNORE INTO search_pending (id) VALUES (?)';
/** Articles written to the gram index together. FTS4 writes a segment per transaction, and a
 *  load commits one per bulletin: batching the grams makes indexing about three times faster.
 *  Until its batch is written an article is searched through its text (search_pending). */
export const GRAM_BATCH = 1000;
const HAS_GRAMS = 'SELECT 1 FROM search_grams_docsize WHERE docid = ?';
const MARK_STALE = 'INSERT OR IGNORE INTO search_stale (id) VALUES (?)';
/** Tells the searcher that search_docs rows it may hold in memory changed or went (appended rows
 *  it finds by itself). Not a trigger: triggers on search_docs make every insert several times
 *  slower. Code that updates or deletes search_docs rows runs this. */
export const BUMP_REVISION = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'search_revision'";

/** The fields searched by a plain term, in the order they are joined into `search_text.text`. */
export function searchableText(a: Pick<Article, 'headline' | 'subtitle' | 'kicker' | 'body'>): string {
  // Joined by line breaks, which no query contains and which end every gram run, so a hit
  // never spans two fields.
  return [a.headline, a.subtitle ?? '', a.kicker ?? '', a.body].join('\n');
}

/** The headline as `headline:` searches it: headline and subtitle. */
export function headlineText(a: Pick<Article, 'headline' | 'subtitle'>): string {
  return a.subtitle ? `${a.headline}\n${a.subtitle}` : a.headline;
}

/** The covered days of a partial ISO date: 2026 → 2026-01-01..2026-12-31. */
export function dateRange(date: string | null): { from: string; to: string } | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  if (m[3]) return { from: m[0], to: m[0] };
  if (m[2]) return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-31` };
  return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
}

/** Words in a segmented column (space-separated), for BM25's length normalisation. */
function countTokens(seg: string): number {
  if (!seg) return 0;
  let n = 1;
  for (let i = seg.indexOf(' '); i >= 0; i = seg.indexOf(' ', i + 1)) n++;
  return n;
}

/** What the search tables record about the bulletin an article came from. */
export interface BulletinFacts {
  id: number;
  paper: string | null;
  date: string | null;
}

/** Time spent writing the search tables since the page (or process) started, for the benchmark. */
export const searchIndexTiming = { articles: 0, ms: 0 };

/** Writes one article's rows into the search tables; owned by the CorpusStore. */
export class SearchIndexWriter {
  private statements = new Map<string, Statement>();
  private pending = 0;

  constructor(private readonly db: Database) {}

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private run(sql: string, params: SqlValue[]): void {
    this.stmt(sql).run(params);
  }

  private exists(sql: string, id: number): boolean {
    const s = this.stmt(sql);
    s.bind([id]);
    const found = s.step();
    s.reset();
    return found;
  }

  /**
   * Index article `id` (already in `articles`). `seg` is its segmented text as stored in the
   * `seg_*` columns; read from the row when not given. Indexing an id again (a re-parsed
   * bulletin keeps its article ids) replaces its rows; see `remove` for the gram index.
   */
  add(id: number, a: Article, bulletin: BulletinFacts, seg?: ArticleSegments): void {
    const started = performance.now();
    this.write(id, a, bulletin, seg ?? this.storedSegments(id));
    searchIndexTiming.articles++;
    searchIndexTiming.ms += performance.now() - started;
  }

  private write(id: number, a: Article, bulletin: BulletinFacts, s: ArticleSegments): void {
    const date = a.date ?? bulletin.date;
    const range = dateRange(date);
    const text = foldText(searchableText(a));
    // Indexed before (a re-parsed bulletin keeps its article ids): its old rows go first. (Plain
    // INSERTs, not INSERT OR REPLACE, which is many times slower here.)
    if (this.exists('SELECT 1 FROM search_docs WHERE id = ?', id)) {
      this.run('DELETE FROM search_docs WHERE id = ?', [id]);
      this.run('DELETE FROM search_text WHERE id = ?', [id]);
      this.run(BUMP_REVISION, []);
    }
    this.run(INSERT_DOC, [
      id, bulletin.id, bulletin.paper, a.district, a.kind, a.credit, date,
      date ? date.slice(0, 4) : null, date && date.length >= 7 ? date.slice(0, 7) : null,
      range?.from ?? null, range?.to ?? null,
      foldText(headlineText(a)), foldText(a.kicker ?? ''), foldText(a.credit ?? ''), foldText(a.byline ?? ''),
      countTokens(s.headline), countTokens(s.kicker), countTokens(s.body),
    ]);
    this.run(INSERT_TEXT, [id, text]);
    this.run('DELETE FROM search_reporters WHERE article_id = ?', [id]);
    for (const name of a.reporters ?? []) if (name.trim()) this.run(INSERT_REPORTER, [id, name.trim()]);
    // The gram index cannot forget an article's old grams (below): one indexed again is stale.
    if (this.exists(HAS_GRAMS, id)) {
      this.run(MARK_STALE, [id]);
      this.run(BUMP_REVISION, []);
    }
    this.run(MARK_PENDING, [id]);
    if (++this.pending >= GRAM_BATCH) {
      flushGrams(this.db, true);
      this.pending = 0;
    }
  }

  /**
   * Drop article `id` from the search tables, returning the story it belonged to. The gram
   * index is contentless FTS4, which cannot delete: the id is marked stale instead, and the
   * searcher checks stale articles against their text until `optimizeSearchIndexes` rebuilds.
   */
  remove(id: number): number | null {
    const s = this.stmt('SELECT story_id FROM search_docs WHERE id = ?');
    s.bind([id]);
    const story = s.step() ? Number(s.get()[0]) : null;
    s.reset();
    this.run('DELETE FROM search_docs WHERE id = ?', [id]);
    this.run('DELETE FROM search_text WHERE id = ?', [id]);
    this.run('DELETE FROM search_reporters WHERE article_id = ?', [id]);
    this.run(MARK_STALE, [id]);
    this.run(BUMP_REVISION, []);
    return story;
  }

  private storedSegments(id: number): ArticleSegments {
    const s = this.stmt('SELECT seg_headline, seg_kicker, seg_body FROM articles WHERE id = ?');
    s.bind([id]);
    const row = s.step() ? s.get() : [];
    s.reset();
    return { headline: String(row[0] ?? ''), kicker: String(row[1] ?? ''), body: String(row[2] ?? '') };
  }

  /** Release the prepared statements (before the tables are dropped or the database closed). */
  free(): void {
    for (const s of this.statements.values()) s.free();
    this.statements.clear();
  }
}

/** A story printed more than once: the article ids of its printings (from the dedup stage). */
export interface StoryMembers {
  /** The printing shown for the story (its longest, per the dedup stage). */
  canonical: number;
  members: number[];
}

/**
 * Record which articles are printings of the same story, so that a search counts each story
 * once. Articles in no cluster are their own story. Replaces any earlier assignment.
 */
export function assignStories(db: Database, clusters: StoryMembers[]): void {
  db.run('BEGIN');
  try {
    db.run('UPDATE search_docs SET story_id = id WHERE story_id <> id');
    db.run(BUMP_REVISION);
    const s = db.prepare('UPDATE search_docs SET story_id = ? WHERE id = ?');
    try {
      for (const c of clusters) for (const m of c.members) s.run([c.canonical, m]);
    } finally {
      s.free();
    }
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  }
}

/** Stale articles beyond which the gram index is rebuilt rather than checked article by article. */
export const MAX_STALE = 500;

/**
 * Merge the segments of both full-text indexes into one each (loading writes them in many small
 * segments, and a query reads every segment: merged, searches are several times faster), and
 * rebuild the gram index when many articles are stale. Run it once a batch of files has loaded.
 */
export function optimizeSearchIndexes(db: Database): void {
  flushGrams(db);
  const count = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
  if (count('SELECT count(*) FROM search_stale') > MAX_STALE) rebuildGrams(db);
  // A few segments cost little to read; merging a large index again for a small addition would.
  for (const table of ['search_grams', 'articles_fts']) {
    if (count(`SELECT count(*) FROM ${table}_segdir`) > MERGED_SEGMENTS) {
      db.run(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
    }
  }
}

/** Segments an index may keep before a load ends with merging them. */
const MERGED_SEGMENTS = 8;

/** Index the grams of the (id, text) rows a query returns. */
function writeGrams(db: Database, selectIdText: string): void {
  const read = db.prepare(selectIdText);
  const write = db.prepare(INSERT_GRAMS);
  try {
    while (read.step()) {
      const [id, text] = read.get();
      write.run([id, gramTokens(String(text))]);
    }
  } finally {
    read.free();
    write.free();
  }
}

/**
 * Write the grams of the articles waiting in search_pending. `inTransaction`: the caller holds a
 * transaction already (the bulletin being stored); else this runs in its own. (Not a savepoint:
 * opening one makes every FTS4 table in the database flush its pending terms there and then.)
 */
export function flushGrams(db: Database, inTransaction = false): void {
  if (!inTransaction) db.run('BEGIN');
  try {
    writeGrams(db, 'SELECT t.id, t.text FROM search_pending p JOIN search_text t ON t.id = p.id ORDER BY t.id');
    db.run('DELETE FROM search_pending');
    if (!inTransaction) db.run('COMMIT');
  } catch (e) {
    if (!inTransaction) db.run('ROLLBACK');
    throw e;
  }
}

/** Recreate the gram index from search_text, which makes every article current again. */
export function rebuildGrams(db: Database): void {
  db.run('BEGIN');
  try {
    db.run('DROP TABLE search_grams');
    db.run('CREATE VIRTUAL TABLE search_grams USING fts4(content="", grams, tokenize=simple)');
    writeGrams(db, 'SELECT id, text FROM search_text ORDER BY id');
    db.run('DELETE FROM search_stale');
    db.run('DELETE FROM search_pending');
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  }
}

/** How big the search tables are, and the whole database (bytes). */
export interface SearchIndexSize {
  articles: number;
  /** The database file: every table and index (SQLite pages in use). */
  databaseBytes: number;
  /** The gram index (search_grams segments). */
  gramBytes: number;
  /** The folded text (search_text), UTF-8. */
  foldedTextBytes: number;
  /** The ranking index over jieba words (articles_fts segments). */
  wordIndexBytes: number;
}

/** Measure the search tables. */
export function searchIndexSize(db: Database): SearchIndexSize {
  const n = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
  return {
    articles: n('SELECT count(*) FROM search_docs'),
    databaseBytes: (n('PRAGMA page_count') - n('PRAGMA freelist_count')) * n('PRAGMA page_size'),
    gramBytes: n('SELECT coalesce(sum(length(block)), 0) FROM search_grams_segments') + n('SELECT coalesce(sum(length(root)), 0) FROM search_grams_segdir'),
    foldedTextBytes: n('SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM search_text'),
    wordIndexBytes: n('SELECT coalesce(sum(length(block)), 0) FROM articles_fts_segments') + n('SELECT coalesce(sum(length(root)), 0) FROM articles_fts_segdir'),
  };
}
