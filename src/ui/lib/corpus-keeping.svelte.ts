// The page's side of keeping, exporting and sharing the corpus: which corpus to open (asking
// first when a link names another site's), the storage figures, importing a corpus file (with
// a confirmation, and nothing lost when the file is refused), the export downloads, and what the
// share button can honestly offer. Requests go to the worker through the corpus client.
import type { ArticleFormat } from '../../core/export/formats';
import type { CorpusStats } from '../../core/store/types';
import type { FacetFilter, SortOrder } from '../../core/query/types';
import type {
  CorpusSource, ExportFile, KeepState, KeepTestHooks, OpenedCorpus, StorageInfo,
} from '../../worker/keep-protocol';
import type { ParamsOf, RequestType, ResultOf } from '../../worker/protocol';
import { CORPUS_PARAM, corpusParam, type SourceChoice } from './corpus-source';

/** What keeping needs from the corpus client (CorpusClient has all of it). */
export interface KeepingClient {
  readonly keep: KeepState | null;
  readonly stats: CorpusStats;
  readonly query: string;
  readonly filters: FacetFilter[];
  readonly sort: SortOrder;
  readonly everyPrinting: boolean;
  readonly page: { total: number } | null;
  request<K extends RequestType>(type: K, params: ParamsOf<K>): Promise<ResultOf<K>>;
  start(opening: string | CorpusSource | null): Promise<void>;
  replaceCorpus<T>(run: () => Promise<T>): Promise<T>;
}

