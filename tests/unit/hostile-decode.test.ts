// Hostile bytes at the core: UTF-8 cut inside its last character still reads, real garbage does
// not; archives are bounded (an entry declaring more than a bulletin may hold is never inflated,
// an entry lying about its size never unpacks past what it declared, archives inside archives and
// damaged archives are named as such) and the other entries load.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/decode';
import { extractZipEntries, listZip, MAX_BULLETIN_BYTES, overLimit } from '../../src/core/ingest';

const enc = new TextEncoder();
const text = '## 红旗区召开会议\n\n本报讯 6月8日，红旗区召开防汛会议。（红旗宣）\n';

describe('decoding hostile bytes', () => {
  it('reads UTF-8 cut inside its last character, without the broken character', () => {
    const bytes = enc.encode(text);
    for (const cut of [1, 2, 3]) {
      // The text ends with '）\n' (3 + 1 bytes): without the newline and 1, 2 or 3 bytes of '）'.
      const r = decodeBytes(bytes.slice(0, bytes.length - 1 - cut));
      if (r.error) throw new Error(`cut ${cut}: ${r.error}`);
      expect(r.encoding).toBe('utf-8');
      expect(text.startsWith(r.text)).toBe(true);
      expect(r.text.length).toBeGreaterThan(text.length - 4);
    }
  });

  it('still refuses bytes that are neither UTF-8 nor GB18030, wherever they are', () => {
    const body = enc.encode(text);
    for (const bad of [new Uint8Array([...body.slice(0, 10), 0xff, ...body.slice(10)]), new Uint8Array([...body, 0xff, 0xff])]) {
      expect(decodeBytes(bad).error).toMatch(/neither valid UTF-8 nor GB18030/);
    }
  });
});

/** Set an entry's declared unpacked size in both headers of a one-entry archive. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true); // local header
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory
  }
  return out;
}

describe('hostile archives', () => {
  it('skips an entry declaring more than a bulletin may hold, names the limit and never inflates it', () => {
    const bomb = new Uint8Array(MAX_BULLETIN_BYTES + 1); // zeros: a few KB once deflated
    const zip = zipSync({ 'bomb.txt': bomb, 'good.txt': strToU8(text) }, { level: 1 });
    expect(zip.length).toBeLessThan(1024 * 1024);
    const listing = listZip(zip);
    expect(listing.entries.map((e) => e.path)).toEqual(['good.txt']);
    expect(listing.skipped).toEqual([{ path: 'bomb.txt', problem: expect.objectContaining({ code: 'file-too-large', detail: overLimit(MAX_BULLETIN_BYTES + 1) }) }]);
    expect(overLimit(MAX_BULLETIN_BYTES + 1)).toBe('67108865 bytes > 67108864 bytes');
    expect(overLimit(200 * 1024 * 1024)).toBe('200 MB > 64 MB');
  });

  it('never unpacks an entry past the size it declares, however much its data holds', () => {
    const zip = declareSize(zipSync({ 'liar.txt': new Uint8Array(32 * 1024 * 1024).fill(0x41) }), 1000);
    const listing = listZip(zip);
    expect(listing.entries).toEqual([{ path: 'liar.txt', rawName: 'liar.txt', size: 1000, crc: expect.any(Number) }]);
    // Cut at the size it declares, the entry fails the checksum of its whole data: it is named.
    const checked = extractZipEntries(zip, listing.entries).get('liar.txt');
    expect(checked).toBeInstanceOf(Error);
    expect((checked as Error).message).toMatch(/^CRC-32 [0-9a-f]{8} ≠ [0-9a-f]{8}$/);
    // Unchecked, it still never unpacks past the declared size.
    const out = extractZipEntries(zip, [{ ...listing.entries[0], crc: undefined }]).get('liar.txt');
    if (!(out instanceof Uint8Array)) throw new Error(`not inflated: ${String(out)}`);
    expect(out.length).toBe(1000);
  });

  it('names nested archives and damaged archives, and keeps the other entries', () => {
    const inner = zipSync({ 'inner.txt': strToU8(text) });
    const listing = listZip(zipSync({ 'a.txt': strToU8(text), 'more.zip': inner }));
    expect(listing.entries.map((e) => e.path)).toEqual(['a.txt']);
    expect(listing.skipped.map((s) => [s.path, s.problem.code])).toEqual([['more.zip', 'zip-nested']]);
    const whole = zipSync({ 'a.txt': strToU8(text) });
    expect(listZip(whole.slice(0, whole.length - 30)).error?.code).toBe('zip-invalid');
    expect(listZip(enc.encode('PK\u0003\u0004 not really a zip')).error?.code).toBe('zip-invalid');
  });
});
