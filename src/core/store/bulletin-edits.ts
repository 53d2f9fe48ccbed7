// The bulletin view's reads and the one edit a user makes to a bulletin: correcting its paper
// and date. A correction re-parses the bulletin (the caller does that) and its articles are
// rewritten in place, keeping their ids, so links and open views still point at them; the
// correction itself is kept in `bulletin_corrections` (docs/schema.md).
import type { SqlValue } from 'sql.js';
import { foldText } from '../query/fold';
import type { ParsedBulletin } from '../types';
import type { CorpusStore } from './corpus-store';
import { articleValues, bulletinFromRow, num, str, type Row } from './rows';
import { SearchIndexWriter } from './search-index';
import type {
  BulletinArticlePiece, BulletinCorrection, BulletinDetail, BulletinFragmentPiece, BulletinMetaInput,
} from './bulletin-types';
import type { ArticleSegments } from './types';

export { normaliseBulletinDate, normaliseBulletinPaper } from './bulletin-input';

/** Fragment text sent to the bulletin view is cut here (the original text holds it whole). */
export const FRAGMENT_PREVIEW = 300;
/** Characters of an article's body shown in the bulletin view. */
const EXCERPT = 80;

const UPDATE_ARTICLE = `UPDATE articles SET bulletin_id = ?, idx = ?, kicker = ?, headline = ?,
  subtitle = ?, column_name = ?, kind = ?, lead = ?, dateline = ?, date = ?, byline = ?,
  reporters = ?, correspondents = ?, credit = ?, district = ?, body = ?, original = ?, repairs = ?,
  flags = ?, spans = ?, start_offset = ?, end_offset = ?, seg_headline = ?, seg_kicker = ?,
  seg_body = ? WHERE id = ?`;
