// The top words and phrases of a set of articles, from jieba's words as stored (seg_* columns).
// A word counts when it is a content word (stopwords.ts); a phrase is a run of two or three
// content words inside one sentence (sentencesOf), kept when it recurs in two articles or more.
import { isContentWord } from './stopwords';
import { sentencesOf } from './words';
import type { AnalysisDoc, FrequencyReport, TermCount } from './types';

/** Options of the frequency lists. */
export interface FrequencyOptions {
  /** Entries per list (default 100). */
  top?: number;
}

/** The sentences of an article's headline, kicker and body, each a list of words. */
export function docSentences(doc: AnalysisDoc): string[][] {
  const join = (...parts: Array<string | null>) => parts.filter(Boolean).join('\n');
  return [
    ...sentencesOf(doc.segHeadline, join(doc.headline, doc.subtitle)),
    ...sentencesOf(doc.segKicker, doc.kicker ?? ''),
    ...sentencesOf(doc.segBody, doc.body),
  ];
}

/** Chinese words join without a space; Latin ones (AI 应用 → "AI 应用") keep one. */
function joinWords(words: readonly string[]): string {
  let out = words[0];
  for (let i = 1; i < words.length; i++) {
    const latin = /[a-z0-9]$/i.test(out) && /^[a-z0-9]/i.test(words[i]);
    out += (latin ? ' ' : '') + words[i];
  }
  return out;
}

class Counter {
  readonly count = new Map<string, number>();
  readonly docs = new Map<string, number>();
  private seen = new Set<string>();
  add(term: string): void {
    this.count.set(term, (this.count.get(term) ?? 0) + 1);
    if (!this.seen.has(term)) {
      this.seen.add(term);
      this.docs.set(term, (this.docs.get(term) ?? 0) + 1);
    }
  }
  nextDoc(): void {
    this.seen = new Set();
  }
  entries(minDocs: number): TermCount[] {
    const out: TermCount[] = [];
    for (const [term, count] of this.count) {
      const docs = this.docs.get(term) ?? 0;
      if (docs >= minDocs) out.push({ term, count, docs });
    }
    return out.sort((a, b) => b.count - a.count || b.docs - a.docs || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  }
}

/** Top words and phrases of the articles. */
export function frequencies(docs: readonly AnalysisDoc[], opts: FrequencyOptions = {}): FrequencyReport {
  const top = Math.max(1, Math.floor(opts.top ?? 100));
  const words = new Counter();
  const phrases = new Counter();
  // A phrase's parts: a two-word phrase inside a three-word one with the same count says nothing new.
  const parts = new Map<string, string[]>();
  let tokens = 0;
  for (const doc of docs) {
    words.nextDoc();
    phrases.nextDoc();
    for (const sentence of docSentences(doc)) {
      let run: string[] = [];
      const flush = () => {
        for (let n = 2; n <= 3; n++) {
          for (let i = 0; i + n <= run.length; i++) {
            const gram = run.slice(i, i + n);
            const term = joinWords(gram);
            phrases.add(term);
            if (n === 3 && !parts.has(term)) parts.set(term, [joinWords(gram.slice(0, 2)), joinWords(gram.slice(1))]);
          }
        }
        run = [];
      };
      for (const w of sentence) {
        if (isContentWord(w)) {
          tokens++;
          words.add(w);
          run.push(w);
        } else flush();
      }
      flush();
    }
  }
  const phraseList = phrases.entries(2);
  const covered = new Set<string>();
  for (const p of phraseList) {
    for (const part of parts.get(p.term) ?? []) if (phrases.count.get(part) === p.count) covered.add(part);
  }
  return {
    articles: docs.length,
    tokens,
    words: words.entries(1).slice(0, top),
    phrases: phraseList.filter((p) => !covered.has(p.term)).slice(0, top),
  };
}
