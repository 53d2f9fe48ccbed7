// Cutting stored articles again after jieba's dictionary changed (names found in the corpus, the
// user's words): the seg_* columns, their FTS rows and the token counts ranking reads are
// rewritten for the articles that hold a changed word. Search hits never depend on this (they
// are exact substrings); ranking and the frequency lists do.
import type { Database } from 'sql.js';
import { foldText } from '../query/fold';
import { segmentForIndex, type Segmenter } from '../segment/index';

/** The texts of an article that are segmented, as the store segments them. */
export interface SegmentSource {
  id: number;
  headline: string;
  subtitle: string | null;
  kicker: string | null;
  column: string | null;
  body: string;
}

/** A pattern finding any of the words (literally). */
export function anyWordPattern(words: readonly string[]): RegExp | null {
  const list = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!list.length) return null;
  return new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');
}

/** Ids of the articles (of `sources`) whose segmented text may change: those holding a word. */
export function articlesHolding(sources: Iterable<SegmentSource>, words: readonly string[]): number[] {
  const re = anyWordPattern(words);
  if (!re) return [];
  const out: number[] = [];
  for (const s of sources) {
    if ([s.headline, s.subtitle, s.kicker, s.column, s.body].some((t) => t && re.test(t))) out.push(s.id);
  }
  return out;
}

function tokens(seg: string): number {
  return seg ? seg.split(' ').length : 0;
}

/**
 * Segment the articles again and store what changed, in one transaction: the FTS row is deleted
 * while the old text is still in `articles` (external-content FTS4 needs it), the columns and the
 * token counts are updated, and the new FTS row is inserted. Returns how many articles changed.
 */
export function resegmentArticles(db: Database, segmenter: Segmenter, sources: readonly SegmentSource[]): number {
  const join = (...parts: Array<string | null>) => parts.filter(Boolean).join('\n');
  const read = db.prepare('SELECT seg_headline, seg_kicker, seg_body FROM articles WHERE id = ?');
  let changed = 0;
  db.run('BEGIN');
  try {
    for (const s of sources) {
      // Folded like CorpusStore.addBulletin (学習 → 学习), and joined like ingest's segmentArticle.
      const seg = [
        foldText(segmentForIndex(segmenter, join(s.headline, s.subtitle))),
        foldText(segmentForIndex(segmenter, join(s.kicker, s.column))),
        foldText(segmentForIndex(segmenter, s.body)),
      ];
      read.bind([s.id]);
      const old = read.step() ? read.get().map((v) => String(v ?? '')) : null;
      read.reset();
      if (!old || (old[0] === seg[0] && old[1] === seg[1] && old[2] === seg[2])) continue;
      db.run('DELETE FROM articles_fts WHERE docid = ?', [s.id]);
      db.run('UPDATE articles SET seg_headline = ?, seg_kicker = ?, seg_body = ? WHERE id = ?', [...seg, s.id]);
      db.run('INSERT INTO articles_fts (docid, seg_headline, seg_kicker, seg_body) VALUES (?,?,?,?)', [s.id, ...seg]);
      db.run('UPDATE search_docs SET tokens_headline = ?, tokens_kicker = ?, tokens_body = ? WHERE id = ?',
        [tokens(seg[0]), tokens(seg[1]), tokens(seg[2]), s.id]);
      changed++;
    }
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  } finally {
    read.free();
  }
  return changed;
}
