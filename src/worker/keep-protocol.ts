// The requests of keeping, exporting and sharing the corpus (keep-desk.ts answers them), merged
// into the worker's RequestMap in protocol.ts, and the event the worker reports the state of the
// saved copy with. Plain structured-clone data (Blobs included).
import type { ArticleFormat } from '../core/export/formats';
import type { UserWord } from '../core/entities/index';
import type { SavedSource } from '../core/persist/slots';
import type { FacetFilter, SortOrder } from '../core/query/types';
import type { CorpusStats } from '../core/store/types';
import type { UserWordsResult, UserWordState } from './analysis-protocol';

/** Which corpus the page opens: the user's own (with the built-in samples on a first visit), or
 *  one served with the site (`corpus/manifest.json`, or `?corpus=<url>`). */
export type CorpusSource =
  | { kind: 'local'; samplesUrl: string | null }
  | { kind: 'hosted'; url: string };

/** How the corpus on screen came to be. saved: opened from the browser's storage; samples: the
 *  built-in samples (nothing was saved); hosted: fetched from the site; imported: from a file the
 *  user opened; rebuilt: a saved copy of another schema version, parsed again from its texts. */
export type CorpusOrigin = 'saved' | 'samples' | 'hosted' | 'imported' | 'rebuilt' | 'empty';

/** Where the saved copy is kept. memory: nowhere lasting (the browser allows no storage). */
export type KeepBackend = 'opfs' | 'indexeddb' | 'memory';

/** What the saving is doing. off: nothing opened yet; pending: a save is due (debounced);
 *  stalled: a save stopped on purpose by a test hook. */
export type KeepPhase = 'off' | 'idle' | 'pending' | 'saving' | 'saved' | 'stalled' | 'error';

/** The state of the saved copy, as the storage panel shows it. */
export interface KeepState {
  backend: KeepBackend | null;
  phase: KeepPhase;
  /** ISO time and size of the last complete save (this visit or an earlier one). */
  savedAt: string | null;
  savedBytes: number | null;
  /** Why the last save failed (quota, a browser error), or null. */
  error: string | null;
  origin: CorpusOrigin | null;
  source: SavedSource | null;
  /** A note for the user about how the corpus was opened (a rebuild, an update of the site's
   *  corpus waiting), or null. */
  note: string | null;
  /** The site's corpus changed since it was saved, but the saved copy holds the user's own files:
   *  it is kept until the user reloads the site's corpus (open-corpus with force). */
  hostedUpdate: boolean;
}

/** Sizes for the storage panel. */
export interface StorageInfo {
  /** The corpus database now (bytes of its pages). */
  corpusBytes: number;
  /** navigator.storage.estimate(): what this site uses and may use; null when unknown. */
  usage: number | null;
  quota: number | null;
  /** navigator.storage.persisted(): the browser will not evict the site's storage on its own. */
  persisted: boolean | null;
  /** Bulletins the user loaded (not from the samples or the site): a link cannot carry them. */
  localBulletins: number;
  bulletins: number;
}

/** What opening a corpus did. */
export interface OpenedCorpus {
  origin: CorpusOrigin;
  stats: CorpusStats;
  note: string | null;
}

/** A file made in the worker for the page to download. */
export interface ExportFile {
  name: string;
  mime: string;
  blob: Blob;
  /** Articles in it (for a result export), bulletins (for the corpus file). */
  count: number;
}

/** The search whose results are exported (as the query desk has it; every match, not a page). */
export interface ExportScope {
  query: string;
  filters: FacetFilter[];
  sort: SortOrder;
  everyPrinting: boolean;
}

/** Hooks the browser tests set (window.__baoxunTestHooks, read by src/ui/start-app.ts in a test
 *  build only: `vite build --mode e2e`); never set by a link, absent from the production build. */
export interface KeepTestHooks {
  /** Stop a save for good once this share of the slot is written (0..1), to kill it midway. */
  stallSaveAt?: number;
  /** Only saves of a corpus with more bulletins than this stall (the others complete). */
  stallAboveBulletins?: number;
  /** Use this storage instead of the best available one. */
  backend?: KeepBackend;
  /** Wait this long after the last change before saving (default 800 ms). */
  saveDelayMs?: number;
}

/** The requests of this module. */
export interface KeepRequestMap {
  /** Open the corpus the page starts with: the saved copy, else the samples or the site's corpus.
   *  `force` reloads a site's corpus over a saved copy (after the user confirmed). */
  'open-corpus': { params: { source: CorpusSource; force?: boolean }; result: OpenedCorpus };
  'keep-state': { params: Record<string, never>; result: KeepState };
  'storage-info': { params: Record<string, never>; result: StorageInfo };
  /** Remove one bulletin and everything derived from it. */
  'remove-bulletin': { params: { bulletinId: number }; result: CorpusStats };
  /** The results of a search as a file. `linkBase` (the page's address) adds a link per article. */
  'export-results': { params: { scope: ExportScope; format: ArticleFormat; linkBase?: string }; result: ExportFile };
  /** The whole corpus as its SQLite file. */
  'export-corpus': { params: Record<string, never>; result: ExportFile };
  /** Replace the corpus with a corpus file (validated first; a bad file changes nothing). */
  'import-corpus': { params: { file: Blob; name: string }; result: OpenedCorpus };
  'keep-test-hooks': { params: { hooks: KeepTestHooks }; result: null };
  /** The dictionary words the corpus holds (user_words), as jieba has them. */
  'user-words-list': { params: Record<string, never>; result: UserWordState[] };
  /** Add words to the corpus's dictionary words (those it has stay): moving words an older page
   *  kept in localStorage into the corpus. */
  'user-words-merge': { params: { words: UserWord[] }; result: UserWordsResult };
}

/** The saved copy's state changed. */
export interface KeepEvent {
  type: 'keep';
  state: KeepState;
}
