// Loading files in the worker: one queue (so the duplicate check and the file order hold), each
// file read, hashed, decoded, parsed, segmented and stored in turn, its state reported through
// the batcher. A file's failure is its own status; the queue always goes on.
import { isBulletinName } from '../core/decode';
import {
  ingestArchive, ingestFile, isZipName, MAX_BULLETIN_BYTES, notLoaded, overLimit, problem, type IngestResult,
} from '../core/ingest';
import type { Segmenter } from '../core/segment';
import type { BulletinSource, CorpusStore } from '../core/store';
import type { FileProgress, FileToAdd, LoadSummary } from './protocol';
import type { ProgressBatcher } from './progress';

/** Files larger than this are refused before being read (core/ingest/zip.ts says why: 64 MB). */
export const MAX_FILE_BYTES = MAX_BULLETIN_BYTES;

interface Item {
  key: string;
  name: string;
  source: BulletinSource;
  size: number | null;
  read: () => Promise<Uint8Array>;
}

/** What the loader needs from the worker around it. */
export interface LoaderDeps {
  store: () => Promise<CorpusStore>;
  segmenter: () => Promise<Segmenter>;
  progress: ProgressBatcher;
  fetch: typeof fetch;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The worker's loading queue. */
export class Loader {
  private queue: Promise<unknown> = Promise.resolve();
  private keys = 0;
  private pasted = 0;
  /** Bumped by cancel(): loads queued under an older generation skip their remaining files. */
  private generation = 0;

  constructor(private readonly deps: LoaderDeps) {}

  /** Run `job` after every job queued before it (loads, and clearing the corpus). */
  serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Cancel every load queued so far: the file being stored finishes (a bulletin goes into the
   *  store in one transaction, so nothing is half-written), the files after it are reported as
   *  skipped with the problem `cancelled`. Loads asked for later run as usual. */
  cancel(): { generation: number } {
    return { generation: ++this.generation };
  }

  /** Load files the user picked or dropped. */
  addFiles(files: FileToAdd[]): Promise<LoadSummary> {
    return this.load(files.map((f) => this.item(f.name, 'file', f.file.size, async () => new Uint8Array(await f.file.arrayBuffer()))));
  }

  /** Load pasted text as a bulletin named pasted-N.txt (no date in it for the parser to misread). */
  addText(text: string): Promise<LoadSummary> {
    const bytes = new TextEncoder().encode(text);
    return this.load([this.item(`pasted-${++this.pasted}.txt`, 'paste', bytes.length, async () => bytes)]);
  }

