// The saved corpus in IndexedDB, for browsers whose workers have no Origin Private File System:
// the same four files of the A/B scheme (src/core/persist/slots.ts) as records of one object
// store, keyed "<corpus>/<file>". Each write is one transaction, so a record is either the old
// value or the new one, never a mix.
import type { SlotName, SlotStorage } from '../../core/persist/slots';

const DB_NAME = 'baoxun-corpora';
const STORE = 'files';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** One corpus's records in IndexedDB. */
export class IdbSlotStorage implements SlotStorage {
  readonly kind = 'indexeddb' as const;

  private constructor(private readonly db: IDBDatabase, private readonly name: string) {}

  /** The storage of corpus `name`, or null when IndexedDB is unavailable. */
  static async open(name: string): Promise<IdbSlotStorage | null> {
    try {
      if (typeof indexedDB === 'undefined') return null;
      return new IdbSlotStorage(await openDb(), name);
    } catch {
      return null;
    }
  }

  private async get(file: string): Promise<unknown> {
    return request(this.db.transaction(STORE, 'readonly').objectStore(STORE).get(`${this.name}/${file}`));
  }

  private put(file: string, value: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE).put(value, `${this.name}/${file}`);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted (storage full?)'));
    });
  }

  async readManifest(which: SlotName): Promise<string | null> {
    const v = await this.get(`manifest-${which}.json`);
    return typeof v === 'string' ? v : null;
  }

  writeManifest(which: SlotName, text: string): Promise<void> {
    return this.put(`manifest-${which}.json`, text);
  }

  async writeSlot(slot: SlotName, bytes: Uint8Array, progress?: (written: number) => Promise<void>): Promise<void> {
    // One record, one transaction: there is no half-written slot in IndexedDB, but the hook
    // still gets its moment before the write commits.
    await progress?.(Math.floor(bytes.length / 2));
    await this.put(`slot-${slot}.sqlite`, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    await progress?.(bytes.length);
  }

  async readSlot(slot: SlotName): Promise<Uint8Array | null> {
    const v = await this.get(`slot-${slot}.sqlite`);
    return v instanceof Blob ? new Uint8Array(await v.arrayBuffer()) : null;
  }

  async clear(): Promise<void> {
    for (const f of ['manifest-a.json', 'manifest-b.json', 'slot-a.sqlite', 'slot-b.sqlite']) {
      await new Promise<void>((resolve, reject) => {
        const tx = this.db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).delete(`${this.name}/${f}`);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB delete failed'));
      });
    }
  }
}
