// Example queries of the SQL console, over the documented schema (docs/schema.md). Each shows
// one thing the schema can do: groups, the FTS table over jieba words, JSON columns, offsets.
import type { MessageKey } from '../messages';

/** A named example query. */
export interface SqlExample {
  label: MessageKey;
  sql: string;
}

export const SQL_EXAMPLES: SqlExample[] = [
  {
    label: 'example.districts',
    sql: `SELECT district, count(*) AS articles
FROM articles
GROUP BY district
ORDER BY articles DESC;`,
  },
  {
    label: 'example.fts',
    sql: `-- Words as jieba cut them (seg_* columns); MATCH finds whole words.
SELECT a.id, a.headline, a.date, a.district
FROM articles_fts
JOIN articles a ON a.id = articles_fts.docid
WHERE articles_fts MATCH '防汛'
ORDER BY a.date;`,
  },
  {
    label: 'example.reporters',
    sql: `SELECT r.value AS reporter, count(*) AS articles
FROM articles a, json_each(a.reporters) AS r
GROUP BY r.value
ORDER BY articles DESC;`,
  },
  {
    label: 'example.fragments',
    sql: `SELECT b.name AS bulletin, f.reason, f.start_offset, f.text
FROM fragments f
JOIN bulletins b ON b.id = f.bulletin_id
ORDER BY b.added_order, f.start_offset;`,
  },
  {
    label: 'example.repairs',
    sql: `SELECT a.headline, r.value ->> '$.type' AS type, r.value ->> '$.note' AS note,
       r.value ->> '$.original' AS original
FROM articles a, json_each(a.repairs) AS r
ORDER BY a.id;`,
  },
  {
    label: 'example.months',
    sql: `SELECT substr(date, 1, 7) AS month, count(*) AS articles
FROM articles
WHERE length(date) >= 7
GROUP BY month
ORDER BY month;`,
  },
  {
    label: 'example.bulletins',
    sql: `SELECT b.name, b.paper, b.date, b.date_source, b.article_count, b.fragment_count,
       c.paper AS corrected_paper, c.date AS corrected_date
FROM bulletins b
LEFT JOIN bulletin_corrections c ON c.bulletin_id = b.id
ORDER BY b.added_order;`,
  },
  {
    label: 'example.postHolders',
    sql: `-- The people index (written by the page's entity pass): who held each post when.
SELECT pp.post, p.name, pp.first_date, pp.last_date, pp.mentions, p.confidence
FROM person_posts pp
JOIN people p ON p.id = pp.person_id
WHERE pp.official = 1
ORDER BY pp.post, pp.first_date;`,
  },
];
