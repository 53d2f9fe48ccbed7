// The entity report as SQLite tables next to the corpus (docs/schema.md, "People, posts and
// places"), so the SQL console can query who held which post when. Written whole after each
// entity pass (a pass sees the whole corpus), in one transaction; emptied when the corpus is.
import type { Database } from 'sql.js';
import type { EntityReport } from '../entities/index';
import type { ArticleLookup } from './people-views';

/** The tables, created once per database (they survive CorpusStore.clear, which empties them
 *  through the entity engine). */
export const ENTITY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS people (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  district       TEXT,
  roles          TEXT NOT NULL DEFAULT '[]',
  confidence     TEXT NOT NULL,
  reasons        TEXT NOT NULL DEFAULT '[]',
  same_name_as   TEXT NOT NULL DEFAULT '[]',
  article_count  INTEGER NOT NULL,
  mention_count  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS person_posts (
  person_id         TEXT NOT NULL,
  post              TEXT NOT NULL,
  title             TEXT NOT NULL,
  org               TEXT,
  district          TEXT,
  official          INTEGER NOT NULL,
  first_date        TEXT,
  first_precision   TEXT,
  first_article_id  INTEGER,
  last_date         TEXT,
  last_precision    TEXT,
  last_article_id   INTEGER,
  mentions          INTEGER NOT NULL,
  undated           INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS person_posts_person ON person_posts(person_id);
CREATE INDEX IF NOT EXISTS person_posts_post ON person_posts(post);
CREATE TABLE IF NOT EXISTS person_mentions (
  person_id    TEXT NOT NULL,
  article_id   INTEGER NOT NULL,
  field        TEXT NOT NULL,
  role         TEXT NOT NULL,
  title_text   TEXT,
  posts        TEXT NOT NULL DEFAULT '[]',
  date         TEXT,
  precision    TEXT NOT NULL,
  dateline     TEXT,
  text_offset  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS person_mentions_person ON person_mentions(person_id);
CREATE INDEX IF NOT EXISTS person_mentions_article ON person_mentions(article_id);
CREATE TABLE IF NOT EXISTS person_articles (
  article_id  INTEGER NOT NULL,
  person_id   TEXT NOT NULL,
  PRIMARY KEY (article_id, person_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS places (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  level         TEXT NOT NULL,
  status        TEXT NOT NULL,
  resolved_by   TEXT,
  province      TEXT,
  city          TEXT,
  county        TEXT,
  town          TEXT,
  candidates    TEXT NOT NULL DEFAULT '[]',
  mentions      INTEGER NOT NULL,
  article_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS place_articles (
  place_id    INTEGER NOT NULL,
  article_id  INTEGER NOT NULL,
  PRIMARY KEY (place_id, article_id)
) WITHOUT ROWID;
`;

const TABLES = ['people', 'person_posts', 'person_mentions', 'person_articles', 'places', 'place_articles'];
/** Roles the people facet leaves to the reporter facet. */
const PRESS_ROLES = new Set(['reporter', 'correspondent', 'author', 'photographer']);

/** Create the entity tables if this database has none yet. */
export function ensureEntityTables(db: Database): void {
  db.run(ENTITY_SCHEMA_SQL);
}

/** Remove every row of the entity tables. */
export function emptyEntityTables(db: Database): void {
  ensureEntityTables(db);
  db.run(TABLES.map((t) => `DELETE FROM ${t};`).join('\n'));
}

/** Replace the entity tables' rows with a report; article references become article ids. */
export function writeEntityTables(db: Database, report: EntityReport, look: Pick<ArticleLookup, 'idOf'>): void {
  ensureEntityTables(db);
  const json = (v: unknown) => JSON.stringify(v);
  db.run('BEGIN');
  const statements = {
    person: db.prepare('INSERT OR REPLACE INTO people VALUES (?,?,?,?,?,?,?,?,?)'),
    post: db.prepare('INSERT INTO person_posts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)'),
    mention: db.prepare('INSERT INTO person_mentions VALUES (?,?,?,?,?,?,?,?,?,?)'),
    place: db.prepare('INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)'),
    placeArticle: db.prepare('INSERT OR IGNORE INTO place_articles VALUES (?,?)'),
    personArticle: db.prepare('INSERT OR IGNORE INTO person_articles VALUES (?,?)'),
  };
  try {
    db.run(TABLES.map((t) => `DELETE FROM ${t};`).join('\n'));
    for (const p of report.people) {
      statements.person.run([p.id, p.name, p.district, json(p.roles), p.confidence, json(p.reasons), json(p.sameNameAs), p.articles.length, p.mentions.length]);
      for (const post of p.posts) {
        const ref = (r: typeof post.first) => (r ? look.idOf(r.file, r.index) : null);
        statements.post.run([
          p.id, post.post, post.title, post.org, post.district, post.official ? 1 : 0,
          post.first?.date ?? null, post.first?.precision ?? null, ref(post.first),
          post.last?.date ?? null, post.last?.precision ?? null, ref(post.last), post.mentions, post.undated,
        ]);
      }
      for (const m of p.mentions) {
        const articleId = look.idOf(m.file, m.index);
        if (articleId === null) continue;
        statements.mention.run([
          p.id, articleId, m.field, m.role, m.titleText, json(m.posts.map((x) => x.post)), m.date.date, m.date.precision, m.date.dateline, m.offset,
        ]);
        // The people facet's table: who is named in which article, signatures left out.
        if (!PRESS_ROLES.has(m.role)) statements.personArticle.run([articleId, p.id]);
      }
    }
    report.places.forEach((pl, i) => {
      statements.place.run([
        i + 1, pl.name, pl.level, pl.status, pl.resolvedBy, pl.province, pl.city, pl.county, pl.town, json(pl.candidates), pl.mentions, pl.articles.length,
      ]);
      for (const r of pl.articles) {
        const articleId = look.idOf(r.file, r.index);
        if (articleId !== null) statements.placeArticle.run([i + 1, articleId]);
      }
    });
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  } finally {
    for (const s of Object.values(statements)) s.free();
  }
}
