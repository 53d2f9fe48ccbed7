// A note of what the page is loading, kept in localStorage, so that the next page can say what a
// dead tab was doing. A worker that runs out of JavaScript heap takes Chromium's whole renderer
// down with it, so worker-supervisor.ts never hears of it; the next visit finds the note of a tab
// that is no longer alive and names its files. A page left on purpose (closed, reloaded) removes
// its note first, so a note found means the tab died. A tab is alive while it holds its Web Lock;
// without the Web Locks API nothing is reported.
import type { FileProgress } from '../../worker/protocol';
import type { CrashNotice } from './worker-supervisor';

/** The parts of localStorage the journal uses. */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page events the journal listens to (window's). */
export interface PageEvents {
  addEventListener(type: 'pagehide' | 'pageshow', listener: () => void): void;
}

/** The parts of navigator.locks the journal uses. */
export interface JournalLocks {
  request(name: string, callback: () => unknown): Promise<unknown>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

/** What a tab wrote down: the files it was loading, the first few waiting, and how many waited. */
interface Entry {
  loading: string[];
  waiting: string[];
  waitingCount: number;
  at: string;
}

/** How often the note follows the file list while files load (ms). */
const FOLLOW_MS = 500;

/** How many waiting files a note names (a 10,000-file drop must not fill localStorage). */
const NAMED_WAITING = 20;

/** localStorage, or null where reading it throws (storage blocked by the browser's settings). */
export function safeLocalStorage(): JournalStorage | null {
  try {
    return (globalThis as { localStorage?: JournalStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

const PREFIX = 'baoxun.loading.';
const LOCK_PREFIX = 'baoxun-tab-';

/** Said of a tab that stopped while loading (the detail line of the banner). */
export const TAB_STOPPED = 'an earlier page of this site stopped while loading files (the tab crashed, perhaps out of memory)';

/** The journal of one tab. */
export class CrashJournal {
  private readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private written = '';

  constructor(
    private readonly storage: JournalStorage | null,
    private readonly locks: JournalLocks | null,
  ) {}

  /** Hold this tab's lock, and collect (and remove) the notes of tabs that are gone. */
  async open(): Promise<CrashNotice | null> {
    if (!this.storage || !this.locks) return null;
    void this.locks.request(LOCK_PREFIX + this.tab, () => new Promise<never>(() => {}));
    let held: Set<string>;
    try {
      held = new Set(((await this.locks.query()).held ?? []).map((l) => l.name ?? ''));
    } catch {
      return null;
    }
    const names: string[] = [];
    let waiting = 0;
    for (const key of this.keys()) {
      const tab = key.slice(PREFIX.length);
      if (tab === this.tab || held.has(LOCK_PREFIX + tab)) continue; // a living tab's note
      try {
        const entry = JSON.parse(this.storage.getItem(key) ?? '') as Entry;
        names.push(...[...entry.loading, ...entry.waiting].filter((n) => typeof n === 'string'));
        waiting += Number(entry.waitingCount) || 0;
      } catch {
        // a note cut short: nothing to say about it
      }
      this.storage.removeItem(key);
    }
    if (!names.length) return null;
    const detail = waiting ? `${TAB_STOPPED}; ${waiting} file(s) were waiting` : TAB_STOPPED;
    return { state: 'previous', detail, interrupted: names, lost: [] };
  }

  /** Write down the files loading now (or remove the note when nothing is). */
  record(files: readonly FileProgress[]): void {
    if (!this.storage) return;
    const loading = files.filter((f) => f.state === 'loading').map((f) => f.name);
    const queued = files.filter((f) => f.state === 'queued');
    const waiting = queued.slice(0, NAMED_WAITING).map((f) => f.name);
    const key = PREFIX + this.tab;
    const next = loading.length || waiting.length ? JSON.stringify({ loading, waiting, waitingCount: queued.length }) : '';
    if (next === this.written) return;
    this.written = next;
    try {
      if (next) this.storage.setItem(key, JSON.stringify({ loading, waiting, waitingCount: queued.length, at: new Date().toISOString() }));
      else this.storage.removeItem(key);
    } catch {
      // storage full or blocked: the note is a courtesy, loading goes on
    }
  }

  /** Keep the note in step with a client's file list while it loads, for the page's lifetime.
   *  `inStep` runs a function again whenever the reactive state it reads changes (a Svelte
   *  effect: keep-in-step.svelte.ts); only the client's status is read that way, and the list is
   *  read twice a second while loading, outside any effect: reading 10,000 rows reactively on
   *  every progress event cost the page seconds. A page left on purpose (closed, reloaded)
   *  takes its note with it: only a tab that dies leaves one behind. */
  follow(client: { readonly files: FileProgress[]; readonly status: string }, inStep: (run: () => void) => void, win: PageEvents | null): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tick = () => {
      timer = null;
      this.record(client.files);
      if (client.status === 'loading' || client.status === 'starting') timer = setTimeout(tick, FOLLOW_MS);
    };
    inStep(() => {
      void client.status; // loading began or ended: look at the list now
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(tick, 0);
    });
    win?.addEventListener('pagehide', () => this.forget());
    // Back from the back/forward cache: write the note again if loading goes on.
    win?.addEventListener('pageshow', () => this.record(client.files));
  }

  /** Remove this tab's note. */
  forget(): void {
    this.written = '';
    try {
      this.storage?.removeItem(PREFIX + this.tab);
    } catch {
      // blocked storage: there was no note either
    }
  }

  private keys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < (this.storage?.length ?? 0); i++) {
      const key = this.storage?.key(i);
      if (key?.startsWith(PREFIX)) out.push(key);
    }
    return out;
  }
}
