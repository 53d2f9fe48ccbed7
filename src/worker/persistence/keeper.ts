// Keeps the worker's corpus saved: picks the storage (OPFS, else IndexedDB, else none), saves a
// while after the corpus last changed (the database's change counter tells), one save at a time
// and never in the middle of a load, and reports what it is doing. A corpus with no bulletin left
// (after "clear") is not saved: its saved copy is removed, so the next visit starts afresh.
import { loadFromSlots, saveToSlots, type LoadedCorpus, type SavedSource, type SlotStorage } from '../../core/persist/slots';
import { MemorySlotStorage } from '../../core/persist/slots';
import { sha256Hex } from '../../core/hash';
import { SCHEMA_VERSION, type CorpusStore } from '../../core/store';
import { corpusRevision } from '../../core/store/snapshot';
import type { KeepBackend, KeepState, KeepTestHooks } from '../keep-protocol';
import { IdbSlotStorage } from './idb-storage';
import { OpfsSlotStorage } from './opfs-storage';

/** What the keeper needs from the worker around it. */
export interface KeeperDeps {
  store: () => Promise<CorpusStore>;
  /** Runs a job in the loading queue (so a save never reads the database mid-load). */
  serial: <T>(job: () => Promise<T>) => Promise<T>;
  post: (state: KeepState) => void;
}

/** Milliseconds after the last change before a save starts. */
const SAVE_DELAY_MS = 800;
/** How often the keeper looks for changes made outside requests (background passes). */
const WATCH_MS = 3000;

/** The name of a corpus's storage: `local`, or `hosted-<hash of its manifest URL>`. */
export async function storageName(source: SavedSource): Promise<string> {
  if (source.kind === 'local' || !source.url) return 'local';
  return `hosted-${(await sha256Hex(new TextEncoder().encode(source.url))).slice(0, 16)}`;
}

async function openStorage(name: string, wanted: KeepBackend | undefined): Promise<SlotStorage> {
  if (wanted === 'memory') return new MemorySlotStorage();
  if (wanted !== 'indexeddb') {
    const opfs = await OpfsSlotStorage.open(name);
    if (opfs) return opfs;
  }
  return (await IdbSlotStorage.open(name)) ?? new MemorySlotStorage();
}

/** Holds the worker's saved copy of the corpus. */
export class Keeper {
  private storage: SlotStorage | null = null;
  private source: SavedSource | null = null;
  /** False until a corpus has been opened: the empty store of a starting page is never saved. */
  private armed = false;
  private savedRevision = -1;
  private hasSaved = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private hooks: KeepTestHooks = {};
  private readonly watch: ReturnType<typeof setInterval>;
  state: KeepState = {
    backend: null, phase: 'off', savedAt: null, savedBytes: null, error: null, origin: null, source: null,
    note: null, hostedUpdate: false,
  };

  constructor(private readonly deps: KeeperDeps) {
    this.watch = setInterval(() => this.touch(), WATCH_MS);
  }

  private set(patch: Partial<KeepState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.post(this.state);
  }

  setHooks(hooks: KeepTestHooks): void {
    this.hooks = { ...hooks };
  }

  /** The storage the corpus `source` is kept in (chosen once per source). */
  async use(source: SavedSource): Promise<SlotStorage> {
    const name = await storageName(source);
    this.storage = await openStorage(name, this.hooks.backend);
    this.source = source;
    this.set({ backend: this.storage.kind, source });
    return this.storage;
  }

  /** The newest complete saved copy, or null. */
  async load(): Promise<LoadedCorpus | null> {
    if (!this.storage) throw new Error('no storage chosen');
    const loaded = await loadFromSlots(this.storage).catch(() => null);
    if (loaded) {
      this.hasSaved = true;
      this.set({ savedAt: loaded.manifest.savedAt, savedBytes: loaded.manifest.size });
    }
    return loaded;
  }

  /** A corpus is open: from now on changes are saved. `saved` says the store equals the saved copy. */
  async arm(patch: Partial<KeepState>, opts: { saved: boolean; source?: SavedSource }): Promise<void> {
    if (opts.source) this.source = opts.source;
    this.armed = true;
    this.savedRevision = opts.saved ? corpusRevision(await this.deps.store()) : -1;
    this.set({ ...patch, source: this.source, phase: opts.saved ? 'saved' : 'pending' });
    this.touch();
  }

  /** Look whether the corpus changed since the last save; if so, save a little later. */
  touch(): void {
    if (!this.armed || this.running || this.state.phase === 'stalled') return;
    void this.deps.store().then((store) => {
      if (corpusRevision(store) === this.savedRevision) return;
      if (this.timer) clearTimeout(this.timer);
      if (this.state.phase !== 'pending') this.set({ phase: 'pending' });
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.saveNow();
      }, this.hooks.saveDelayMs ?? SAVE_DELAY_MS);
    }, () => undefined);
  }

  /** Save now (after what is queued); resolves when the save has ended, well or not. */
  saveNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.save().finally(() => {
      this.running = null;
      this.touch(); // changes made while saving
    });
    return this.running;
  }

  private async save(): Promise<void> {
    const storage = this.storage;
    if (!storage || !this.armed) return;
    const store = await this.deps.store();
    // The bytes and their revision are read together in the queue: nothing writes in between.
    const snap = await this.deps.serial(async () => {
      const revision = corpusRevision(store);
      const stats = store.stats();
      const bulletins = stats.bulletins + stats.failed;
      return { revision, bulletins, bytes: bulletins === 0 ? null : store.db.export() };
    });
    if (snap.revision === this.savedRevision) return;
    if (!snap.bytes) {
      // An empty corpus is not kept: the next visit opens the samples (or the site's corpus).
      await storage.clear().catch(() => undefined);
      this.hasSaved = false;
      this.savedRevision = snap.revision;
      this.set({ phase: 'idle', savedAt: null, savedBytes: null, error: null });
      return;
    }
    const bytes = snap.bytes;
    this.set({ phase: 'saving', error: null });
    const stallAt = snap.bulletins > (this.hooks.stallAboveBulletins ?? -1) ? this.hooks.stallSaveAt : undefined;
    const progress = stallAt === undefined ? undefined : async (written: number) => {
      if (written >= bytes.length * stallAt && written < bytes.length) {
        this.set({ phase: 'stalled' });
        await new Promise<never>(() => undefined); // the test kills the worker here
      }
    };
    try {
      const write = () => saveToSlots(storage, bytes, { schemaVersion: SCHEMA_VERSION, source: this.source, progress });
      // Two tabs of the page must not write the same slots at once.
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      const manifest = locks ? await locks.request(`baoxun-save-${storage.kind}`, write) : await write();
      this.savedRevision = snap.revision;
      this.hasSaved = true;
      this.set({ phase: 'saved', savedAt: manifest.savedAt, savedBytes: manifest.size, error: null });
    } catch (e) {
      const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
      this.set({
        phase: 'error',
        error: quota ? 'the browser has no room left for this site (the saved copy from before is kept)'
          : `the corpus could not be saved: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  /** Whether a complete copy is saved. */
  get saved(): boolean {
    return this.hasSaved;
  }

  /** Stop saving until a corpus is opened again (a new corpus is about to replace this one). */
  disarm(): void {
    this.armed = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Save again after a disarm that came to nothing (a refused import): what was saved still is. */
  rearm(): void {
    if (this.state.phase === 'off') return;
    this.armed = true;
    this.touch();
  }

  /** Stop watching (tests). */
  dispose(): void {
    clearInterval(this.watch);
    this.disarm();
  }
}
