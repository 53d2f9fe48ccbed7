// Saving the corpus so that a save can never lose the corpus saved before it. The database
// bytes go to one of two slots (A and B), always the one the current manifest does NOT point at;
// only when that slot is completely written is a new manifest written, and manifests alternate
// between two files too, each numbered. Loading takes the highest-numbered manifest whose slot
// has exactly the size and SHA-256 it records. A tab closed, a worker killed or a browser crashed
// at any point of a save leaves the previous manifest and its slot untouched.
import { sha256Hex } from '../hash';

/** One of the two places the database bytes are written to. */
export type SlotName = 'a' | 'b';

/** What a saved corpus came from, so the page knows whether a link to it works for others. */
export interface SavedSource {
  /** local: files the user loaded (and the built-in samples); hosted: a corpus served with the site. */
  kind: 'local' | 'hosted';
  /** The hosted corpus's manifest URL. */
  url?: string;
  /** SHA-256 of the hosted manifest's text when it was loaded (it changes when the host updates it). */
  manifestHash?: string;
}

/** The small record that says which slot holds the complete corpus. */
export interface SavedManifest {
  format: 'baoxun-saved-corpus';
  /** Rises by one with every save. */
  seq: number;
  slot: SlotName;
  size: number;
  sha256: string;
  schemaVersion: number;
  savedAt: string;
  source: SavedSource | null;
}

/** A place that keeps the two slots and the two manifest files of one corpus. */
export interface SlotStorage {
  readonly kind: 'opfs' | 'indexeddb' | 'memory';
  /** The text of manifest file `which`, or null when there is none. */
  readManifest(which: SlotName): Promise<string | null>;
  writeManifest(which: SlotName, text: string): Promise<void>;
  /**
   * Write a slot completely (replacing what it held), calling `progress` with the bytes written
   * so far between pieces. Resolves once the bytes are durable as far as the storage can tell.
   */
  writeSlot(slot: SlotName, bytes: Uint8Array, progress?: (written: number) => Promise<void>): Promise<void>;
  readSlot(slot: SlotName): Promise<Uint8Array | null>;
  /** Remove both manifests (first) and both slots. */
  clear(): Promise<void>;
}

const other = (s: SlotName): SlotName => (s === 'a' ? 'b' : 'a');

/** A manifest file's text read as a manifest; null when it is missing, torn or not one. */
export function parseManifest(text: string | null): SavedManifest | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text) as Partial<SavedManifest>;
    const ok = m.format === 'baoxun-saved-corpus' && Number.isInteger(m.seq) && (m.slot === 'a' || m.slot === 'b')
      && Number.isInteger(m.size) && typeof m.sha256 === 'string' && /^[0-9a-f]{64}$/.test(m.sha256)
      && Number.isInteger(m.schemaVersion) && typeof m.savedAt === 'string';
    return ok ? (m as SavedManifest) : null;
  } catch {
    return null;
  }
}

/** Both manifests that parse, the highest-numbered first. */
export async function readManifests(storage: SlotStorage): Promise<Array<{ file: SlotName; manifest: SavedManifest }>> {
  const found: Array<{ file: SlotName; manifest: SavedManifest }> = [];
  for (const file of ['a', 'b'] as const) {
    const manifest = parseManifest(await storage.readManifest(file).catch(() => null));
    if (manifest) found.push({ file, manifest });
  }
  return found.sort((x, y) => y.manifest.seq - x.manifest.seq);
}

/** A saved corpus as loaded: its bytes and the manifest that vouched for them. */
export interface LoadedCorpus {
  bytes: Uint8Array;
  manifest: SavedManifest;
  /** Manifests passed over because their slot did not match them (a save that never finished). */
  skipped: number;
}

/** The newest complete saved corpus, or null when nothing complete is saved. */
export async function loadFromSlots(storage: SlotStorage): Promise<LoadedCorpus | null> {
  let skipped = 0;
  for (const { manifest } of await readManifests(storage)) {
    const bytes = await storage.readSlot(manifest.slot).catch(() => null);
    if (bytes && bytes.length === manifest.size && (await sha256Hex(bytes)) === manifest.sha256) {
      return { bytes, manifest, skipped };
    }
    skipped++;
  }
  return null;
}

/** What a save is told besides the bytes. */
export interface SaveInfo {
  schemaVersion: number;
  source: SavedSource | null;
  /** ISO time; now when absent. */
  savedAt?: string;
  /** Called between pieces of the slot write (the page's test hook stalls a save here). */
  progress?: (written: number) => Promise<void>;
}

/**
 * Save bytes: into the slot the newest manifest does not use, then a new manifest into the
 * manifest file the newest one is not in. Returns the manifest written.
 */
export async function saveToSlots(storage: SlotStorage, bytes: Uint8Array, info: SaveInfo): Promise<SavedManifest> {
  const [newest] = await readManifests(storage);
  const slot: SlotName = newest ? other(newest.manifest.slot) : 'a';
  const sha256 = await sha256Hex(bytes);
  await storage.writeSlot(slot, bytes, info.progress);
  const manifest: SavedManifest = {
    format: 'baoxun-saved-corpus',
    seq: (newest?.manifest.seq ?? 0) + 1,
    slot,
    size: bytes.length,
    sha256,
    schemaVersion: info.schemaVersion,
    savedAt: info.savedAt ?? new Date().toISOString(),
    source: info.source,
  };
  await storage.writeManifest(newest ? other(newest.file) : 'a', JSON.stringify(manifest));
  return manifest;
}

/** A SlotStorage in memory: for tests, and when the browser offers no storage at all. */
export class MemorySlotStorage implements SlotStorage {
  readonly kind = 'memory' as const;
  readonly files = new Map<string, Uint8Array | string>();

  async readManifest(which: SlotName): Promise<string | null> {
    const v = this.files.get(`manifest-${which}.json`);
    return typeof v === 'string' ? v : null;
  }

  async writeManifest(which: SlotName, text: string): Promise<void> {
    this.files.set(`manifest-${which}.json`, text);
  }

  async writeSlot(slot: SlotName, bytes: Uint8Array, progress?: (written: number) => Promise<void>): Promise<void> {
    // Written in pieces into the slot itself, as a file system would: a save that stops midway
    // leaves a torn slot behind, which is what the A/B scheme has to survive.
    const name = `slot-${slot}.sqlite`;
    const piece = Math.max(1, Math.ceil(bytes.length / 4));
    this.files.set(name, new Uint8Array(0));
    for (let at = 0; at < bytes.length; at += piece) {
      this.files.set(name, bytes.slice(0, Math.min(bytes.length, at + piece)));
      await progress?.(Math.min(bytes.length, at + piece));
    }
  }

  async readSlot(slot: SlotName): Promise<Uint8Array | null> {
    const v = this.files.get(`slot-${slot}.sqlite`);
    return v instanceof Uint8Array ? v.slice() : null;
  }

  async clear(): Promise<void> {
    this.files.clear();
  }
}
