// The corpus worker: owns the sql.js database and jieba, answers the page's requests
// (protocol.ts) and reports loading progress. Nothing heavy ever runs on the page's thread.
import type { CorpusStore } from '../core/store';
import { getSegmenter, getStore } from './engine';
import { Loader } from './loader';
import { ProgressBatcher } from './progress';
import type { FileProgress, ResultOf, WorkerMessage, WorkerRequest } from './protocol';

/** The parts of the dedicated worker scope used here (the UI tsconfig has no WebWorker lib). */
interface WorkerScope {
  postMessage(message: WorkerMessage): void;
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

async function handle(req: WorkerRequest): Promise<ResultOf<WorkerRequest['type']>> {
  switch (req.type) {
    case 'load-samples':
      return loader.loadSamples(req.manifestUrl);
    case 'add-files':
      return loader.addFiles(req.files);
    case 'add-text':
      return loader.addText(req.text);
    case 'search':
      return (await store()).listArticles({ query: req.query, offset: req.offset, limit: req.limit });
    case 'get-article':
      return (await store()).getArticle(req.articleId);
    case 'list-bulletins':
      return (await store()).listBulletins();
    case 'stats':
      return (await store()).stats();
    case 'clear':
      return loader.serial(async () => {
        const s = await store();
        s.clear();
        return s.stats();
      });
  }
}

scope.addEventListener('message', (e) => {
  const req = e.data;
  handle(req).then(
    (result) => scope.postMessage({ type: 'response', id: req.id, ok: true, result }),
    (err: unknown) =>
      scope.postMessage({ type: 'response', id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
