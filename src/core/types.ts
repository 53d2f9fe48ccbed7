// The shared vocabulary of the pipeline. Every stage (decode, parse, repair, dedup, segment,
// index, query) speaks these types; the worker protocol and the CLI output are built from them.

/** A half-open range of UTF-16 offsets into a bulletin's decoded, line-normalised text. */
export interface Span {
  start: number;
  end: number;
}

/** The encodings the decoder recognises without being told. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What decoding a file's bytes produced: text with `\n` line ends, or a specific error. */
export interface DecodedText {
  text: string;
  encoding: Encoding | null;
  /** Null when the bytes were decoded; otherwise a sentence naming the problem. */
  error: string | null;
  /** With an error: a stable code for it (`binary:png`, `nul-bytes`, `not-utf8-gbk`,
   *  `control-chars:<encoding>`), so a page can say it in its own language. */
  reason?: string;
  /** True when the bytes started with a byte-order mark. */
  bom: boolean;
}

/** The kind of an article, as a reader of the page would name it. */
export type ArticleKind = 'news' | 'photo' | 'commentary' | 'notice';

/** One change the parser or the repair stage made to the text; the original is always kept. */
export interface Repair {
  /** join: a paragraph split by a column/page break was joined; echo: a repeated passage was
   *  dropped from the clean body; foreign: a passage pasted from another article was moved out. */
  type: 'join' | 'echo' | 'foreign';
  /** The text as it stood in the source (for a join: the two sides with the break between). */
  original: string;
  /** What the clean body holds instead ('' when the passage was removed). */
  replacement: string;
  /** Where in the source text the repaired passage lies. */
  span: Span;
  /** A human-readable note, e.g. which article a foreign passage belongs to. */
  note: string;
}

/** A mark on an article that something needs attention, without a change to its text. */
export interface Flag {
  type: 'foreign' | 'echo' | 'no-headline' | 'truncated' | 'no-credit';
  note: string;
  span?: Span;
  /** For a foreign passage: the index (in the same bulletin) of the article it belongs to. */
  belongsTo?: number;
}

/** Where each parsed part of an article came from in the bulletin text. */
export interface ArticleSpans {
  article: Span;
  headline?: Span;
  kicker?: Span;
  subtitle?: Span;
  column?: Span;
  lead?: Span;
  byline?: Span;
  dateline?: Span;
  credit?: Span;
  /** One span per body paragraph of the source, in order. */
  paragraphs: Span[];
}

/** One article of a bulletin, with every part the parser found and the text it came from. */
export interface Article {
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  column: string | null;
  kind: ArticleKind;
  /** The lead marker the body opens with: 本报讯, 新华社北京6月9日电 …; null when none. */
  lead: string | null;
  /** The time phrase the lead opens with, raw (6月8日, 近日, “六一”期间). */
  dateline: string | null;
  /** ISO date (YYYY-MM-DD, or YYYY-MM) when a year is known; never guessed. */
  date: string | null;
  /** The raw reporter text of the lead's parentheses or the author line. */
  byline: string | null;
  reporters: string[];
  correspondents: string[];
  /** The closing credit without its parentheses. */
  credit: string | null;
  /** The county-level unit the article is about (红旗区, 封丘县 …). */
  district: string | null;
  /** The repaired body: lead and byline removed, breaks joined, echoes and pasted passages out;
   *  paragraphs separated by `\n`. */
  body: string;
  /** The article's text exactly as in the file. */
  original: string;
  repairs: Repair[];
  flags: Flag[];
  spans: ArticleSpans;
}

/** A paragraph with no headline that belongs to no article. */
export interface Fragment {
  text: string;
  /** orphan: body text after a closed article; preamble: before the first article;
   *  furniture: page headers and editor lines (第04版, 责任编辑). */
  reason: 'orphan' | 'preamble' | 'furniture';
  span: Span;
}

/** What the parser knows about the bulletin as a whole. */
export interface BulletinMeta {
  /** The newspaper, when the file name or text names it (新乡日报). */
  paper: string | null;
  /** The issue date (YYYY-MM-DD) or year (YYYY) when inferred, with where it came from. */
  date: string | null;
  dateSource: 'file-name' | 'text' | 'user' | null;
}

/** The result of parsing one bulletin's text. */
export interface ParsedBulletin {
  meta: BulletinMeta;
  articles: Article[];
  fragments: Fragment[];
}

/** Options the parser takes besides the text. */
export interface ParseOptions {
  /** The file's name or path: a date or paper in it is read (新乡日报_2026-06-10_04.txt). */
  fileName?: string;
  /** A paper/date the user has set for this bulletin; overrides inference. */
  paper?: string | null;
  date?: string | null;
}
