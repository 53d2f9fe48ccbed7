// The one contract between the page and the corpus worker. Every request carries an id and gets
// exactly one response with that id; progress events flow in between, batched. Everything here
// is structured-clone data (File/Blob handles included), so it crosses postMessage as is.
import type { Problem } from '../core/ingest/types';
import type {
  ArticleDetail, BulletinRow, BulletinSource, CorpusStats,
} from '../core/store/types';
import type { BulletinDetail, BulletinMetaInput } from '../core/store/bulletin-types';
import type { CorpusSnapshot } from '../core/store/snapshot';
import type { Encoding } from '../core/types';
import type { FacetFilter, SearchPage, SortOrder } from '../core/query/types';
import type { SearchDeskStats } from './search-desk';
import type { AnalysisRequestMap, EntitiesEvent } from './analysis-protocol';
import type { DedupRequestMap } from './dedup-protocol';
import type { KeepEvent, KeepRequestMap } from './keep-protocol';

/** Where a file is in its journey into the corpus. */
export type FileState = 'queued' | 'loading' | 'done' | 'error' | 'skipped';

/** The latest known state of one file (or archive entry) the user gave. */
export interface FileProgress {
  /** Unique for the page's lifetime; later events for the same file carry the same key. */
  key: string;
  /** File name, relative path in a folder, or archive.zip/inner/path.txt. */
  name: string;
  source: BulletinSource;
  state: FileState;
  articles: number;
  fragments: number;
  encoding: Encoding | null;
  /** Why the file failed or was skipped; null otherwise. */
  problem: Problem | null;
  /** For an archive: how many entries it held (loaded and skipped). */
  entries?: number;
  /** For an archive entry: the key of its archive. */
  parent?: string;
}

/** A file handed to the worker, which reads its bytes itself (off the main thread). */
export interface FileToAdd {
  /** The name to record: the relative path when it came from a folder. */
  name: string;
  file: Blob;
}

/** What a load request did, counted when it finished. */
export interface LoadSummary {
  files: number;
  done: number;
  errors: number;
  skipped: number;
  articles: number;
}

/** Every request type with its parameters and its result (the people and analysis views'
 *  requests are in analysis-protocol.ts). */
export interface RequestMap extends AnalysisRequestMap, DedupRequestMap, KeepRequestMap {
  /** Fetch the built-in sample corpus listed in a manifest ({ files: string[] }) and load it. */
  'load-samples': { params: { manifestUrl: string }; result: LoadSummary };
  /** Load files: bulletins, zips of bulletins; anything else is reported as skipped. */
  'add-files': { params: { files: FileToAdd[] }; result: LoadSummary };
  /** Load pasted text as a bulletin named pasted-N.txt. */
  'add-text': { params: { text: string }; result: LoadSummary };
  /** A page of the query desk's results: the query (docs/search.md), filter chips, order,
   *  every printing or each story once; with facet counts and syntax hints. */
  search: {
    params: { query: string; offset: number; limit: number; filters?: FacetFilter[]; sort?: SortOrder; everyPrinting?: boolean };
    result: SearchPage;
  };
  /** The id of the article a link's reference (`<sha256 prefix>.<index>`) names; null if not loaded. */
  'resolve-ref': { params: { ref: string }; result: number | null };
  /** Sizes of the search index and what building it cost (the search benchmark reads these). */
  'search-stats': { params: Record<string, never>; result: SearchDeskStats };
  /** One article in full with its bulletin's text; null when the id is unknown. */
  'get-article': { params: { articleId: number }; result: ArticleDetail | null };
  'list-bulletins': { params: Record<string, never>; result: BulletinRow[] };
  stats: { params: Record<string, never>; result: CorpusStats };
  /** The corpus database's bytes for the SQL console's own copy (transferred, not copied);
   *  bytes are null when the corpus has not changed since revision `since`. */
  snapshot: { params: { since: number | null }; result: CorpusSnapshot };
  /** One bulletin with its articles and fragments in page order; null when the id is unknown. */
  'get-bulletin': { params: { bulletinId: number }; result: BulletinDetail | null };
  /** Correct a bulletin's paper and date (blank: as inferred); it is parsed again with them. */
  'set-bulletin-meta': { params: { bulletinId: number } & BulletinMetaInput; result: BulletinDetail };
  /** Stop the loads queued so far after the file being stored (loader.ts cancel()); answered at once. */
  'cancel-load': { params: Record<string, never>; result: { generation: number } };
  /** Empty the corpus (after loads already queued have finished). */
  clear: { params: Record<string, never>; result: CorpusStats };
}

/** A request type name. */
export type RequestType = keyof RequestMap;

/** A request as posted to the worker. */
export type WorkerRequest = {
  [K in RequestType]: { id: number; type: K } & RequestMap[K]['params'];
}[RequestType];

/** The parameters of one request type. */
export type ParamsOf<K extends RequestType> = RequestMap[K]['params'];
/** The result of one request type. */
export type ResultOf<K extends RequestType> = RequestMap[K]['result'];

/** The answer to one request. */
export type WorkerResponse =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: string };

/** File states that changed since the last event (at most ~10 per second), with fresh counts. */
export interface ProgressEvent {
  type: 'progress';
  files: FileProgress[];
  stats: CorpusStats | null;
}

/** Something the user should know about the engine, e.g. jieba could not load. */
export interface NoticeEvent {
  type: 'notice';
  code: 'segmenter-fallback';
  detail: string;
}

/** Anything the worker posts. */
export type WorkerMessage = WorkerResponse | ProgressEvent | NoticeEvent | EntitiesEvent | KeepEvent;
