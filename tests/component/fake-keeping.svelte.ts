// A stand-in for the corpus client as keeping uses it (KeepingClient): reactive state and
// requests answered by a table of handlers, every request recorded.
import type { CorpusStats } from '../../src/core/store/types';
import type { FacetFilter, SortOrder } from '../../src/core/query/types';
import type { ExportFile } from '../../src/worker/keep-protocol';
import type { CorpusSource, KeepState } from '../../src/worker/keep-protocol';
import type { KeepingClient, KeepingWindow } from '../../src/ui/lib/corpus-keeping.svelte';
import type { ParamsOf, RequestType, ResultOf } from '../../src/worker/protocol';

/** The state of a saved local corpus. */
export function keepState(over: Partial<KeepState> = {}): KeepState {
  return {
    backend: 'opfs', phase: 'saved', savedAt: '2026-11-22T10:00:00.000Z', savedBytes: 2_400_000, error: null, origin: 'saved',
    source: { kind: 'local' }, note: null, hostedUpdate: false, ...over,
  };
}

type Handlers = { [K in RequestType]?: (params: ParamsOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

export class FakeKeepingClient implements KeepingClient {
  keep = $state.raw<KeepState | null>(keepState());
  stats = $state<CorpusStats>({ bulletins: 5, failed: 0, articles: 51, fragments: 1 });
  query = $state('会议');
  filters = $state.raw<FacetFilter[]>([{ field: 'district', value: '红旗区' }]);
  sort = $state<SortOrder>('newest');
  everyPrinting = $state(false);
  page = $state.raw<{ total: number } | null>({ total: 12 });
  calls: Array<[string, unknown]> = [];
  started: Array<string | CorpusSource | null> = [];
  replaced = 0;

  constructor(private readonly handlers: Handlers = {}) {}

  async request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>> {
    this.calls.push([type, params]);
    const h = this.handlers[type] as ((p: ParamsOf<K>) => ResultOf<K> | Promise<ResultOf<K>>) | undefined;
    if (!h) throw new Error(`no handler for ${type}`);
    return h(params);
  }

  async start(opening: string | CorpusSource | null): Promise<void> {
    this.started.push(opening);
  }

  async replaceCorpus<T>(run: () => Promise<T>): Promise<T> {
    this.replaced++;
    return run();
  }
}

/** A window whose downloads and history are recorded. */
export function fakeWindow(href = 'https://example.org/baoxun/?q=%E4%BC%9A%E8%AE%AE'): KeepingWindow & { downloads: ExportFile[]; replaced: string[] } {
  const url = new URL(href);
  const downloads: ExportFile[] = [];
  const replaced: string[] = [];
  return {
    location: { href: url.href, search: url.search, pathname: url.pathname, hash: url.hash },
    history: { replaceState: (_d, _u, to) => replaced.push(to) },
    baseURI: new URL('./', url).href,
    download: (f) => downloads.push(f),
    persist: async () => true,
    downloads,
    replaced,
  };
}
