// What the store takes in and hands out. These types cross the worker boundary unchanged, so
// they hold plain data only (structured-clone safe: no functions, no class instances).
import type { Article, Encoding, ParsedBulletin } from '../types';

/** Where a bulletin came from, for the file list and for removing the sample corpus later. */
export type BulletinSource = 'sample' | 'file' | 'zip' | 'paste';

/** The jieba-segmented text of one article, space-separated words per FTS column. */
export interface ArticleSegments {
  /** Headline and subtitle. */
  headline: string;
  /** Kicker and column header. */
  kicker: string;
  body: string;
}

/** Everything the store needs to record one loaded (or failed) file. */
export interface NewBulletin {
  name: string;
  path: string;
  source: BulletinSource;
  sha256: string;
  /** Size of the file's bytes. */
  size: number;
  encoding: Encoding | null;
  bom: boolean;
  /** Null when the file decoded and parsed; otherwise why it did not. */
  error: string | null;
  /** The decoded text ('' for a failed file). */
  text: string;
  /** Null for a failed file. */
  parsed: ParsedBulletin | null;
  /** One entry per parsed article, same order; missing entries index as empty text. */
  segments?: ArticleSegments[];
  /** fileIdentity() of the decoded text (src/core/dedup): equal for the same bulletin in another
   *  encoding or wrapping; null or absent for an undecodable file. */
  textIdentity?: string | null;
}

/** Counts shown in the page header. */
export interface CorpusStats {
  /** Bulletins that loaded (failed files are not counted here). */
  bulletins: number;
  /** Files that were recorded with an error. */
  failed: number;
  articles: number;
  fragments: number;
}

/** One bulletin as the file list shows it. */
export interface BulletinRow {
  id: number;
  addedOrder: number;
  name: string;
  path: string;
  source: BulletinSource;
  sha256: string;
  size: number;
  encoding: Encoding | null;
  error: string | null;
  paper: string | null;
  date: string | null;
  articles: number;
  fragments: number;
}

/** A piece of a snippet or label: text, and whether it is a search hit (to be highlighted). */
export interface TextPart {
  text: string;
  hit: boolean;
}

/** A light article row for result lists: enough to show and open it, never the whole body. */
export interface ArticleRow {
  id: number;
  bulletinId: number;
  /** Position of the article in its bulletin (0-based). */
  index: number;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  credit: string | null;
  kind: Article['kind'];
  date: string | null;
  district: string | null;
  /** The bulletin's file name (for a zip entry: archive.zip/inner/path.txt). */
  file: string;
  /** Part of the body around the first hit (or its opening when nothing is searched). */
  snippet: TextPart[];
}

/** A page of search results with the total number of matching articles. */
export interface ArticlePage {
  query: string;
  total: number;
  offset: number;
  limit: number;
  rows: ArticleRow[];
}

/** What to list: an exact substring (empty = all articles) and a page window. */
export interface ListArticlesOptions {
  query?: string;
  offset?: number;
  limit?: number;
}

/** The bulletin an opened article came from, with its original text (or a window of it). */
export interface SourceBulletin {
  id: number;
  name: string;
  path: string;
  /** SHA-256 of the file's bytes: with the article's index, a reference that survives reloading. */
  sha256: string;
  paper: string | null;
  date: string | null;
  encoding: Encoding | null;
  /** The decoded text, whole when small, else a window around the article. */
  text: string;
  /** Offset of `text` within the whole bulletin text (0 unless windowed). */
  textOffset: number;
  /** Length of the whole bulletin text. */
  totalLength: number;
}

/** One opened article: every parsed field, its place, and its source bulletin. */
export interface ArticleDetail {
  id: number;
  bulletinId: number;
  index: number;
  article: Article;
  bulletin: SourceBulletin;
}