const INSERT_ARTICLE = `INSERT INTO articles (bulletin_id, idx, kicker, headline, subtitle,
  column_name, kind, lead, dateline, date, byline, reporters, correspondents, credit, district,
  body, original, repairs, flags, spans, start_offset, end_offset, seg_headline, seg_kicker,
  seg_body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;

function rows(store: CorpusStore, sql: string, params: SqlValue[] = []): Row[] {
  const st = store.db.prepare(sql);
  try {
    st.bind(params);
    const out: Row[] = [];
    while (st.step()) out.push(st.getAsObject());
    return out;
  } finally {
    st.free();
  }
}

const JSON_COUNT = (col: string) => `CASE WHEN json_valid(${col}) THEN json_array_length(${col}) ELSE 0 END`;

/** One bulletin with its articles and fragments in page order; null when the id is unknown. */
export function getBulletinDetail(store: CorpusStore, id: number): BulletinDetail | null {
  const b = rows(store, `SELECT id, added_order, name, path, source, sha256, size, encoding, bom,
    error, paper, date, date_source, article_count, fragment_count, length(text) AS text_length
    FROM bulletins WHERE id = ?`, [id])[0];
  if (!b) return null;
  const articles: BulletinArticlePiece[] = rows(store, `SELECT id, idx, start_offset, end_offset,
    headline, kicker, kind, dateline, date, district, substr(body, 1, ${EXCERPT}) AS excerpt,
    ${JSON_COUNT('repairs')} AS repairs, ${JSON_COUNT('flags')} AS flags
    FROM articles WHERE bulletin_id = ? ORDER BY idx`, [id]).map((r) => ({
    type: 'article', id: num(r.id), index: num(r.idx), start: num(r.start_offset), end: num(r.end_offset),
    headline: str(r.headline) ?? '', kicker: str(r.kicker), kind: (str(r.kind) ?? 'news') as BulletinArticlePiece['kind'],
    dateline: str(r.dateline), date: str(r.date), district: str(r.district),
    repairs: num(r.repairs), flags: num(r.flags), excerpt: str(r.excerpt) ?? '',
  }));
  const fragments: BulletinFragmentPiece[] = rows(store, `SELECT id, idx, reason, start_offset, end_offset,
    substr(text, 1, ${FRAGMENT_PREVIEW}) AS text, length(text) AS length
    FROM fragments WHERE bulletin_id = ? ORDER BY idx`, [id]).map((r) => ({
    type: 'fragment', id: num(r.id), index: num(r.idx), start: num(r.start_offset), end: num(r.end_offset),
    reason: str(r.reason) ?? '', text: str(r.text) ?? '', length: num(r.length),
  }));
  const pieces = [...articles, ...fragments].sort((x, y) => x.start - y.start || x.end - y.end);
  return {
    bulletin: {
      ...bulletinFromRow(b), dateSource: str(b.date_source), bom: num(b.bom) === 1, textLength: num(b.text_length),
    },
    correction: getCorrection(store, id),
    pieces,
  };
}

/** The stored correction of a bulletin, if any. */
export function getCorrection(store: CorpusStore, id: number): BulletinCorrection | null {
  const r = rows(store, `SELECT paper, date, inferred_paper, inferred_date, corrected_at
    FROM bulletin_corrections WHERE bulletin_id = ?`, [id])[0];
  if (!r) return null;
  return {
    paper: str(r.paper), date: str(r.date), inferredPaper: str(r.inferred_paper),
    inferredDate: str(r.inferred_date), correctedAt: str(r.corrected_at) ?? '',
  };
}

/** What a correction needs to know about the bulletin: its name, text and current meta. */
export function bulletinSource(store: CorpusStore, id: number): {
  name: string; sha256: string; text: string; error: string | null; paper: string | null; date: string | null;
} | null {
  const r = rows(store, 'SELECT name, sha256, text, error, paper, date FROM bulletins WHERE id = ?', [id])[0];
  if (!r) return null;
  return {
    name: str(r.name) ?? '', sha256: str(r.sha256) ?? '', text: str(r.text) ?? '', error: str(r.error),
    paper: str(r.paper), date: str(r.date),
  };
}

/**
 * Replace a bulletin's parse (after a re-parse with corrected meta) and record the correction,
 * all in one transaction. Articles keep their ids position by position; the FTS rows are
 * rewritten (an external-content FTS4 row is deleted while its old text is still in place), and
 * so are the search tables, keeping each article's story.
 */
export function replaceBulletinParse(
  store: CorpusStore,
  id: number,
  parsed: ParsedBulletin,
  segments: ArticleSegments[],
  correction: { input: BulletinMetaInput; inferredPaper: string | null; inferredDate: string | null } | null,
): void {
  const db = store.db;
  const oldIds = rows(store, 'SELECT id FROM articles WHERE bulletin_id = ? ORDER BY idx', [id]).map((r) => num(r.id));
  const search = new SearchIndexWriter(db);
  const facts = { id, paper: parsed.meta.paper, date: parsed.meta.date };
  db.run('BEGIN');
  try {
    // Each article leaves the search tables (search-index.ts) with the story dedup gave it.
    const stories = new Map<number, number | null>();
    for (const old of oldIds) {
      db.run('DELETE FROM articles_fts WHERE docid = ?', [old]);
      stories.set(old, search.remove(old));
    }
    // Free the (bulletin_id, idx) slots beyond the new count before rewriting the rest.
    for (const old of oldIds.slice(parsed.articles.length)) db.run('DELETE FROM articles WHERE id = ?', [old]);
    parsed.articles.forEach((a, i) => {
      const raw = segments[i] ?? { headline: '', kicker: '', body: '' };
      // Folded like CorpusStore.addBulletin does (学習 → 学习), so ranking treats both scripts alike.
      const seg = { headline: foldText(raw.headline), kicker: foldText(raw.kicker), body: foldText(raw.body) };
      const values = [...articleValues(id, i, a), seg.headline, seg.kicker, seg.body];
      let articleId = oldIds[i];
      if (articleId !== undefined) db.run(UPDATE_ARTICLE, [...values, articleId]);
      else {
        db.run(INSERT_ARTICLE, values);
        articleId = num(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
      }
      db.run('INSERT INTO articles_fts (docid, seg_headline, seg_kicker, seg_body) VALUES (?,?,?,?)',
        [articleId, seg.headline, seg.kicker, seg.body]);
      search.add(articleId, a, facts, seg);
      const story = stories.get(articleId);
      if (story != null && story !== articleId) db.run('UPDATE search_docs SET story_id = ? WHERE id = ?', [story, articleId]);
    });
    db.run('DELETE FROM fragments WHERE bulletin_id = ?', [id]);
    parsed.fragments.forEach((f, i) => {
      db.run(`INSERT INTO fragments (bulletin_id, idx, text, reason, start_offset, end_offset)
        VALUES (?,?,?,?,?,?)`, [id, i, f.text, f.reason, f.span?.start ?? 0, f.span?.end ?? 0]);
    });
    db.run(`UPDATE bulletins SET paper = ?, date = ?, date_source = ?, article_count = ?,
      fragment_count = ? WHERE id = ?`, [parsed.meta.paper, parsed.meta.date, parsed.meta.dateSource,
      parsed.articles.length, parsed.fragments.length, id]);
    if (correction) {
      db.run(`INSERT OR REPLACE INTO bulletin_corrections (bulletin_id, sha256, paper, date,
        inferred_paper, inferred_date, corrected_at)
        VALUES (?, (SELECT sha256 FROM bulletins WHERE id = ?), ?, ?, ?, ?, ?)`,
      [id, id, correction.input.paper, correction.input.date, correction.inferredPaper,
        correction.inferredDate, new Date().toISOString()]);
    } else db.run('DELETE FROM bulletin_corrections WHERE bulletin_id = ?', [id]);
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  } finally {
    search.free();
  }
  store.forgetCaches();
}
