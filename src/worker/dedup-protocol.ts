// The requests of the Duplicates view and the load summary (dedup-engine.ts answers them), merged
// into the worker's RequestMap in protocol.ts. Plain structured-clone data.
import type { DiffPart } from '../core/diff/index';

/** What the dedup stage found in the corpus, for the load summary. */
export interface DedupSummary {
  /** Files not loaded because the same bulletin was (same bytes, or same text). */
  duplicateFiles: number;
  /** Stories printed more than once (clusters of two or more printings). */
  reprintedStories: number;
  /** Printings in those clusters. */
  reprintPrintings: number;
  /** Passages printed twice inside an article, removed from its clean text. */
  echoes: number;
  /** Passages of one article pasted into another, moved out of it. */
  pasted: number;
  /** Paragraphs split by a column or page break, joined. */
  joins: number;
  /** Paragraphs that belong to no article, and of those the orphans (body text after a
   *  closed article). */
  fragments: number;
  orphans: number;
  /** The user's split and merge actions in force. */
  decisions: number;
  /** Milliseconds the last clustering took in the worker (new articles only), or null. */
  clusterMs: number | null;
  /** Articles the story index holds. */
  articles: number;
}

/** A file skipped because the same bulletin was already loaded. */
export interface DuplicateFileRow {
  name: string;
  /** bytes: identical files; text: the same text in another encoding, line ends or wrapping. */
  match: 'bytes' | 'text';
  encoding: string | null;
  /** The loaded bulletin it duplicates. */
  of: { id: number; name: string; encoding: string | null };
}

/** One printing of a story. */
export interface PrintingView {
  articleId: number;
  /** The link reference of the article (`<sha256 prefix>.<index>`). */
  ref: string;
  bulletinId: number;
  /** 0-based position of the article in its bulletin. */
  index: number;
  file: string;
  paper: string | null;
  date: string | null;
  headline: string;
  credit: string | null;
  body: string;
}

/** A printing compared with the canonical version. */
export interface ComparedPrinting extends PrintingView {
  /** Both bodies cut into same/removed/added parts (null when the cluster is too big to diff
   *  every printing: only the first few are). */
  diff: { canonical: DiffPart[]; printing: DiffPart[]; removed: number; added: number; moved: number } | null;
  headlineDiff: { canonical: DiffPart[]; printing: DiffPart[] };
  /** Share of characters the two bodies have in common, 0-1. */
  similarity: number | null;
}

/** A story printed more than once. */
export interface ClusterView {
  /** The canonical printing's article id (the story's id in search_docs.story_id). */
  id: number;
  canonical: PrintingView;
  /** "Also appeared in": the other printings, in the order they were loaded. */
  others: ComparedPrinting[];
}

/** A printing as a decision names it (null fields: the article is not loaded now). */
export interface DecisionPrinting {
  ref: string;
  articleId: number | null;
  headline: string | null;
  file: string | null;
}

/** One user action on the clusters. */
export interface DecisionView {
  seq: number;
  /** true: a merge; false: a split. */
  together: boolean;
  decidedAt: string;
  /** For a split, the printing split off; for a merge, null. */
  subject: DecisionPrinting | null;
  /** The printings it was split from, or all printings merged. */
  printings: DecisionPrinting[];
}

/** A page of the Duplicates view. */
export interface DedupPage {
  total: number;
  offset: number;
  limit: number;
  clusters: ClusterView[];
  duplicateFiles: DuplicateFileRow[];
  decisions: DecisionView[];
  summary: DedupSummary;
}

/** The dedup requests with their parameters and results. */
export interface DedupRequestMap {
  /** Counts for the load summary. */
  'dedup-summary': { params: Record<string, never>; result: DedupSummary };
  /** A page of story clusters with their printings compared, the duplicate files and the user's
   *  decisions. */
  'dedup-page': { params: { offset: number; limit: number }; result: DedupPage };
  /** Split a printing off its cluster: it is not the same story as the others (kept). */
  'dedup-split': { params: { articleId: number }; result: DedupSummary };
  /** Merge the clusters (or single articles) these printings belong to into one story (kept). */
  'dedup-merge': { params: { articleIds: number[] }; result: DedupSummary };
  /** Undo one split or merge. */
  'dedup-undo': { params: { seq: number }; result: DedupSummary };
}
