// Relevance within a tier (results.ts): BM25F over the jieba-segmented columns of articles_fts,
// headline and kicker weighted above the body, from FTS4's matchinfo (sql.js has no FTS5 and no
// bm25()). Hits never depend on segmentation (they are the exact-substring set); segmentation
// only orders them.
//
// matchinfo('y') gives each word's hits in each column of a row; how many articles hold a word
// is counted with one MATCH per word (and kept until the corpus changes), and column lengths
// come from search_docs (DocColumns): cheaper than matchinfo's 'x' and 'l' formats.
import type { Database } from 'sql.js';
import type { DocColumns } from './doc-columns';

/** Weights of the articles_fts columns: seg_headline, seg_kicker, seg_body. */
export const COLUMN_WEIGHTS = [4, 2, 1] as const;
/** BM25 term-frequency saturation and length normalisation. */
export const K1 = 1.2;
export const B = 0.75;

/** Inverse document frequency (BM25's, never negative). */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** A word as an FTS4 phrase (quotes cannot occur inside one). */
function phrase(word: string): string {
  return `"${word.replaceAll('"', '')}"`;
}

/** Articles holding a word, from the index. */
export function documentFrequency(db: Database, word: string): number {
  return Number(db.exec('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?', [phrase(word)])[0]?.values[0]?.[0] ?? 0);
}

/** matchinfo's blob as 32-bit unsigned integers (written in the machine's byte order). */
function values(blob: Uint8Array): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength >> 2);
  return new Uint32Array(blob.slice().buffer);
}

/**
 * BM25F scores of `ids` for the query words (with their document frequencies), written into
 * `scores` by article id. `isHit` must flag exactly `ids` by article id.
 */
export function bm25Scores(
  db: Database, cols: DocColumns, words: string[], df: number[], ids: Int32Array, isHit: Uint8Array, scores: Float64Array,
): void {
  for (const id of ids) scores[id] = 0;
  if (!words.length || !ids.length) return;
  const idfs = df.map((n) => idf(cols.count, n));
  const avg = cols.averageTokens();
  const p = words.length;
  // Reading a row costs about as much as checking its id against a list: when the words are
  // much commoner than the ids, SQLite keeps only the listed rows; else every row is read.
  const restrict = ids.length * 4 < df.reduce((a, b) => a + b, 0);
  const s = db.prepare(`SELECT docid, matchinfo(articles_fts, 'y') FROM articles_fts WHERE articles_fts MATCH ?
    ${restrict ? 'AND +docid IN (SELECT value FROM json_each(?))' : ''}`);
  try {
    const match = words.map(phrase).join(' OR ');
    s.bind(restrict ? [match, `[${ids.join(',')}]`] : [match]);
    while (s.step()) {
      const [id, blob] = s.get() as [number, Uint8Array];
      if (!isHit[id]) continue;
      const y = values(blob);
      let score = 0;
      for (let i = 0; i < p; i++) {
        let tf = 0;
        for (let j = 0; j < 3; j++) {
          const n = y[3 * i + j];
          if (!n) continue;
          const norm = 1 - B + (B * cols.tokens[j][id]) / Math.max(1, avg[j]);
          tf += (COLUMN_WEIGHTS[j] * n) / norm;
        }
        if (tf > 0) score += (idfs[i] * tf * (K1 + 1)) / (tf + K1);
      }
      scores[id] = score;
    }
  } finally {
    s.free();
  }
}