/** The parts of the page's window keeping uses (a fake stands in for it in tests). */
export interface KeepingWindow {
  location: { href: string; search: string; pathname: string; hash: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  baseURI: string;
  /** Save a file made in the worker (an <a download> click in the page). */
  download(file: ExportFile): void;
  /** navigator.storage.persist(), when the browser has it. */
  persist?: () => Promise<boolean>;
}

/** The browser's window as KeepingWindow. */
export function browserWindow(): KeepingWindow {
  return {
    location: window.location,
    history: window.history,
    get baseURI() {
      return document.baseURI;
    },
    download(file) {
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    persist: navigator.storage?.persist ? () => navigator.storage.persist() : undefined,
  };
}

/** What an import is doing. */
export type ImportPhase = 'idle' | 'confirm' | 'working' | 'done' | 'error';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Keeping, exporting and sharing, as reactive state for the storage panel and the menus. */
export class CorpusKeeping {
  info = $state.raw<StorageInfo | null>(null);
  /** A link named another site's corpus: open it only if the user agrees. */
  confirm = $state.raw<SourceChoice['confirm']>(null);
  /** A `?corpus=` value that was not a usable address. */
  rejected = $state<string | null>(null);
  importPhase = $state<ImportPhase>('idle');
  /** The file waiting for the user's confirmation. */
  importFile = $state.raw<File | null>(null);
  importResult = $state.raw<OpenedCorpus | null>(null);
  importError = $state<string | null>(null);
  /** The export being made, or null. */
  exporting = $state<ArticleFormat | 'sqlite' | null>(null);
  exportError = $state<string | null>(null);
  /** The last export made: its file name and how many articles (or bulletins) it holds. */
  exported = $state.raw<{ name: string; count: number } | null>(null);
  reloading = $state(false);

  constructor(
    /** The corpus client the requests go through. */
    readonly client: KeepingClient,
    private readonly win: KeepingWindow = browserWindow(),
  ) {}

  /** Open the corpus the page was asked for, or wait for the user when it is on another site. */
  async begin(choice: SourceChoice, hooks?: KeepTestHooks): Promise<void> {
    if (hooks) await this.client.request('keep-test-hooks', { hooks }).catch(() => null);
    this.rejected = choice.rejected;
    if (choice.confirm) {
      this.confirm = choice.confirm;
      return;
    }
    await this.client.start(choice.source);
  }

  /** The user's answer about another site's corpus. */
  async decide(open: boolean): Promise<void> {
    const asked = this.confirm;
    if (!asked) return;
    this.confirm = null;
    if (!open) {
      // Declined: the link's corpus parameter goes, so copied links no longer name it.
      const p = new URLSearchParams(this.win.location.search);
      p.delete(CORPUS_PARAM);
      const q = p.toString();
      this.win.history.replaceState(null, '', `${this.win.location.pathname}${q ? `?${q}` : ''}${this.win.location.hash}`);
    }
    await this.client.start(open ? { kind: 'hosted', url: asked.url } : asked.fallback);
  }

  private infoRunning: Promise<void> | null = null;
  private infoAgain = false;

  /** Fetch the storage figures again (one request at a time; asks made meanwhile run once after). */
  refreshInfo(): Promise<void> {
    if (this.infoRunning) {
      this.infoAgain = true;
      return this.infoRunning;
    }
    this.infoRunning = (async () => {
      do {
        this.infoAgain = false;
        try {
          this.info = await this.client.request('storage-info', {});
        } catch {
          // the figures stay as they were; the panel says nothing new
        }
      } while (this.infoAgain);
      this.infoRunning = null;
    })();
    return this.infoRunning;
  }

  /** A file was picked: ask before it replaces the corpus. */
  pickImport(file: File | null): void {
    if (!file) return;
    this.importFile = file;
    this.importError = null;
    this.importResult = null;
    this.importPhase = 'confirm';
  }

  cancelImport(): void {
    this.importFile = null;
    this.importPhase = 'idle';
  }

  /** Replace the corpus with the picked file; a refused file leaves the corpus as it was. */
  async confirmImport(): Promise<void> {
    const file = this.importFile;
    if (!file) return;
    this.importPhase = 'working';
    try {
      this.importResult = await this.client.replaceCorpus(() => this.client.request('import-corpus', { file, name: file.name }));
      this.importPhase = 'done';
    } catch (e) {
      this.importError = message(e);
      this.importPhase = 'error';
    } finally {
      this.importFile = null;
      void this.refreshInfo();
    }
  }

  /** The site's corpus changed while the saved copy held the user's files: load the site's. */
  async reloadHosted(): Promise<void> {
    const source = this.client.keep?.source;
    if (!source || source.kind !== 'hosted' || !source.url) return;
    this.reloading = true;
    try {
      await this.client.replaceCorpus(() => this.client.request('open-corpus', { source: { kind: 'hosted', url: source.url! }, force: true }));
    } finally {
      this.reloading = false;
    }
  }

  private async makeExport(kind: ArticleFormat | 'sqlite', make: () => Promise<ExportFile>): Promise<void> {
    this.exporting = kind;
    this.exportError = null;
    try {
      const file = await make();
      this.win.download(file);
      this.exported = { name: file.name, count: file.count };
    } catch (e) {
      this.exportError = message(e);
    } finally {
      this.exporting = null;
    }
  }

  /** Download the articles of the current results (every match, in the order shown). */
  exportResults(format: ArticleFormat): Promise<void> {
    const c = this.client;
    return this.makeExport(format, () => c.request('export-results', {
      scope: { query: c.query, filters: c.filters.map((f) => ({ field: f.field, value: f.value })), sort: c.sort, everyPrinting: c.everyPrinting },
      format,
      linkBase: this.linkBase(),
    }));
  }

  /** Download the whole corpus as its SQLite file. */
  exportCorpus(): Promise<void> {
    return this.makeExport('sqlite', () => this.client.request('export-corpus', {}));
  }

  /** Ask the browser not to evict the site's storage when space runs low. */
  async persist(): Promise<void> {
    await this.win.persist?.().catch(() => false);
    await this.refreshInfo();
  }

  /** The page's address without the view: with `a=<ref>` it opens an article (the hosted
   *  corpus's parameter kept). */
  linkBase(): string {
    const url = new URL(this.win.location.href);
    const corpus = url.searchParams.get(CORPUS_PARAM);
    const base = `${url.origin}${url.pathname}`;
    return corpus ? `${base}?${CORPUS_PARAM}=${encodeURIComponent(corpus)}` : base;
  }

  /** The link to share: the address as it is (it holds the view), naming the hosted corpus when
   *  the page opened one through a link. */
  shareLink(): string {
    const url = new URL(this.win.location.href);
    const source = this.client.keep?.source;
    if (source?.kind === 'hosted' && source.url && !url.searchParams.has(CORPUS_PARAM)) {
      const siteDefault = new URL('corpus/manifest.json', this.win.baseURI).href;
      if (source.url !== siteDefault) url.searchParams.set(CORPUS_PARAM, corpusParam(source.url, this.win.baseURI));
    }
    return url.href;
  }

  /** Whether someone else opening the link sees the same corpus: a site's corpus or the
   *  built-in samples, with no file of the user's own in it. */
  get shareable(): boolean {
    const info = this.info;
    return info !== null && info.localBulletins === 0;
  }
}
