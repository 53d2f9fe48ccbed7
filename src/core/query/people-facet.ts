// The people facet and filter: the people the entity pass found (person_articles and
// person_mentions, written by src/core/analysis/entity-tables.ts) as one more facet of the
// query desk. Unlike the other facets it is not held in memory (the index is redone after every
// pass): the chip's articles and the counts over the result ids are read with SQL, and a corpus
// without the tables (the CLI, before the first pass) has neither. Signatories are left out of
// the facet (person_articles holds no press roles): the reporter facet has them.
import type { Database } from 'sql.js';
import type { FacetCounts } from './types';

/** People listed in the facet (most articles first). */
export const PEOPLE_FACET_LIMIT = 30;

function hasTables(db: Database): boolean {
  return db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person_articles'").length > 0;
}

/** The ids of the articles naming any of these people (ascending); empty without the tables. */
export function personArticleIds(db: Database, personIds: readonly string[]): Set<number> {
  if (!personIds.length || !hasTables(db)) return new Set();
  const v = db.exec(`SELECT group_concat(article_id) FROM (SELECT DISTINCT article_id FROM person_mentions
    WHERE person_id IN (SELECT value FROM json_each(?)))`, [JSON.stringify(personIds)])[0]?.values[0]?.[0];
  // (person_mentions, not person_articles: a chip may name a reporter, from a link or the console.)
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
  // person_articles holds one row per (article, person), keyed by article: the result ids are
  // looked up by key, and every article of the corpus needs no list at all.
  const corpus = Number(db.exec('SELECT count(*) FROM search_docs')[0]?.values[0]?.[0] ?? 0);
  const within = ids.length >= corpus ? '' : 'WHERE pa.article_id IN (SELECT value FROM json_each(?))';
  const params = within ? [JSON.stringify(Array.from(ids))] : [];
  const res = everyPrinting
    ? db.exec(`SELECT pa.person_id, count(*) AS n FROM person_articles pa ${within}
      GROUP BY pa.person_id ORDER BY n DESC, pa.person_id LIMIT ${PEOPLE_FACET_LIMIT + 1}`, params)
    : db.exec(`SELECT pa.person_id, count(DISTINCT d.story_id) AS n FROM person_articles pa
      JOIN search_docs d ON d.id = pa.article_id ${within}
      GROUP BY pa.person_id ORDER BY n DESC, pa.person_id LIMIT ${PEOPLE_FACET_LIMIT + 1}`, params);
  const rows = res[0]?.values ?? [];
  return {
    field: 'person',
    values: rows.slice(0, PEOPLE_FACET_LIMIT).map(([id, n]) => ({ value: String(id), count: Number(n) })),
    truncated: rows.length > PEOPLE_FACET_LIMIT,
  };
}