  /** Load the sample corpus listed in a manifest `{ "files": ["a.txt", …] }`. Names in `skip`
   *  are left out (a site's corpus updated over a saved copy loads only its new files). */
  async loadSamples(manifestUrl: string, skip?: ReadonlySet<string>): Promise<LoadSummary> {
    let names: string[];
    try {
      const res = await this.deps.fetch(manifestUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${manifestUrl}`);
      const manifest = (await res.json()) as { files?: unknown };
      if (!Array.isArray(manifest.files)) throw new Error('the manifest lists no files');
      names = manifest.files.filter((n): n is string => typeof n === 'string' && !skip?.has(n));
    } catch (e) {
      const item = this.item('seeds/manifest.json', 'sample', null, async () => new Uint8Array());
      this.report(item, notLoaded(item.name, 'error', problem('fetch-failed', errorText(e))));
      this.deps.progress.flush();
      return { files: 1, done: 0, errors: 1, skipped: 0, articles: 0 };
    }
    const home = new URL(manifestUrl).origin;
    return this.load(names.map((name) => this.item(name, 'sample', null, async () => {
      const url = new URL(name, manifestUrl).href;
      // The user chose the manifest's site, not the sites its entries may name.
      if (new URL(url).origin !== home) throw new Error(`${url} is not on the corpus's own site (${home}); not fetched`);
      const res = await this.deps.fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
      return new Uint8Array(await res.arrayBuffer());
    })));
  }

  private item(name: string, source: BulletinSource, size: number | null, read: Item['read']): Item {
    return { key: `f${++this.keys}`, name, source, size, read };
  }

  private state(item: Item, state: FileProgress['state'], extra: Partial<FileProgress> = {}): void {
    this.deps.progress.update({
      key: item.key, name: item.name, source: item.source, state, articles: 0, fragments: 0,
      encoding: null, problem: null, ...extra,
    });
  }

  private report(item: Item, r: IngestResult, extra: Partial<FileProgress> = {}): void {
    this.state(item, r.state, {
      articles: r.articles, fragments: r.fragments, encoding: r.encoding, problem: r.problem, ...extra,
    });
  }

  private load(items: Item[]): Promise<LoadSummary> {
    for (const item of items) this.state(item, 'queued');
    this.deps.progress.flush();
    const generation = this.generation;
    return this.serial(async () => {
      const summary: LoadSummary = { files: items.length, done: 0, errors: 0, skipped: 0, articles: 0 };
      const store = await this.deps.store();
      const segmenter = await this.deps.segmenter();
      for (const item of items) {
        // Checked between files: the cancel request is handled while a file awaits its hash.
        const cancelled = generation !== this.generation;
        const r = cancelled ? notLoaded(item.name, 'skipped', problem('cancelled')) : await this.loadOne(store, segmenter, item);
        if (cancelled) this.report(item, r);
        summary[r.state === 'done' ? 'done' : r.state === 'error' ? 'errors' : 'skipped']++;
        summary.articles += r.articles;
      }
      this.deps.progress.flush();
      return summary;
    });
  }

  private async loadOne(store: CorpusStore, segmenter: Segmenter, item: Item): Promise<IngestResult> {
    const zip = isZipName(item.name);
    let r: IngestResult | null = null;
    if (!zip && !isBulletinName(item.name)) {
      r = notLoaded(item.name, 'skipped', problem('not-bulletin')); // never read what is not used
    } else if (item.size !== null && item.size > MAX_FILE_BYTES) {
      r = notLoaded(item.name, 'error', problem('file-too-large', overLimit(item.size)));
    }
    if (r) {
      this.report(item, r);
      return r;
    }
    this.state(item, 'loading');
    let bytes: Uint8Array;
    try {
      bytes = await item.read();
    } catch (e) {
      r = notLoaded(item.name, 'error', problem(item.source === 'sample' ? 'fetch-failed' : 'read-failed', errorText(e)));
      this.report(item, r);
      return r;
    }
    if (zip) return this.loadArchive(store, segmenter, item, bytes);
    r = await ingestFile(store, segmenter, { name: item.name, bytes, source: item.source });
    this.report(item, r);
    return r;
  }

  private async loadArchive(store: CorpusStore, segmenter: Segmenter, item: Item, bytes: Uint8Array): Promise<IngestResult> {
    const entryItems = new Map<string, Item>();
    let entries = 0;
    const r = await ingestArchive(store, segmenter, { name: item.name, bytes }, {
      listed: (names, skipped) => {
        entries = names.length + skipped.length;
        this.state(item, 'loading', { entries });
        for (const name of names) {
          const entry = this.item(name, 'zip', null, async () => new Uint8Array());
          entryItems.set(name, entry);
          this.state(entry, 'queued', { parent: item.key });
        }
        for (const s of skipped) this.report(this.item(s.name, 'zip', null, async () => new Uint8Array()), s, { parent: item.key });
      },
      loading: (name) => {
        const entry = entryItems.get(name);
        if (entry) this.state(entry, 'loading', { parent: item.key });
      },
      done: (result) => {
        const entry = entryItems.get(result.name);
        if (entry) this.report(entry, result, { parent: item.key });
      },
    });
    this.report(item, r, { entries });
    return r;
  }
}
