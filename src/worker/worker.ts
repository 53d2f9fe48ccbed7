// The corpus worker: owns the sql.js database and jieba, answers the page's requests
// (protocol.ts) and reports loading progress. Nothing heavy ever runs on the page's thread.
import type { CorpusStore } from '../core/store';
import { getBulletinDetail } from '../core/store/bulletin-edits';
import { corpusSnapshot } from '../core/store/snapshot';
import { analysisDesk } from './analysis-desk';
import { correctBulletinMeta } from './bulletin-meta';
import { DedupEngine } from './dedup-engine';
import { getSegmenter, getSql, getStore } from './engine';
import { EntitiesEngine } from './entities-engine';
import { keepDesk } from './keep-desk';
import { holdLifeline } from './lifeline';
import { Loader } from './loader';
import { startParsePool } from './parse-pool';
import { taughtWords } from './taught-words';
import { characterSegmenter } from '../core/segment';
import { ProgressBatcher } from './progress';
import { searchDesk } from './search-desk';
import { userWordsKeeping } from './user-words-keeping';
import type { FileProgress, ResultOf, WorkerMessage, WorkerRequest } from './protocol';

/** The parts of the dedicated worker scope used here (the UI tsconfig has no WebWorker lib). */
interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

let readyStore: CorpusStore | null = null;
const store = async () => (readyStore ??= await getStore());

const progress = new ProgressBatcher((files: FileProgress[]) => {
  scope.postMessage({ type: 'progress', files, stats: readyStore?.stats() ?? null });
});

const segmenter = () =>
  getSegmenter((detail) => scope.postMessage({ type: 'notice', code: 'segmenter-fallback', detail }));

// The parse workers cut the words too, taught the words this worker's jieba knows (taught-words.ts).
const loader = new Loader({
  store, segmenter, progress, fetch: (...a) => fetch(...a), parsePool: startParsePool,
  dictionary: (s) => (s === characterSegmenter ? null : taughtWords),
});
// The dedup desk (dedup-engine.ts) owns the story tracker, so the user's split/merge decisions
// reach search's story counting; the query desk updates it after each load.
const dedup = new DedupEngine({ store, serial: (job) => loader.serial(job) });
const desk = searchDesk({ store, segmenter, stories: (db) => dedup.stories(db) });
// The people index and the analysis views (entities-engine.ts, analysis-desk.ts): a pass runs
// after each load, correction or clear.
const entities = new EntitiesEngine({ store, segmenter, post: (m) => scope.postMessage(m) });
const analysis = analysisDesk({ store, segmenter, searcher: desk.searcher, entities });
// The user's dictionary words live in the corpus (user_words): a corpus opened teaches them to jieba.
const userWords = userWordsKeeping({ store, entities });
// Keeping the corpus (saved in the browser, opened on the next visit), importing, exporting and
// removing bulletins (keep-desk.ts). It saves a while after any request changed the corpus.
const keep = keepDesk({
  store, sql: getSql, segmenter, searcher: desk.searcher, loader, fetch: (...a) => fetch(...a),
  afterLoad: (loaded) => entities.after(desk.afterLoad(loaded)),
  replaced: async () => {
    dedup.cleared();
    await entities.cleared();
    await userWords.restore();
  },
  post: (state) => scope.postMessage({ type: 'keep', state }),
  stats: (stats) => scope.postMessage({ type: 'progress', files: [], stats }),
});

async function handle(req: WorkerRequest): Promise<ResultOf<WorkerRequest['type']>> {
  switch (req.type) {
    case 'load-samples':
      return entities.after(desk.afterLoad(loader.loadSamples(req.manifestUrl)));
    case 'add-files':
      return entities.after(desk.afterLoad(loader.addFiles(req.files)));
    case 'add-text':
      return entities.after(desk.afterLoad(loader.addText(req.text)));
    case 'search':
      return (await desk.searcher()).search(req);
    case 'resolve-ref':
      return (await desk.searcher()).resolveRef(req.ref);
    case 'search-stats':
      return desk.stats();
    case 'get-article':
      return (await store()).getArticle(req.articleId);
    case 'list-bulletins':
      return (await store()).listBulletins();
    case 'stats':
      return (await store()).stats();
    case 'snapshot':
      return corpusSnapshot(await store(), req.since);
    case 'get-bulletin':
      return getBulletinDetail(await store(), req.bulletinId);
    case 'set-bulletin-meta':
      // In the loading queue, so a correction never interleaves with a load or a clear.
      return entities.after(loader.serial(async () =>
        correctBulletinMeta(await store(), await segmenter(), req.bulletinId, { paper: req.paper, date: req.date })));
    case 'cancel-load':
      return loader.cancel();
    case 'clear':
      return loader.serial(async () => {
        const s = await store();
        s.clear();
        dedup.cleared();
        await entities.cleared();
        return s.stats();
      });
    case 'dedup-summary':
    case 'dedup-page':
    case 'dedup-split':
    case 'dedup-merge':
    case 'dedup-undo':
      return (await dedup.handle(req)) as ResultOf<typeof req.type>;
    case 'open-corpus':
    case 'keep-state':
    case 'storage-info':
    case 'remove-bulletin':
    case 'export-results':
    case 'export-corpus':
    case 'import-corpus':
    case 'keep-test-hooks':
      return (await keep.handle(req)) as ResultOf<typeof req.type>;
    case 'user-words-list':
      return userWords.list();
    case 'user-words-merge':
      return userWords.merge(req.words);
    default:
      return (await analysis.handle(req)) as ResultOf<typeof req.type>;
  }
}

/** Buffers a result may hand over rather than copy: a snapshot's database bytes. */
function transferables(result: unknown): Transferable[] {
  const bytes = (result as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : [];
}

// The page learns of this worker's death through a lock it holds while alive (lifeline.ts).
holdLifeline(self as unknown as Parameters<typeof holdLifeline>[0]);

scope.addEventListener('message', (e) => {
  const req = e.data;
  handle(req).finally(() => keep.touch()).then(
    (result) => scope.postMessage({ type: 'response', id: req.id, ok: true, result }, transferables(result)),
    (err: unknown) =>
      scope.postMessage({ type: 'response', id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
