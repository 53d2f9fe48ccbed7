// Keywords per article: TF-IDF of its content words against the whole corpus. A word scores
// high in an article when the article uses it often and few articles of the corpus use it at
// all, so 防汛 beats 工作 in a flood-control report.
import { isContentWord } from './stopwords';
import { segWords } from './words';
import type { AnalysisDoc, ArticleKeywords, Keyword } from './types';

/** How many articles of a corpus hold each word. */
export interface DocumentFrequencies {
  docs: number;
  df: Map<string, number>;
}

/** The segmented columns of an article (headline, kicker, body). */
export type SegColumns = Pick<AnalysisDoc, 'segHeadline' | 'segKicker' | 'segBody'>;

/** The content words of an article, with repeats. */
export function contentWords(doc: SegColumns): string[] {
  return [...segWords(doc.segHeadline), ...segWords(doc.segKicker), ...segWords(doc.segBody)].filter(isContentWord);
}

/** Document frequencies over a corpus (every article, not only a result set). */
export function documentFrequencies(docs: Iterable<SegColumns>): DocumentFrequencies {
  const df = new Map<string, number>();
  let n = 0;
  for (const doc of docs) {
    n++;
    for (const w of new Set(contentWords(doc))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return { docs: n, df };
}

/** Smoothed inverse document frequency: never zero, never infinite (a word unknown to the
 *  corpus counts as held by no article). */
export function inverseFrequency(corpus: DocumentFrequencies, word: string): number {
  return Math.log((corpus.docs + 1) / ((corpus.df.get(word) ?? 0) + 1)) + 1;
}

/**
 * The article's `top` words by TF-IDF: (1 + log count) × idf. The log damps a word repeated
 * in a list; ties go to the commoner word in the article, then to code-point order.
 */
export function articleKeywords(doc: SegColumns, corpus: DocumentFrequencies, top = 8): Keyword[] {
  const counts = new Map<string, number>();
  for (const w of contentWords(doc)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const out: Keyword[] = [];
  for (const [word, count] of counts) out.push({ word, count, score: (1 + Math.log(count)) * inverseFrequency(corpus, word) });
  return out.sort((a, b) => b.score - a.score || b.count - a.count || (a.word < b.word ? -1 : 1)).slice(0, top);
}

/** Keywords of each article, in the given order. */
export function keywordsOf(docs: readonly AnalysisDoc[], corpus: DocumentFrequencies, top = 8): ArticleKeywords[] {
  return docs.map((d) => ({ articleId: d.id, headline: d.headline, date: d.date, keywords: articleKeywords(d, corpus, top) }));
}
