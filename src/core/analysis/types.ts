// The vocabulary of the analysis views (docs/analysis.md): what the worker reads out of the store
// for each article of the current result set, and what each analysis answers. Plain data, so it
// crosses the worker boundary unchanged.

/** The parts of an article searched by a concordance, each its own context (no line spans two). */
export type KwicField = 'headline' | 'subtitle' | 'kicker' | 'body';

/** One article as the analyses read it. */
export interface AnalysisDoc {
  id: number;
  headline: string;
  subtitle: string | null;
  kicker: string | null;
  body: string;
  /** jieba's words of headline+subtitle, kicker+column and body (the store's seg_* columns). */
  segHeadline: string;
  segKicker: string;
  segBody: string;
  /** The article's date, else its bulletin's (ISO, possibly only a year). */
  date: string | null;
  district: string | null;
  paper: string | null;
}

/** One concordance line: the match with its left and right context, from one field. */
export interface KwicLine {
  articleId: number;
  field: KwicField;
  /** UTF-16 offset of the match in the field's text. */
  offset: number;
  left: string;
  match: string;
  right: string;
  /** The words before the match, nearest first; and after it, nearest first (for sorting). */
  leftWords: string[];
  rightWords: string[];
  headline: string;
  date: string | null;
  district: string | null;
  paper: string | null;
}

/** A concordance over a set of articles. */
export interface Concordance {
  term: string;
  /** Every match in the articles (lines beyond `limit` are counted, not returned). */
  total: number;
  /** Articles holding at least one match. */
  articles: number;
  lines: KwicLine[];
  truncated: boolean;
}

/** How concordance lines are ordered. */
export type KwicSort = 'text' | 'left' | 'right';

/** A word or phrase with how often it occurs and in how many articles. */
export interface TermCount {
  term: string;
  count: number;
  docs: number;
}

/** The top words and phrases of a set of articles. */
export interface FrequencyReport {
  articles: number;
  /** Words counted after stop words, function words, single characters and numbers are left out. */
  tokens: number;
  words: TermCount[];
  /** Runs of two or three content words inside one sentence (高质量 发展). */
  phrases: TermCount[];
}

/** One word of an article with its TF-IDF weight against the corpus. */
export interface Keyword {
  word: string;
  count: number;
  score: number;
}

/** The keywords of one article. */
export interface ArticleKeywords {
  articleId: number;
  headline: string;
  date: string | null;
  keywords: Keyword[];
}

/** What trend series are split by. */
export type TrendGroupBy = 'none' | 'district' | 'paper';

/** One line of a trend chart: a term, within one district or paper (or over all articles). */
export interface TrendSeries {
  term: string;
  /** The district or paper; null when the series covers every article. */
  group: string | null;
  /** Occurrences per article in each month; null for a month without articles. */
  perArticle: Array<number | null>;
  /** Share of the month's articles that hold the term (0..1); null for a month without articles. */
  share: Array<number | null>;
  occurrences: number[];
  /** Articles of the month (in this group) that hold the term. */
  holding: number[];
  /** Articles of the month (in this group). */
  articles: number[];
}

/** Terms by month over a set of articles. */
export interface TrendReport {
  terms: string[];
  groupBy: TrendGroupBy;
  /** Every month from the first to the last dated article (YYYY-MM), gaps included. */
  months: string[];
  series: TrendSeries[];
  /** Articles with no month known (left out of the chart). */
  undated: number;
  /** Groups left out because only the largest are charted. */
  otherGroups: number;
}

/** A person as a node of the co-occurrence network. */
export interface CoNode {
  id: string;
  name: string;
  district: string | null;
  /** Articles of the set naming this person. */
  articles: number;
}

/** Two people named in the same articles. */
export interface CoEdge {
  source: string;
  target: string;
  /** Articles naming both. */
  count: number;
  /** Some of those articles (at most a few), for opening. */
  articleIds: number[];
}

/** Who appears with whom in a set of articles. */
export interface CoReport {
  articles: number;
  nodes: CoNode[];
  edges: CoEdge[];
  /** Pairs beyond the ones returned. */
  moreEdges: number;
}
