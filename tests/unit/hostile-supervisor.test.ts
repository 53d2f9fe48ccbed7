// The worker supervisor and the crash journal over fakes: a worker that dies is replaced (its
// listeners carried over, its last words ignored), one that keeps dying stays down, a worker ended
// on purpose is not restarted; rows of a dead worker fail by name; a dead tab's note is reported
// once and a living tab's never.
import { describe, expect, it } from 'vitest';
import {
  markLostRows, settleRowsAfterCrash, WorkerSupervisor, WORKER_STOPPED,
  type ErrorLike, type LockWaiter, type MessageLike, type SupervisedPort, type WorkerCrash,
} from '../../src/ui/lib/worker-supervisor';
import { CrashJournal, type JournalLocks, type JournalStorage } from '../../src/ui/lib/crash-journal';
import type { FileProgress } from '../../src/worker/protocol';

/** A worker the test drives: it posts its lifeline, says things, errs and dies on demand. */
class FakeWorker implements SupervisedPort {
  sent: unknown[] = [];
  terminated = false;
  private message: Array<(e: MessageLike) => void> = [];
  private error: Array<(e: ErrorLike) => void> = [];
  constructor(readonly locks: FakeLocks, readonly lock: string) {}
  postMessage(m: unknown) { this.sent.push(m); }
  addEventListener(type: 'message' | 'error', fn: ((e: MessageLike) => void) | ((e: ErrorLike) => void)) {
    if (type === 'message') this.message.push(fn as (e: MessageLike) => void);
    else this.error.push(fn as (e: ErrorLike) => void);
  }
  terminate() { this.terminated = true; this.locks.release(this.lock); }
  say(data: unknown) { for (const l of this.message) l({ data } as MessageLike); }
  fail(message: string) { for (const l of this.error) l({ message } as ErrorLike); }
  /** Take the lifeline lock and announce it, as src/worker/lifeline.ts does. */
  live() { this.locks.hold(this.lock); this.say({ type: 'lifeline', lock: this.lock }); }
  die() { this.locks.release(this.lock); }
}

/** Web Locks reduced to what matters: a request waits until the lock's holder lets go. */
class FakeLocks implements LockWaiter {
  private held = new Set<string>();
  private waiting = new Map<string, Array<() => unknown>>();
  hold(name: string) { this.held.add(name); }
  release(name: string) {
    this.held.delete(name);
    const waiters = this.waiting.get(name) ?? [];
    this.waiting.delete(name);
    for (const w of waiters) w();
  }
  request(name: string, callback: () => unknown) {
    if (!this.held.has(name)) return Promise.resolve(callback());
    return new Promise((resolve) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), () => resolve(callback())]));
  }
}

function supervised(opts: { maxRestarts?: number; windowMs?: number } = {}) {
  const locks = new FakeLocks();
  const workers: FakeWorker[] = [];
  const crashes: WorkerCrash[] = [];
  let clock = 0;
  const sup = new WorkerSupervisor({
    spawn: () => {
      const w = new FakeWorker(locks, `lock-${workers.length}`);
      workers.push(w);
      return w;
    },
    locks,
    onCrash: (c) => crashes.push(c),
    now: () => clock,
    ...opts,
  });
  return { sup, workers, crashes, tick: (ms: number) => { clock += ms; } };
}

describe('WorkerSupervisor', () => {
  it('replaces a worker that dies, keeps the listeners and ignores the dead one', () => {
    const { sup, workers, crashes } = supervised();
    const heard: unknown[] = [];
    sup.addEventListener('message', (e) => heard.push(e.data));
    workers[0].live();
    workers[0].say({ type: 'progress' });
    expect(heard).toEqual([{ type: 'progress' }]); // the lifeline itself is not passed on
    workers[0].fail('Uncaught RangeError: Array buffer allocation failed');
    workers[0].die();
    expect(crashes).toEqual([{ detail: `${WORKER_STOPPED}: Uncaught RangeError: Array buffer allocation failed`, crashes: 1, restarted: true }]);
    expect(workers).toHaveLength(2);
    workers[0].say({ type: 'late' });
    workers[1].say({ type: 'fresh' });
    expect(heard).toEqual([{ type: 'progress' }, { type: 'fresh' }]);
    sup.postMessage({ id: 1 });
    expect(workers[1].sent).toEqual([{ id: 1 }]);
    expect(workers[0].sent).toEqual([]);
  });

  it('does not restart a worker ended on purpose, nor one not yet alive', () => {
    const { sup, workers, crashes } = supervised();
    workers[0].live();
    sup.terminate();
    expect(workers[0].terminated).toBe(true);
    expect(crashes).toEqual([]);
    expect(workers).toHaveLength(1);
  });

  it('gives up after too many deaths in a short time, but not after deaths far apart', () => {
    const spaced = supervised({ maxRestarts: 2, windowMs: 1000 });
    for (let i = 0; i < 5; i++) {
      spaced.workers[i].live();
      spaced.tick(2000);
      spaced.workers[i].die();
    }
    expect(spaced.crashes.map((c) => c.restarted)).toEqual([true, true, true, true, true]);

    const rapid = supervised({ maxRestarts: 2, windowMs: 1000 });
    for (let i = 0; i < 3; i++) {
      rapid.workers[i].live();
      rapid.tick(10);
      rapid.workers[i].die();
    }
    expect(rapid.crashes.map((c) => [c.crashes, c.restarted])).toEqual([[1, true], [2, true], [3, false]]);
    expect(rapid.workers).toHaveLength(3); // no fourth worker
  });
});

