// Reading .zip archives of bulletins with fflate. The archive's own directory is read first, so
// that every entry can be listed (and the unpacked size bounded) before anything is inflated.
import { unzipSync } from 'fflate';
import { isBulletinName } from '../decode';
import { problem } from './ingest-file';
import type { Problem } from './types';
import { centralCrcs, crc32 } from './zip-crc';

/** The largest bulletin the page reads, loose or inside an archive: a 50 MB bulletin already
 *  peaks near 2 GB in the tab (text, parse, index, the saved copy), and sql.js stops at 2 GB. */
export const MAX_BULLETIN_BYTES = 64 * 1024 * 1024;

/** A size against a limit, for the `file-too-large` detail: "200 MB > 64 MB". */
export function overLimit(size: number, limit: number = MAX_BULLETIN_BYTES): string {
  const mb = (n: number) => (n / 2 ** 20 < 100 ? String(Math.round((n / 2 ** 20) * 10) / 10) : String(Math.round(n / 2 ** 20)));
  // Just over the limit, megabytes would read "64 MB > 64 MB": say bytes then.
  return mb(size) === mb(limit) ? `${size} bytes > ${limit} bytes` : `${mb(size)} MB > ${mb(limit)} MB`;
}

/** Limits on what one archive may unpack to, so a zip bomb cannot exhaust memory. */
export interface ZipLimits {
  /** Total unpacked bytes of the bulletins taken from one archive. */
  maxTotalBytes: number;
  /** Unpacked bytes of one entry (default MAX_BULLETIN_BYTES); a larger one is never inflated. */
  maxEntryBytes?: number;
}

/** The default: 500 MB of bulletins per archive, each at most MAX_BULLETIN_BYTES. */
export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 500 * 1024 * 1024, maxEntryBytes: MAX_BULLETIN_BYTES };

/** One bulletin inside an archive. */
export interface ZipEntry {
  /** The path inside the archive, decoded (GBK names without the UTF-8 flag are recovered). */
  path: string;
  /** The name as fflate reports it, used to find the entry again. */
  rawName: string;
  /** Unpacked size as the archive declares it; inflating never writes more than this. */
  size: number;
  /** The CRC-32 the archive stores for it; undefined when its directory was not walked. */
  crc?: number;
}

/** Why an entry's bytes were not taken: they fail their checksum, or do not inflate. */
export class ZipEntryDamage extends Error {
  constructor(readonly reason: 'crc' | 'inflate', message: string) {
    super(message);
  }
}

/** An archive's bulletins, its skipped entries, or why it could not be opened. */
export interface ZipListing {
  entries: ZipEntry[];
  skipped: Array<{ path: string; problem: Problem }>;
  error: Problem | null;
}

/** True for a file name ending in .zip. */
export function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

/** Zips made on Chinese Windows store GBK names without the UTF-8 flag; fflate reads those as
 *  Latin-1. Turn such a name back into bytes and decode it as UTF-8, else as GB18030. */
export function recoverEntryName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  for (const label of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding; try the next
    }
  }
  return name;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isMetadata(path: string): boolean {
  return /(^|\/)__MACOSX\//.test(path) || /(^|\/)\._[^/]*$/.test(path) || /(^|\/)\.DS_Store$/.test(path);
}

/** List an archive's entries: bulletins to load (within the limits) and skipped entries. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipListing {
  const found: Array<{ name: string; size: number; crc?: number }> = [];
  const crcs = centralCrcs(bytes);
  try {
    unzipSync(bytes, {
      filter: (f) => {
        found.push({ name: f.name, size: f.originalSize, crc: crcs?.[found.length] });
        return false;
      },
    });
  } catch (e) {
    return { entries: [], skipped: [], error: problem('zip-invalid', errorText(e)) };
  }
  const listing: ZipListing = { entries: [], skipped: [], error: null };
  const limitText = `${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`;
  let total = 0;
  for (const f of found) {
    if (f.name.endsWith('/')) continue; // a folder entry
    const path = recoverEntryName(f.name);
    const skip = (p: Problem) => listing.skipped.push({ path, problem: p });
    if (isMetadata(path)) skip(problem('zip-metadata'));
    else if (isZipName(path)) skip(problem('zip-nested'));
    else if (!isBulletinName(path)) skip(problem('not-bulletin'));
    else if (f.size > (limits.maxEntryBytes ?? MAX_BULLETIN_BYTES)) skip(problem('file-too-large', overLimit(f.size, limits.maxEntryBytes)));
    else if (total + f.size > limits.maxTotalBytes) skip(problem('zip-too-large', limitText));
    else {
      total += f.size;
      listing.entries.push({ path, rawName: f.name, size: f.size, ...(f.crc === undefined ? {} : { crc: f.crc }) });
    }
  }
  return listing;
}

/** Group entries so each group is inflated in one pass over the archive (bounded in bytes). */
export function zipBatches(entries: ZipEntry[], maxBytes = 32 * 1024 * 1024, maxCount = 256): ZipEntry[][] {
  const batches: ZipEntry[][] = [];
  let cur: ZipEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    if (cur.length && (bytes + e.size > maxBytes || cur.length >= maxCount)) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(e);
    bytes += e.size;
  }
  if (cur.length) batches.push(cur);
  return batches;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** An entry's inflated bytes if they match the checksum the archive stores for them. */
function checked(e: ZipEntry, data: Uint8Array | undefined): Uint8Array | Error {
  if (!data) return new ZipEntryDamage('inflate', 'entry not found');
  if (e.crc === undefined) return data;
  const got = crc32(data);
  return got === e.crc ? data : new ZipEntryDamage('crc', `CRC-32 ${hex(got)} ≠ ${hex(e.crc)}`);
}

/** Inflate some entries. Returns each entry's bytes, or the error that entry raised (a
 *  ZipEntryDamage: it does not inflate, or its bytes fail the archive's checksum). */
export function extractZipEntries(bytes: Uint8Array, entries: ZipEntry[]): Map<string, Uint8Array | Error> {
  const wanted = new Set(entries.map((e) => e.rawName));
  const out = new Map<string, Uint8Array | Error>();
  try {
    const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
    for (const e of entries) out.set(e.rawName, checked(e, files[e.rawName]));
  } catch {
    // One damaged entry spoils the batch: inflate one by one to pin the error on it.
    for (const e of entries) {
      try {
        const one = unzipSync(bytes, { filter: (f) => f.name === e.rawName });
        out.set(e.rawName, checked(e, one[e.rawName]));
      } catch (err) {
        out.set(e.rawName, new ZipEntryDamage('inflate', err instanceof Error ? err.message : String(err)));
      }
    }
  }
  return out;
}
