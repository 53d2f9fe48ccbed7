// Level 1: identical files. Two files are the same bulletin when their bytes are equal (SHA-256),
// or when their decoded text is equal after whitespace is normalised: a GBK copy of a UTF-8
// file, a copy with CRLF line ends or re-wrapped lines is the same bulletin, loaded once.
import { fmix32 } from './hash';

/** Every kind of whitespace, including the ideographic space, NBSP, BOM and zero-width space. */
const WHITESPACE = /[\s\u00a0\u200b\u3000\ufeff]+/g;

/**
 * The identity of a bulletin's decoded text: equal for texts that differ only in whitespace
 * (line ends, wrapping, indentation, a BOM). Two 32-bit hashes plus the length: 64 bits of hash,
 * so an accidental collision among a million files has odds of about 1 in 36 million.
 */
export function fileIdentity(text: string): string {
  // One pass, no copy: the same value as hashString over text.replace(WHITESPACE, '') twice
  // (the loop of hash.ts inlined for both seeds), at a fraction of the cost on a large file.
  const skip = whitespaceUnits();
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (skip[c] === 1) continue;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
    length++;
  }
  const h1 = fmix32(a).toString(16).padStart(8, '0');
  const h2 = fmix32(b).toString(16).padStart(8, '0');
  return `${length.toString(36)}-${h1}${h2}`;
}

let whitespace: Uint8Array | null = null;

/** 1 for each UTF-16 unit WHITESPACE matches (all of them are in the BMP), built once. */
function whitespaceUnits(): Uint8Array {
  if (whitespace) return whitespace;
  const table = new Uint8Array(0x10000);
  const one = new RegExp(`^${WHITESPACE.source}$`);
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  whitespace = table;
  return table;
}

/** SHA-256 of a file's bytes, as lower-case hex (Web Crypto: browsers, workers and Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Our bytes never live in a SharedArrayBuffer; the DOM typings (worker zone) insist on saying so.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** What level 1 knows of a file: its name, the hash of its bytes, the identity of its text. */
export interface FileFingerprint {
  name: string;
  /** SHA-256 of the bytes; files with equal bytes are duplicates even if undecodable. */
  sha256: string;
  /** fileIdentity() of the decoded text, or null when the file could not be decoded. */
  identity: string | null;
}

/**
 * Group files that are the same bulletin. Each group has two or more names, in input order: the
 * first is the copy that is loaded, the rest are its duplicates. Files in no group are unique.
 */
export function duplicateFileGroups(files: FileFingerprint[]): string[][] {
  const groupOf = new Map<string, number[]>(); // key -> indices
  const parent = files.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  files.forEach((f, i) => {
    for (const key of [`b:${f.sha256}`, f.identity === null ? null : `t:${f.identity}`]) {
      if (key === null) continue;
      const seen = groupOf.get(key);
      if (seen) {
        const [ra, rb] = [find(seen[0]), find(i)];
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        seen.push(i);
      } else groupOf.set(key, [i]);
    }
  });
  const groups = new Map<number, string[]>();
  files.forEach((f, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(f.name);
    groups.set(r, g);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
