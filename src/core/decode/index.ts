// Bytes to text: BOM sniffing, UTF-8 validation, GB18030/GBK detection, binary rejection and
// line-end normalisation. Real users hold GBK files and never say so, so nothing here asks.
import type { DecodedText, Encoding } from '../types';

/** File names the app treats as bulletins. */
export const BULLETIN_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'];

/** True when a file name has a bulletin extension (.txt, .md …), case-insensitively. */
export function isBulletinName(name: string): boolean {
  const lower = name.toLowerCase();
  return BULLETIN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Magic numbers of common binary files that users drop by mistake, for a specific message. */
const MAGIC: Array<[number[], string, string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image', 'png'],
  [[0xff, 0xd8, 0xff], 'a JPEG image', 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image', 'gif'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document', 'pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)', 'zip'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)', 'elf'],
  [[0x4d, 0x5a], 'an executable (Windows)', 'exe'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document', 'ole'],
  [[0x1f, 0x8b], 'a gzip archive', 'gzip'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Normalise CRLF and CR line ends to LF. */
export function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function fail(error: string, reason: string): DecodedText {
  return { text: '', encoding: null, error, reason, bom: false };
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-8 cut off inside its last character (a truncated download, a file split by size): the text
 * before the cut, when everything before it is valid UTF-8; otherwise null. Without this, one
 * missing byte at the end made a whole bulletin unreadable.
 */
function utf8CutShort(bytes: Uint8Array): string | null {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0) return null;
  const b = bytes[lead];
  const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  if (length === 1 || bytes.length - lead >= length) return null; // the tail is not a cut character
  return tryDecode('utf-8', bytes.subarray(0, lead));
}

/** Share of characters that are control characters other than tab/newline/CR/form feed. */
function controlShare(text: string): number {
  if (!text.length) return 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/**
 * Decode a file's bytes. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they say;
 * bytes that are not valid UTF-8 are tried as GB18030 (a superset of GBK and GB2312). Binary
 * files get an error naming what they look like. Never throws.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', error: null, bom: false };
  let encoding: Encoding;
  let text: string | null;
  let bom = false;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    bom = true;
    encoding = 'utf-8';
    text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    bom = true;
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    for (const [sig, what, kind] of MAGIC) {
      if (startsWith(bytes, sig)) return fail(`not a text file: it looks like ${what}`, `binary:${kind}`);
    }
    const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
    if (probe.includes(0)) return fail('not a text file: it contains NUL bytes (binary data)', 'nul-bytes');
    text = tryDecode('utf-8', bytes) ?? utf8CutShort(bytes);
    encoding = 'utf-8';
    if (text === null) {
      text = tryDecode('gb18030', bytes);
      encoding = 'gb18030';
    }
    if (text === null) {
      return fail('not readable as text: the bytes are neither valid UTF-8 nor GB18030/GBK', 'not-utf8-gbk');
    }
  }
  if (controlShare(text) > 0.05) {
    return fail(`not a text file: too many control characters for ${encoding} text (binary data?)`, `control-chars:${encoding}`);
  }
  return { text: normaliseLineEnds(text), encoding, error: null, bom };
}
