// The A/B save scheme: whatever point a save is cut at (a piece of the slot written, the
// manifest half written), loading returns the last save that completed, byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadFromSlots, MemorySlotStorage, parseManifest, saveToSlots, type SlotName,
} from '../../src/core/persist/slots';

/** Thrown where a save is cut short (the worker killed, the tab closed). */
class Killed extends Error {}

/** A storage whose next save is cut at a chosen point. */
class KillableStorage extends MemorySlotStorage {
  /** Cut after this many slot pieces (0: before the first), or while writing the manifest. */
  cut: { at: 'piece'; after: number } | { at: 'manifest'; keep: number } | null = null;

  override async writeSlot(slot: SlotName, bytes: Uint8Array, progress?: (written: number) => Promise<void>): Promise<void> {
    let pieces = 0;
    const cut = this.cut;
    if (cut?.at === 'piece' && cut.after === 0) {
      this.files.set(`slot-${slot}.sqlite`, new Uint8Array(0));
      throw new Killed();
    }
    await super.writeSlot(slot, bytes, async (written) => {
      await progress?.(written);
      if (cut?.at === 'piece' && ++pieces >= cut.after && written < bytes.length) throw new Killed();
    });
  }

  override async writeManifest(which: SlotName, text: string): Promise<void> {
    const cut = this.cut;
    if (cut?.at === 'manifest') {
      // A torn manifest: only its first characters reached the disk.
      await super.writeManifest(which, text.slice(0, Math.floor(text.length * cut.keep) ));
      throw new Killed();
    }
    await super.writeManifest(which, text);
  }
}

const info = { schemaVersion: 4, source: { kind: 'local' as const } };

describe('saving into two slots', () => {
  it('loads nothing before the first save, then exactly what was saved last', async () => {
    const storage = new MemorySlotStorage();
    expect(await loadFromSlots(storage)).toBeNull();
    const one = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const two = new Uint8Array([9, 9, 9]);
    const m1 = await saveToSlots(storage, one, info);
    const m2 = await saveToSlots(storage, two, info);
    expect([m1.slot, m2.slot]).toEqual(['a', 'b']);
    expect(m2.seq).toBe(m1.seq + 1);
    const loaded = await loadFromSlots(storage);
    expect(loaded?.bytes).toEqual(two);
    expect(loaded?.manifest.source).toEqual({ kind: 'local' });
    await storage.clear();
    expect(await loadFromSlots(storage)).toBeNull();
  });

  it('never loses the previous save, wherever a save is cut (any sequence of saves and cuts)', async () => {
    const cutArb = fc.oneof(
      fc.constant(null),
      fc.record({ at: fc.constant('piece' as const), after: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ at: fc.constant('manifest' as const), keep: fc.double({ min: 0, max: 0.99, noNaN: true }) }),
    );
    const stepArb = fc.record({ bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }), cut: cutArb });
    await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
      const storage = new KillableStorage();
      let lastComplete: Uint8Array | null = null;
      for (const step of steps) {
        storage.cut = step.cut;
        try {
          await saveToSlots(storage, step.bytes, info);
          lastComplete = step.bytes;
        } catch (e) {
          if (!(e instanceof Killed)) throw e;
        }
        storage.cut = null;
        const loaded = await loadFromSlots(storage);
        if (lastComplete === null) expect(loaded).toBeNull();
        else expect(loaded?.bytes).toEqual(lastComplete);
      }
    }), { numRuns: 300 });
  });

  it('reads a torn or foreign manifest as no manifest', () => {
    expect(parseManifest(null)).toBeNull();
    expect(parseManifest('{"format":"baoxun-saved-corpus","seq":1,"slot":"a"')).toBeNull();
    expect(parseManifest('{"format":"other","seq":1}')).toBeNull();
    expect(parseManifest(JSON.stringify({
      format: 'baoxun-saved-corpus', seq: 3, slot: 'b', size: 10, sha256: 'a'.repeat(64), schemaVersion: 4, savedAt: 'x', source: null,
    }))?.seq).toBe(3);
  });
});
