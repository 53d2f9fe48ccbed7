// Shared by the search tests: corpora loaded through the real ingest path (decode, parse,
// jieba, store), a reference scan to compare search with, and random queries cut from the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { cut } from 'jieba-wasm';
import { generateCorpus } from '../../bench/search/corpus';
import { Rng } from '../../bench/lib/prng';
import { isBulletinName } from '../../src/core/decode';
import { ingestFile, segmentArticle } from '../../src/core/ingest';
import { foldText } from '../../src/core/query/fold';
import { Searcher } from '../../src/core/query/search';
import { jiebaSegmenter } from '../../src/core/segment';
import { CorpusStore } from '../../src/core/store';
import { optimizeSearchIndexes, searchableText } from '../../src/core/store/search-index';
import type { SearchRequest } from '../../src/core/query/types';
import type { Article } from '../../src/core/types';
import { article, parsed } from './store-fixtures';

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');
export const segmenter = jiebaSegmenter(cut);

/** A loaded corpus with a searcher over it and every article's searchable text. */
export interface LoadedCorpus {
  store: CorpusStore;
  searcher: Searcher;
  /** Article id → the text a plain term is searched in (headline, subtitle, kicker, body). */
  texts: Map<number, string>;
}

let sqlPromise: ReturnType<typeof initSqlJs> | null = null;

/**
 * Load bulletin files (name + text) into a new corpus, then write the pending grams as the page
 * does after a load (`flush: false` leaves the last articles to be searched through their text).
 */
export async function loadCorpus(files: Array<{ name: string; text: string }>, opts: { flush?: boolean } = {}): Promise<LoadedCorpus> {
  const SQL = await (sqlPromise ??= initSqlJs());
  const store = CorpusStore.create(SQL);
  for (const f of files) await ingestFile(store, segmenter, { name: f.name, bytes: new TextEncoder().encode(f.text) });
  if (opts.flush !== false) optimizeSearchIndexes(store.db);
  const texts = new Map<number, string>();
  const r = store.db.exec('SELECT id, headline, subtitle, kicker, body FROM articles ORDER BY id')[0];
  for (const [id, headline, subtitle, kicker, body] of r?.values ?? []) {
    texts.set(Number(id), searchableText({
      headline: String(headline), subtitle: subtitle as string | null, kicker: kicker as string | null, body: String(body),
    }));
  }
  return { store, searcher: new Searcher(store.db, segmenter), texts };
}

/** The sample bulletins. */
export function seedFiles(): Array<{ name: string; text: string }> {
  return readdirSync(SEEDS_DIR).filter(isBulletinName).sort()
    .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}

/** A generated corpus of about `articles` articles (bench/search/corpus.ts). */
export function generatedFiles(articles: number, seed = 7): Array<{ name: string; text: string }> {
  return generateCorpus({ articles, seed, traditional: 0.1, reprints: 0.05 });
}

/** The ids of the articles containing `literal`, by a plain scan of the folded text. */
export function scan(corpus: LoadedCorpus, literal: string): number[] {
  const q = foldText(literal);
  return [...corpus.texts].filter(([, t]) => foldText(t).includes(q)).map(([id]) => id);
}

/** `count` random substrings of 2–6 characters of the articles' text (never across fields). */
export function randomSubstrings(corpus: LoadedCorpus, count: number, seed: number): string[] {
  const rng = new Rng(seed);
  const texts = [...corpus.texts.values()];
  const out: string[] = [];
  while (out.length < count) {
    const lines = rng.pick(texts).split('\n').filter((l) => l.length >= 2);
    if (!lines.length) continue;
    const line = rng.pick(lines);
    const chars = Array.from(line);
    const len = rng.int(2, Math.min(6, chars.length));
    const at = rng.int(0, chars.length - len);
    const q = chars.slice(at, at + len).join('');
    if (q.trim()) out.push(q);
  }
  return out;
}

/** A corpus of hand-made articles (no parser involved): each bulletin is a list of articles. */
export async function corpusOf(bulletins: Array<{ name: string; paper?: string | null; date?: string | null; articles: Array<Partial<Article>> }>): Promise<LoadedCorpus> {
  const SQL = await (sqlPromise ??= initSqlJs());
  const store = CorpusStore.create(SQL);
  bulletins.forEach((b, i) => {
    const articles = b.articles.map((a) => article({ kicker: null, subtitle: null, column: null, reporters: [], credit: null, ...a }));
    const p = parsed(articles, 0);
    p.meta = { paper: b.paper ?? null, date: b.date ?? null, dateSource: b.date ? 'file-name' : null };
    store.addBulletin({
      name: b.name, path: b.name, source: 'file', sha256: `${String(i).padStart(4, '0')}${'ab'.repeat(30)}`, size: 1,
      encoding: 'utf-8', bom: false, error: null, text: '', parsed: p,
      segments: articles.map((a) => segmentArticle(segmenter, a)),
    });
  });
  optimizeSearchIndexes(store.db);
  const texts = new Map<number, string>();
  const r = store.db.exec('SELECT id, headline, subtitle, kicker, body FROM articles ORDER BY id')[0];
  for (const [id, headline, subtitle, kicker, body] of r?.values ?? []) {
    texts.set(Number(id), searchableText({
      headline: String(headline), subtitle: subtitle as string | null, kicker: kicker as string | null, body: String(body),
    }));
  }
  return { store, searcher: new Searcher(store.db, segmenter), texts };
}

/** The headlines of the results of a query, in order. */
export function headlines(corpus: LoadedCorpus, query: string, opts: Omit<SearchRequest, 'query'> = {}): string[] {
  return corpus.searcher.search({ limit: 500, ...opts, query }).rows.map((r) => r.headline);
}
