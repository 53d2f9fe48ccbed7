// The corpus worker: owns the sql.js database and jieba, answers the page's requests
// (protocol.ts) and reports loading progress. Nothing heavy ever runs on the page's thread.
import type { CorpusStore } from '../core/store';
import { getBulletinDetail } from '../core/store/bulletin-edits';
import { corpusSnapshot } from '../core/store/snapshot';
import { correctBulletinMeta } from './bulletin-meta';
import { getSegmenter, getStore } from './engine';
import { Loader } from './loader';
import { ProgressBatcher } from './progress';
import { searchDesk } from './search-desk';
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

const loader = new Loader({ store, segmenter, progress, fetch: (...a) => fetch(...a) });
const desk = searchDesk({ store, segmenter });

async function handle(req: WorkerRequest): Promise<ResultOf<WorkerRequest['type']>> {
  switch (req.type) {
    case 'load-samples':
      return desk.afterLoad(loader.loadSamples(req.manifestUrl));
    case 'add-files':
      return desk.afterLoad(loader.addFiles(req.files));
    case 'add-text':
      return desk.afterLoad(loader.addText(req.text));
    case 'search':
      return (await desk.searcher()).search(req);
    case 'resolve-ref':
      return (await desk.searcher()).resolveRef(req.ref);
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
      return loader.serial(async () =>
        correctBulletinMeta(await store(), await segmenter(), req.bulletinId, { paper: req.paper, date: req.date }));
    case 'clear':
      return loader.serial(async () => {
        const s = await store();
        s.clear();
        return s.stats();
      });
  }
}

/** Buffers a result may hand over rather than copy: a snapshot's database bytes. */
function transferables(result: unknown): Transferable[] {
  const bytes = (result as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : [];
}

scope.addEventListener('message', (e) => {
  const req = e.data;
  handle(req).then(
    (result) => scope.postMessage({ type: 'response', id: req.id, ok: true, result }, transferables(result)),
    (err: unknown) =>
      scope.postMessage({ type: 'response', id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
