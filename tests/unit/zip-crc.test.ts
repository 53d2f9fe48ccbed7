// Zip entries are checked against the CRC-32 their archive stores: an entry with one byte
// flipped (stored, so it still unpacks) fails by name with a clear message, and the archive's
// other entries load. fflate itself does not check the checksum.
import { crc32 as zlibCrc } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusStore } from '../../src/core/store';
import { characterSegmenter } from '../../src/core/segment';
import { extractZipEntries, ingestArchive, listZip, type IngestResult } from '../../src/core/ingest';
import { centralCrcs, crc32 } from '../../src/core/ingest/zip-crc';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = (await initSqlJs()) as unknown as SqlJsStatic;
});

const bulletin = (place: string) => `## ${place}召开防汛会议\n\n本报讯 6月8日，${place}召开防汛工作会议，部署河道清淤和堤坝巡查。\n\n（${place}宣）\n`;

/** Flip one byte in the middle of the named entry's data (the archive stores it uncompressed). */
function flipByteOf(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const nameLength = view.getUint16(at + 26, true);
    const data = at + 30 + nameLength + view.getUint16(at + 28, true);
    const size = view.getUint32(at + 18, true);
    if (new TextDecoder().decode(out.subarray(at + 30, at + 30 + nameLength)) === name) {
      out[data + (size >> 1)] ^= 0x01;
      return out;
    }
    at = data + size;
  }
  throw new Error(`no entry ${name}`);
}

describe('zip entry checksums', () => {
  it('computes CRC-32 as zip does, and reads the stored ones from the directory', () => {
    const bytes = strToU8(bulletin('青石桥'));
    expect(crc32(bytes)).toBe(zlibCrc(bytes));
    expect(crc32(new Uint8Array())).toBe(0);
    const zip = zipSync({ 'a.txt': bytes, 'b.txt': strToU8('x') });
    expect(centralCrcs(zip)).toEqual([crc32(bytes), crc32(strToU8('x'))]);
    expect(centralCrcs(zip.slice(0, 40))).toBeNull();
  });

  it('a stored entry with one flipped byte fails by name with the checksum named; the others load', async () => {
    const good = zipSync({ 'a.txt': strToU8(bulletin('茶山坳')), 'b.txt': strToU8(bulletin('破庙村')), 'c.txt': strToU8(bulletin('竹溪湾')) }, { level: 0 });
    const bad = flipByteOf(good, 'b.txt');
    // fflate unpacks it without a word: the bytes differ from what was zipped.
    const listing = listZip(bad);
    const raw = extractZipEntries(bad, listing.entries);
    expect(raw.get('a.txt')).toBeInstanceOf(Uint8Array);
    expect(raw.get('b.txt')).toBeInstanceOf(Error);
    expect((raw.get('b.txt') as Error).message).toMatch(/^CRC-32 [0-9a-f]{8} ≠ [0-9a-f]{8}$/);

    const store = CorpusStore.create(SQL);
    const results: IngestResult[] = [];
    const total = await ingestArchive(store, characterSegmenter, { name: '六月.zip', bytes: bad }, {
      listed: () => {}, loading: () => {}, done: (r) => results.push(r),
    });
    expect(results.map((r) => [r.name, r.state])).toEqual([['六月.zip/a.txt', 'done'], ['六月.zip/b.txt', 'error'], ['六月.zip/c.txt', 'done']]);
    const problem = results[1].problem!;
    expect(problem.code).toBe('zip-entry-damaged');
    expect(problem.reason).toBe('crc');
    expect(problem.message).toMatch(/damaged inside its archive \(CRC-32 .*\); the other entries load/);
    expect(total.state).toBe('done');
    expect(store.listBulletins().map((b) => b.name)).toEqual(['六月.zip/a.txt', '六月.zip/c.txt']);
    expect(store.stats().articles).toBe(2);
  });

  it('an entry that does not inflate is named the same way, with its reason', async () => {
    const zip = zipSync({ 'a.txt': strToU8(bulletin('桐木岭')), 'b.txt': strToU8(bulletin('柿子沟')) });
    const out = zip.slice();
    const view = new DataView(out.buffer);
    out[30 + view.getUint16(26, true) + view.getUint16(28, true)] = 0xff; // reserved block type
    const store = CorpusStore.create(SQL);
    const results: IngestResult[] = [];
    await ingestArchive(store, characterSegmenter, { name: 'x.zip', bytes: out }, { listed: () => {}, loading: () => {}, done: (r) => results.push(r) });
    expect(results.map((r) => [r.state, r.problem?.code, r.problem?.reason])).toEqual([['error', 'zip-entry-damaged', 'inflate'], ['done', undefined, undefined]]);
  });
});
