// Keeping, exporting and sharing the corpus in the worker (keep-protocol.ts): opening the corpus
// the page starts with (the saved copy, else the samples or the site's own corpus), importing a
// corpus file, removing a bulletin, the storage figures, and the export files.
import { sha256Hex } from '../core/hash';
import { rebuildFromTexts } from '../core/persist/rebuild';
import type { SavedSource } from '../core/persist/slots';
import type { Searcher } from '../core/query';
import type { Segmenter } from '../core/segment';
import { SCHEMA_VERSION, type CorpusStore } from '../core/store';
import { corpusByteSize, openCorpusFile, replaceCorpusContent } from '../core/store/corpus-file';
import { removeBulletin } from '../core/store/remove-bulletin';
import type { Database, SqlJsStatic } from 'sql.js';
import { exportCorpus, exportResults } from './keep-exports';
import type {
  CorpusOrigin, CorpusSource, KeepRequestMap, KeepState, OpenedCorpus, StorageInfo,
} from './keep-protocol';
import type { Loader } from './loader';
import { Keeper } from './persistence/keeper';
import type { CorpusStats } from '../core/store/types';

/** What the desk needs from the worker around it. */
export interface KeepDeskDeps {
  store: () => Promise<CorpusStore>;
  sql: () => Promise<SqlJsStatic>;
  segmenter: () => Promise<Segmenter>;
  searcher: () => Promise<Searcher>;
  loader: Loader;
  /** Wraps a load the way the worker does (reprints clustered, indexes merged, people index). */
  afterLoad: <T>(loaded: Promise<T>) => Promise<T>;
  /** The corpus content was replaced: reset what was derived from the old one (as after clear). */
  replaced: () => Promise<void>;
  post: (state: KeepState) => void;
  /** Tell the page the counts changed (a progress event without files). */
  stats: (stats: CorpusStats) => void;
  fetch: typeof fetch;
}

/** A request of this desk. */
export type KeepRequest = { [K in keyof KeepRequestMap]: { id: number; type: K } & KeepRequestMap[K]['params'] }[keyof KeepRequestMap];

