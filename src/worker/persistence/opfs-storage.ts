// The saved corpus in the Origin Private File System (navigator.storage.getDirectory()), one
// folder per corpus: slot-a.sqlite, slot-b.sqlite, manifest-a.json, manifest-b.json (the A/B
// scheme of src/core/persist/slots.ts). Slots are written in place through a synchronous access
// handle (dedicated workers only), piece by piece and flushed; the scheme, not the file system,
// makes a save that stops midway harmless.
import type { SlotName, SlotStorage } from '../../core/persist/slots';

/** The synchronous access handle of a dedicated worker (not in the page's TypeScript libs). */
interface SyncHandle {
  write(buffer: Uint8Array, opts: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle?: () => Promise<SyncHandle> };

/** The folder all saved corpora live under. */
const ROOT = 'baoxun-corpora';

/** Pieces a slot is written in: at least 16 per save (so progress means something), at most 4 MB. */
function pieceSize(total: number): number {
  return Math.min(4 << 20, Math.max(64 << 10, Math.ceil(total / 16)));
}

async function writeWhole(handle: FileSystemFileHandle, bytes: Uint8Array, progress?: (n: number) => Promise<void>): Promise<void> {
  const file = handle as SyncFileHandle;
  const piece = pieceSize(bytes.length);
  if (typeof file.createSyncAccessHandle === 'function') {
    const h = await file.createSyncAccessHandle();
    try {
      h.truncate(0);
      for (let at = 0; at < bytes.length; at += piece) {
        const part = bytes.subarray(at, Math.min(bytes.length, at + piece));
        if (h.write(part, { at }) !== part.length) throw new Error('the browser wrote fewer bytes than asked');
        h.flush();
        await progress?.(at + part.length);
      }
      h.truncate(bytes.length);
      h.flush();
    } finally {
      h.close();
    }
    return;
  }
  // Browsers without sync handles in workers: a writable stream, which the browser swaps in
  // atomically when it closes.
  const w = await handle.createWritable();
  try {
    for (let at = 0; at < bytes.length; at += piece) {
      const part = bytes.slice(at, Math.min(bytes.length, at + piece));
      await w.write({ type: 'write', position: at, data: part });
      await progress?.(at + part.length);
    }
    await w.close();
  } catch (e) {
    await w.abort().catch(() => undefined);
    throw e;
  }
}

/** One corpus's folder in the Origin Private File System. */
export class OpfsSlotStorage implements SlotStorage {
  readonly kind = 'opfs' as const;

  private constructor(private readonly dir: FileSystemDirectoryHandle) {}

  /** The storage of corpus `name`, or null when this browser has no usable OPFS. */
  static async open(name: string): Promise<OpfsSlotStorage | null> {
    try {
      if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
      const root = await navigator.storage.getDirectory();
      const all = await root.getDirectoryHandle(ROOT, { create: true });
      return new OpfsSlotStorage(await all.getDirectoryHandle(name, { create: true }));
    } catch {
      return null; // private windows of some browsers, disabled storage
    }
  }

  private async read(name: string): Promise<File | null> {
    try {
      return await (await this.dir.getFileHandle(name)).getFile();
    } catch {
      return null;
    }
  }

  async readManifest(which: SlotName): Promise<string | null> {
    return (await (await this.read(`manifest-${which}.json`))?.text()) ?? null;
  }

  async writeManifest(which: SlotName, text: string): Promise<void> {
    await writeWhole(await this.dir.getFileHandle(`manifest-${which}.json`, { create: true }), new TextEncoder().encode(text));
  }

  async writeSlot(slot: SlotName, bytes: Uint8Array, progress?: (written: number) => Promise<void>): Promise<void> {
    await writeWhole(await this.dir.getFileHandle(`slot-${slot}.sqlite`, { create: true }), bytes, progress);
  }

  async readSlot(slot: SlotName): Promise<Uint8Array | null> {
    const f = await this.read(`slot-${slot}.sqlite`);
    return f ? new Uint8Array(await f.arrayBuffer()) : null;
  }

  async clear(): Promise<void> {
    for (const name of ['manifest-a.json', 'manifest-b.json', 'slot-a.sqlite', 'slot-b.sqlite']) {
      await this.dir.removeEntry(name).catch(() => undefined);
    }
  }
}
