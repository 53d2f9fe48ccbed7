// The people facet and filter: the people the entity pass found (person_mentions, written by
// src/core/analysis/entity-tables.ts) as one more facet of the query desk. Unlike the other
// facets it is not held in memory (the index is redone after every pass): the chip's articles
// and the counts over the result ids are read with SQL, and a corpus without the tables (the CLI,
// before the first pass) has neither. Press roles are left out: the reporter facet has them.
import type { Database } from 'sql.js';
import type { FacetCounts } from './types';

/** People listed in the facet (most articles first). */
export const PEOPLE_FACET_LIMIT = 30;

const PRESS = "('reporter', 'correspondent', 'author', 'photographer')";

function hasTables(db: Database): boolean {
  return db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person_mentions'").length > 0;
}

/** The ids of the articles naming any of these people (ascending); empty without the tables. */
export function personArticleIds(db: Database, personIds: readonly string[]): Set<number> {
  if (!personIds.length || !hasTables(db)) return new Set();
  const v = db.exec(`SELECT group_concat(article_id) FROM (SELECT DISTINCT article_id FROM person_mentions
    WHERE person_id IN (SELECT value FROM json_each(?)))`, [JSON.stringify(personIds)])[0]?.values[0]?.[0];
  return new Set(typeof v === 'string' && v ? v.split(',').map(Number) : typeof v === 'number' ? [v] : []);
}

/**
 * The people named in these articles with how many results name them (a story once unless every
 * printing is shown), or null without the tables. Counted in SQL over the ids, so the cost
 * follows the result set, not the corpus.
 */
export function peopleFacet(db: Database, ids: ArrayLike<number>, everyPrinting: boolean): FacetCounts | null {
  if (!hasTables(db)) return null;
  if (!ids.length) return { field: 'person', values: [], truncated: false };
  const unit = everyPrinting ? 'm.article_id' : 'd.story_id';
  const res = db.exec(`SELECT m.person_id, count(DISTINCT ${unit}) AS n FROM person_mentions m
    JOIN search_docs d ON d.id = m.article_id
    WHERE m.article_id IN (SELECT value FROM json_each(?)) AND m.role NOT IN ${PRESS}
    GROUP BY m.person_id ORDER BY n DESC, m.person_id LIMIT ${PEOPLE_FACET_LIMIT + 1}`, [JSON.stringify(Array.from(ids))]);
  const rows = res[0]?.values ?? [];
  return {
    field: 'person',
    values: rows.slice(0, PEOPLE_FACET_LIMIT).map(([id, n]) => ({ value: String(id), count: Number(n) })),
    truncated: rows.length > PEOPLE_FACET_LIMIT,
  };
}