const row = (key: string, name: string, state: FileProgress['state'], extra: Partial<FileProgress> = {}): FileProgress => ({
  key, name, source: 'file', state, articles: state === 'done' ? 2 : 0, fragments: 0, encoding: null, problem: null, ...extra,
});

describe('file rows after a crash', () => {
  it('fail the rows still waiting or loading, and give every row a fresh key', () => {
    const rows = [
      row('f1', 'a.txt', 'done'), row('f2', 'b.zip', 'loading', { entries: 2 }),
      row('f3', 'b.zip/x.txt', 'loading', { parent: 'f2' }), row('f4', 'c.txt', 'queued'), row('f5', 'd.png', 'skipped'),
    ];
    const after = settleRowsAfterCrash(rows, 1, 'why');
    expect(after.map((r) => [r.key, r.state, r.problem?.code ?? null])).toEqual([
      ['f1~1', 'done', null], ['f2~1', 'error', 'worker-crashed'], ['f3~1', 'error', 'worker-crashed'],
      ['f4~1', 'error', 'worker-crashed'], ['f5~1', 'skipped', null],
    ]);
    expect(after[2].parent).toBe('f2~1');
    expect(after[1].problem?.detail).toBe('why');
  });

  it('fail the done rows whose bulletins the reopened corpus does not hold', () => {
    const rows = [row('f1', 'kept.txt', 'done'), row('f2', 'gone.txt', 'done'), row('f3', 'a.zip', 'done', { entries: 1 })];
    const { files, lost } = markLostRows(rows, new Set(['kept.txt']));
    expect(lost).toEqual(['gone.txt']);
    expect(files.map((f) => [f.state, f.problem?.code ?? null])).toEqual([['done', null], ['error', 'lost-in-crash'], ['done', null]]);
  });
});

/** localStorage over a Map. */
class MemoryStorage implements JournalStorage {
  map = new Map<string, string>();
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

/** Locks shared by the tabs of one browser: held until the tab holding them dies. */
class TabLocks implements JournalLocks {
  held = new Set<string>();
  request(name: string) { this.held.add(name); return new Promise<never>(() => {}); }
  async query() { return { held: [...this.held].map((name) => ({ name })) }; }
}

describe('CrashJournal', () => {
  it('names the files of a tab that died while loading, once; never those of a living tab', async () => {
    const storage = new MemoryStorage();
    const locks = new TabLocks();
    const dying = new CrashJournal(storage, locks);
    await dying.open();
    const living = new CrashJournal(storage, locks);
    await living.open();
    const queued = Array.from({ length: 30 }, (_, i) => row(`q${i}`, `q${i}.txt`, 'queued'));
    dying.record([row('f1', 'done.txt', 'done'), row('f2', 'big.txt', 'loading'), ...queued]);
    living.record([row('g1', 'other.txt', 'loading')]);
    expect(storage.length).toBe(2);

    // The dying tab's renderer goes: its lock is released with it.
    const dyingLock = [...locks.held][0];
    locks.held.delete(dyingLock);
    const next = new CrashJournal(storage, locks);
    const notice = await next.open();
    expect(notice?.state).toBe('previous');
    expect(notice?.interrupted[0]).toBe('big.txt');
    expect(notice?.interrupted).toHaveLength(21); // the loading file and the first 20 waiting
    expect(notice?.detail).toMatch(/30 file\(s\) were waiting/);
    expect(await new CrashJournal(storage, locks).open()).toBeNull(); // reported once
    expect(storage.length).toBe(1); // the living tab's note stays
  });

  it('removes its note when loading ends or the page is left on purpose', async () => {
    const storage = new MemoryStorage();
    const journal = new CrashJournal(storage, new TabLocks());
    journal.record([row('f1', 'a.txt', 'loading')]);
    expect(storage.length).toBe(1);
    journal.record([row('f1', 'a.txt', 'done')]);
    expect(storage.length).toBe(0);
    journal.record([row('f2', 'b.txt', 'queued')]);
    journal.forget();
    expect(storage.length).toBe(0);
    expect(await new CrashJournal(storage, null).open()).toBeNull(); // no Web Locks: no claims
  });
});
