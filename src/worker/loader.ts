// Loading files in the worker: one queue (so the duplicate check and the file order hold), each
// file read, hashed, decoded, parsed, segmented and stored in turn, its state reported through
// the batcher. A file's failure is its own status; the queue always goes on.
import { isBulletinName } from '../core/decode';
import {
  GroupWriter, ingestArchive, isPrepared, isZipName, MAX_BULLETIN_BYTES, notLoaded, overLimit, prepareInput, problem,
  storedIn, type IngestResult, type PreparedBulletin,
} from '../core/ingest';
import { segmentPrepared } from '../core/ingest/prepared';
import { PER_WORKER, type ParsePool } from './parse-pool';
import type { TaughtDictionary, TaughtWords } from './taught-words';
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
  /** Parse workers for a load of this many files, cutting words with `dictionary` (null: they
   *  leave the words to this worker), or null to parse here (parse-pool.ts). */
  parsePool?: (files: number, dictionary: TaughtDictionary | null) => ParsePool | null;
  /** The words `segmenter` has been taught, when parse workers can cut as it does (a jieba,
   *  taught-words.ts); null or absent: the parse workers leave the words to this worker. */
  dictionary?: (segmenter: Segmenter) => TaughtWords | null;
}

/** Files handed to the parse pool, awaited in order by the one writer. */
interface PoolRun {
  submit(item: Item, bytes: Uint8Array): Promise<void>;
  /** Store everything handed over so far (before an archive, which is loaded here). */
  drain(): Promise<void>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A fetch refused or failed, with a reason code the page says in its language (Problem.reason). */
function fetchError(message: string, reason: string): Error {
  return Object.assign(new Error(message), { reason });
}

function reasonOf(e: unknown): string | undefined {
  const reason = (e as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : undefined;
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

  /** Cancel every load queued so far: the files already prepared are stored (a group of them
   *  goes into the store in one transaction, so nothing is half-written), the files after them
   *  are reported as skipped with the problem `cancelled`. Loads asked for later run as usual. */
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
      if (!res.ok) throw fetchError(`HTTP ${res.status} for ${manifestUrl}`, `http:${res.status}`);
      const manifest = (await res.json()) as { files?: unknown };
      if (!Array.isArray(manifest.files)) throw new Error('the manifest lists no files');
      names = manifest.files.filter((n): n is string => typeof n === 'string' && !skip?.has(n));
    } catch (e) {
      const item = this.item('seeds/manifest.json', 'sample', null, async () => new Uint8Array());
      this.report(item, notLoaded(item.name, 'error', problem('fetch-failed', errorText(e), reasonOf(e))));
      this.deps.progress.flush();
      return { files: 1, done: 0, errors: 1, skipped: 0, articles: 0 };
    }
    const home = new URL(manifestUrl).origin;
    return this.load(names.map((name) => this.item(name, 'sample', null, async () => {
      const url = new URL(name, manifestUrl).href;
      // The user chose the manifest's site, not the sites its entries may name.
      if (new URL(url).origin !== home) throw fetchError(`${url} is not on the corpus's own site (${home}); not fetched`, `other-origin:${home}`);
      const res = await this.deps.fetch(url);
      if (!res.ok) throw fetchError(`HTTP ${res.status} for ${url}`, `http:${res.status}`);
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
      const tally = (r: IngestResult) => {
        summary[r.state === 'done' ? 'done' : r.state === 'error' ? 'errors' : 'skipped']++;
        summary.articles += r.articles;
      };
      // Prepared files are stored a group at a time (one transaction per group: faster), in order.
      const writer = new GroupWriter<Item>(store, (item, r) => {
        this.report(item, r);
        tally(r);
      });
      const taught = this.deps.dictionary?.(segmenter) ?? null;
      const pool = this.deps.parsePool?.(items.length, taught?.current() ?? null) ?? null;
      const run = pool ? this.poolRun(pool, store, segmenter, taught, writer, tally, () => generation !== this.generation) : null;
      try {
        for (const item of items) {
          // Checked between files: the cancel request is handled while a file awaits its hash.
          if (generation !== this.generation) {
            pool?.close(); // the parse workers drop their queue; their files are reported cancelled
            writer.flush(); // what is prepared is stored: the loaded files stay the first ones
            const r = notLoaded(item.name, 'skipped', problem('cancelled'));
            this.report(item, r);
            tally(r);
            continue;
          }
          const r = await this.loadOne(store, segmenter, item, writer, run);
          if (r) tally(r);
        }
        await run?.drain();
        writer.flush();
      } finally {
        pool?.close();
      }
      this.deps.progress.flush();
      return summary;
    });
  }

  /**
   * The parse pool's side of a load: files are sent to the parse workers as they are read, at
   * most a few per worker ahead, and their answers are taken in file order and handed to the
   * writer. A parse worker cuts the words with the words this worker's jieba had been taught when
   * the pool started; a file cut before jieba learnt more (a people-index pass may teach names
   * while a load runs) or not cut at all is cut here, so every file is cut with the dictionary
   * of the moment it is taken, as in a load without the pool. Answers that
   * come after a cancel are dropped: those files are reported cancelled, nothing of them is
   * written. A file whose parse worker failed is prepared here instead.
   */
  private poolRun(
    pool: ParsePool, store: CorpusStore, segmenter: Segmenter, taught: TaughtWords | null, writer: GroupWriter<Item>,
    tally: (r: IngestResult) => void, cancelled: () => boolean,
  ): PoolRun {
    const inflight: Array<{ item: Item; bytes: Uint8Array; prepared: Promise<PreparedBulletin> }> = [];
    // Enough ahead for every parse worker's queue to be full while this worker stores a group.
    const ahead = () => Math.max(2, pool.size * (PER_WORKER + 2));
    const takeNext = async () => {
      const next = inflight.shift()!;
      let p: PreparedBulletin | IngestResult;
      try {
        p = await next.prepared;
      } catch {
        p = cancelled()
          ? notLoaded(next.item.name, 'skipped', problem('cancelled'))
          : await prepareInput(store, segmenter, { name: next.item.name, bytes: next.bytes, source: next.item.source });
      }
      if (cancelled()) p = notLoaded(next.item.name, 'skipped', problem('cancelled'));
      if (isPrepared(p)) {
        const { dictionaryVersion, ...prepared } = p;
        const stale = dictionaryVersion !== undefined && dictionaryVersion !== taught?.version && prepared.parsed !== null;
        const current = stale ? { ...prepared, segments: [], unsegmented: true } : prepared;
        writer.add(segmentPrepared(current, segmenter, storedIn(store)), next.item);
      } else {
        this.report(next.item, p);
        tally(p);
      }
    };
    return {
      submit: async (item, bytes) => {
        const prepared = pool.prepare(item.name, item.source, bytes);
        prepared.catch(() => undefined); // handled when taken (a closed pool rejects at once)
        inflight.push({ item, bytes, prepared });
        while (inflight.length > ahead()) await takeNext();
      },
      drain: async () => {
        while (inflight.length) await takeNext();
      },
    };
  }

  /** Load one item: its result, or null when it waits in `writer` (or `pool`) to be stored. */
  private async loadOne(
    store: CorpusStore, segmenter: Segmenter, item: Item, writer: GroupWriter<Item>, pool: PoolRun | null,
  ): Promise<IngestResult | null> {
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
      r = notLoaded(item.name, 'error', problem(item.source === 'sample' ? 'fetch-failed' : 'read-failed', errorText(e), reasonOf(e)));
      this.report(item, r);
      return r;
    }
    if (zip) {
      await pool?.drain(); // the files before the archive go in first
      writer.flush();
      return this.loadArchive(store, segmenter, item, bytes);
    }
    if (pool) {
      await pool.submit(item, bytes);
      return null;
    }
    const prepared = await prepareInput(store, segmenter, { name: item.name, bytes, source: item.source });
    if (isPrepared(prepared)) {
      writer.add(prepared, item);
      return null;
    }
    this.report(item, prepared);
    return prepared;
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