/** A site's corpus manifest: a list of bulletin files, or one prebuilt SQLite file. */
interface HostedManifest {
  files?: string[];
  sqlite?: string;
  title?: string;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The worker's keep desk. */
export function keepDesk(deps: KeepDeskDeps) {
  const keeper = new Keeper({ store: deps.store, serial: (job) => deps.loader.serial(job), post: deps.post });

  /** Put a corpus file's content in place of the store's (rebuilding one of another version). */
  async function replaceWith(bytes: Uint8Array): Promise<{ rebuilt: boolean }> {
    const SQL = await deps.sql();
    const { db, facts } = openCorpusFile(SQL, bytes, { allowOtherVersion: true });
    let incoming: Database = db;
    let rebuilt = false;
    try {
      if (facts.missing.length || facts.schemaVersion !== SCHEMA_VERSION) {
        const { store: fresh } = rebuildFromTexts(SQL, db, await deps.segmenter());
        db.close();
        incoming = fresh.db;
        rebuilt = true;
      }
      await deps.loader.serial(async () => replaceCorpusContent(await deps.store(), incoming));
    } finally {
      incoming.close();
    }
    await deps.afterLoad(deps.replaced());
    return { rebuilt };
  }

  async function fetchText(url: string): Promise<string> {
    const res = await deps.fetch(url, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    return res.text();
  }

  async function loadHosted(url: string, manifest: HostedManifest): Promise<void> {
    if (typeof manifest.sqlite === 'string') {
      const fileUrl = new URL(manifest.sqlite, url).href;
      // The user chose the manifest's site, not a site the manifest may name.
      if (new URL(fileUrl).origin !== new URL(url).origin) throw new Error(`${fileUrl} is not on the corpus's own site; not fetched`);
      const res = await deps.fetch(fileUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${fileUrl}`);
      await replaceWith(new Uint8Array(await res.arrayBuffer()));
    } else {
      await deps.loader.serial(async () => (await deps.store()).clear());
      await deps.replaced();
      await deps.afterLoad(deps.loader.loadSamples(url));
    }
  }

  async function open(source: CorpusSource, force: boolean): Promise<OpenedCorpus> {
    keeper.disarm();
    let hosted: { text: string; hash: string; manifest: HostedManifest } | null = null;
    let hostedError: string | null = null;
    if (source.kind === 'hosted') {
      try {
        const text = await fetchText(source.url);
        const manifest = JSON.parse(text) as HostedManifest;
        if (!Array.isArray(manifest.files) && typeof manifest.sqlite !== 'string') {
          throw new Error('the manifest names neither "files" nor "sqlite"');
        }
        hosted = { text, hash: await sha256Hex(new TextEncoder().encode(text)), manifest };
      } catch (e) {
        hostedError = `the corpus at ${source.url} could not be opened: ${errorText(e)}`;
      }
    }
    const saveAs: SavedSource = source.kind === 'local'
      ? { kind: 'local' }
      : { kind: 'hosted', url: source.url, ...(hosted ? { manifestHash: hosted.hash } : {}) };
    await keeper.use(saveAs);
    const saved = force ? null : await keeper.load();
    let origin: CorpusOrigin;
    let note: string | null = null;
    let hostedUpdate = false;
    let keptSource: SavedSource = saveAs;
    if (saved) {
      const { rebuilt } = await replaceWith(saved.bytes);
      origin = rebuilt ? 'rebuilt' : 'saved';
      if (rebuilt) note = 'The saved corpus was made by another version of the page and has been rebuilt from its bulletins.';
      keptSource = saved.manifest.source ?? saveAs;
      const changed = hosted && keptSource.kind === 'hosted' && keptSource.manifestHash !== hosted.hash;
      if (changed && hosted && source.kind === 'hosted') {
        if (Array.isArray(hosted.manifest.files)) {
          const have = new Set((await deps.store()).listBulletins().map((b) => b.name));
          const r = await deps.afterLoad(deps.loader.loadSamples(source.url, have));
          note = `The site's corpus has been updated: ${r.done} new bulletin(s) added.`;
          keptSource = saveAs;
        } else if (localBulletins(await deps.store()) === 0) {
          await loadHosted(source.url, hosted.manifest);
          origin = 'hosted';
          note = 'The site\'s corpus has been updated and reloaded.';
          keptSource = saveAs;
        } else {
          hostedUpdate = true;
          note = 'The site\'s corpus has been updated. Your copy holds files you added, so it was kept.';
        }
      }
    } else if (source.kind === 'hosted') {
      if (!hosted) throw new Error(hostedError ?? 'the corpus could not be opened');
      await loadHosted(source.url, hosted.manifest);
      origin = 'hosted';
    } else if (source.samplesUrl) {
      await deps.afterLoad(deps.loader.loadSamples(source.samplesUrl));
      origin = 'samples';
    } else origin = 'empty';
    await keeper.arm({ origin, note, hostedUpdate }, { saved: origin === 'saved', source: keptSource });
    const stats = (await deps.store()).stats();
    deps.stats(stats);
    return { origin, stats, note };
  }

  async function storageInfo(): Promise<StorageInfo> {
    const store = await deps.store();
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    const persisted = await (navigator.storage as StorageManager & { persisted?: () => Promise<boolean> })?.persisted?.().catch(() => null);
    return {
      corpusBytes: corpusByteSize(store.db),
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
      persisted: persisted ?? null,
      localBulletins: localBulletins(store),
      bulletins: store.stats().bulletins,
    };
  }

  async function handle(req: KeepRequest): Promise<unknown> {
    switch (req.type) {
      case 'open-corpus':
        return open(req.source, req.force === true);
      case 'keep-state':
        return keeper.state;
      case 'storage-info':
        return storageInfo();
      case 'remove-bulletin': {
        const removed = await deps.loader.serial(async () => removeBulletin(await deps.store(), req.bulletinId));
        if (!removed) throw new Error(`there is no bulletin ${req.bulletinId} in the corpus`);
        await deps.afterLoad(deps.replaced());
        const stats = (await deps.store()).stats();
        deps.stats(stats);
        return stats;
      }
      case 'export-results':
        return exportResults(await deps.store(), await deps.searcher(), req);
      case 'export-corpus':
        return exportCorpus(await deps.store(), await deps.sql(), (job) => deps.loader.serial(job));
      case 'import-corpus': {
        const bytes = new Uint8Array(await req.file.arrayBuffer());
        keeper.disarm();
        let rebuilt: boolean;
        try {
          ({ rebuilt } = await replaceWith(bytes));
        } catch (e) {
          keeper.rearm(); // a refused file changed nothing: the corpus goes on being kept as it was
          throw e;
        }
        const origin: CorpusOrigin = rebuilt ? 'rebuilt' : 'imported';
        const note = rebuilt ? `${req.name} was made by another version of Baoxun: its bulletins were parsed again.` : null;
        await keeper.arm({ origin, note, hostedUpdate: false }, { saved: false, source: { kind: 'local' } });
        await keeper.saveNow();
        const stats = (await deps.store()).stats();
        deps.stats(stats);
        return { origin, stats, note } satisfies OpenedCorpus;
      }
      case 'keep-test-hooks':
        // Only a test build (vite build --mode e2e) lets a page stall or slow its saves.
        if (import.meta.env.MODE !== 'e2e') throw new Error('test hooks exist only in a test build (vite build --mode e2e)');
        keeper.setHooks(req.hooks);
        return null;
    }
  }

  return { handle, touch: () => keeper.touch(), keeper };
}

/** Bulletins the user loaded (files, zips, pastes), as against the samples or the site's corpus. */
function localBulletins(store: CorpusStore): number {
  return Number(store.db.exec("SELECT count(*) FROM bulletins WHERE source <> 'sample'")[0]?.values[0]?.[0] ?? 0);
}
