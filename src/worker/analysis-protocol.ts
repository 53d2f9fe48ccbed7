// The requests of the people and analysis views (entities-engine.ts answers them), merged into
// the worker's RequestMap in protocol.ts, and the event the entity pass reports progress with.
import type {
  ArticleKeywords, Concordance, CoReport, FrequencyReport, PersonDetail, PersonSummary, PlaceRow,
  PostDetail, PostSummary, TimelineReport, TrendGroupBy, TrendReport,
} from '../core/analysis/index';
import type { UpdateStats, UserWord } from '../core/entities/index';
import type { FacetFilter, SortOrder } from '../core/query/types';

/** The result set an analysis runs over: the search as the query desk has it (every match,
 *  not a page; the order does not matter to the analyses). */
export interface ResultScope {
  query: string;
  filters: FacetFilter[];
  everyPrinting: boolean;
  /** The result list's order (which articles come first matters to the keyword list). */
  sort?: SortOrder;
}

/** Where the entity pass is. waiting: a pass is due (files just loaded); tagging, extracting,
 *  resegmenting: its phases; ready: the report on offer is current. */
export type EntitiesPhase = 'idle' | 'waiting' | 'tagging' | 'extracting' | 'resegmenting' | 'ready' | 'error';

/** Milliseconds each phase of the last finished pass took. */
export interface EntitiesTimings {
  tagMs: number;
  extractMs: number;
  writeMs: number;
  resegmentMs: number;
  totalMs: number;
}

/** The state of the people index in the worker. */
export interface EntitiesStatus {
  phase: EntitiesPhase;
  /** Progress of the phase (articles tagged or re-segmented of `total`). */
  done: number;
  total: number;
  /** Rises with every finished pass, so views know to fetch again. */
  revision: number;
  articles: number;
  people: number;
  posts: number;
  places: number;
  /** Names and user words added to jieba's dictionary so far. */
  dictionaryWords: number;
  /** Articles whose segmentation changed in the last pass (after names were added). */
  resegmented: number;
  timings: EntitiesTimings | null;
  /** Why places are missing (the gazetteer did not load) or the pass failed. */
  problem: string | null;
  /** What the last pass's extraction read again: bulletins read from scratch (new or changed),
   *  kept bulletins whose mentions were relinked, bulletins removed. */
  lastUpdate?: UpdateStats;
}

/** A user word as the worker holds it. */
export interface UserWordState extends Required<UserWord> {
  /** True when jieba already kept the word whole before it was added (removing it changes nothing). */
  known: boolean;
}

/** What setting the user's words did. */
export interface UserWordsResult {
  words: UserWordState[];
  /** Words that were in the list and are no longer: jieba cannot forget a word, so they stay in
   *  its dictionary until the page is reloaded. */
  pendingRemoval: string[];
  resegmented: number;
  ms: number;
}

/** The keywords of the first articles of a result set. */
export interface KeywordsResult {
  total: number;
  articles: ArticleKeywords[];
}

/** Requests answered by the entity engine. */
export interface AnalysisRequestMap {
  'entities-status': { params: Record<string, never>; result: EntitiesStatus };
  /** Every person of the index, by name. */
  people: { params: Record<string, never>; result: PersonSummary[] };
  /** A person page; null when the id is unknown (the index changed). (Not `id`: every request
   *  carries its own `id`.) */
  person: { params: { personId: string }; result: PersonDetail | null };
  /** Every post of the index with its holder count. */
  posts: { params: Record<string, never>; result: PostSummary[] };
  /** Who held a post when; null when unknown. */
  post: { params: { post: string; district: string | null }; result: PostDetail | null };
  places: { params: Record<string, never>; result: PlaceRow[] };
  /** Replace the user's words in jieba's dictionary and re-segment the articles holding them. */
  'user-words': { params: { words: UserWord[] }; result: UserWordsResult };
  /** A concordance of a word or phrase over the result set. */
  kwic: { params: { scope: ResultScope; term: string; width?: number; limit?: number }; result: Concordance };
  /** Top words and phrases of the result set. */
  frequencies: { params: { scope: ResultScope; top?: number }; result: FrequencyReport };
  /** TF-IDF keywords (against the corpus) of the result set's first `limit` articles. */
  keywords: { params: { scope: ResultScope; limit?: number; top?: number }; result: KeywordsResult };
  /** Terms by month over the result set, split by district or paper if asked. */
  trends: { params: { scope: ResultScope; terms: string[]; groupBy: TrendGroupBy; maxGroups?: number }; result: TrendReport };
  /** Articles and the event dates their texts name, by month, over the result set. */
  timeline: { params: { scope: ResultScope }; result: TimelineReport };
  /** Officials named together in the result set's articles. */
  cooccurrence: { params: { scope: ResultScope; top?: number; minCount?: number }; result: CoReport };
}

/** Progress of the entity pass, posted whenever its phase or count moves (a few per second). */
export interface EntitiesEvent {
  type: 'entities';
  status: EntitiesStatus;
}
