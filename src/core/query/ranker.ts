// Relevance within a tier of results (results.ts): BM25F (rank.ts) over the query's jieba words,
// with the document frequencies and scores kept until the corpus changes, so another chip, order
// or page of the same query scores nothing twice.
import type { Database } from 'sql.js';
import { segmentForIndex, type Segmenter } from '../segment';
import type { CompiledQuery } from './compile';
import type { DocColumns } from './doc-columns';
import { bm25Scores, documentFrequency } from './rank';

/** Word sets whose scores are kept (each a Float64Array over the article ids). */
const SCORE_SETS = 8;

/** Scores and orders tiers of hits for one corpus database. */
export class Ranker {
  private isHit = new Uint8Array(0);
  /** BM25F scores by word set (scoresFor). */
  private scoreCache = new Map<string, Float64Array>();
  /** Articles holding each ranking word. */
  private df = new Map<string, number>();

  constructor(private readonly db: Database, private readonly cols: DocColumns, private readonly segmenter: Segmenter) {}

  /** Forget what was computed (the corpus changed). */
  clear(): void {
    this.df.clear();
    this.scoreCache.clear();
  }

  /** One tier of hits by BM25F, best first (ties in load order). */
  rankTier(ids: Int32Array, terms: CompiledQuery['rankTerms']): Int32Array {
    const cols = this.cols;
    if (this.isHit.length <= cols.maxId) this.isHit = new Uint8Array(cols.maxId + 1);
    const words = this.rankWords(terms);
    const scores = this.scoresFor(words);
    const todo = ids.filter((id) => Number.isNaN(scores[id]));
    if (todo.length) {
      const df = words.map((w) => this.documentFrequency(w));
      const { isHit } = this;
      for (const id of todo) isHit[id] = 1;
      bm25Scores(this.db, cols, words, df, todo, isHit, scores);
      for (const id of todo) isHit[id] = 0;
    }
    return ids.slice().sort((a, b) => scores[b] - scores[a] || a - b);
  }

  private documentFrequency(word: string): number {
    let n = this.df.get(word);
    if (n === undefined) this.df.set(word, (n = documentFrequency(this.db, word)));
    return n;
  }

  /**
   * The jieba words relevance is computed over. Words in more than half of the corpus (的, 将,
   * 工作 in a corpus of work reports) are left out when rarer ones remain: their inverse document
   * frequency is under ln 2, a small share of the score, while reading their rows is most of the
   * cost of ranking.
   */
  private rankWords(terms: CompiledQuery['rankTerms']): string[] {
    const words = [...new Set(terms.flatMap((t) => segmentForIndex(this.segmenter, t.text).split(' ')))].filter(Boolean);
    if (words.length < 2) return words;
    const half = this.cols.count / 2;
    const rare = words.filter((w) => this.documentFrequency(w) <= half);
    if (rare.length) return rare;
    return [words.reduce((a, b) => (this.documentFrequency(a) <= this.documentFrequency(b) ? a : b))];
  }

  /** The BM25F scores by article id for a set of words (NaN: not computed yet), kept for the
   *  last few sets. */
  private scoresFor(words: string[]): Float64Array {
    const key = words.join(' ');
    let scores = this.scoreCache.get(key);
    if (scores && scores.length > this.cols.maxId) {
      this.scoreCache.delete(key);
    } else {
      scores = new Float64Array(this.cols.maxId + 1).fill(Number.NaN);
      if (this.scoreCache.size >= SCORE_SETS) this.scoreCache.delete(this.scoreCache.keys().next().value as string);
    }
    this.scoreCache.set(key, scores); // most recently used last
    return scores;
  }
}
