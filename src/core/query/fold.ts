/// <reference path="./opencc-dict.d.ts" />
// Folding makes variant spellings of the same text compare equal, for search only (the page
// always shows the original): traditional characters become simplified (學習 → 学习, with
// OpenCC's character table), full-width Latin letters and digits become ASCII, and Latin letters
// become lower case.
//
// The fold is character by character and keeps every string's UTF-16 length, so an offset in
// folded text is the same offset in the original: hits found in folded text are highlighted in
// the original without any mapping. That is why OpenCC's character table is used and not its
// phrase converter: a phrase rule could change lengths, and would fold a query typed without
// its context differently from the same words inside an article. Pairs that would change the
// length (a few rare characters outside the Basic Multilingual Plane) are left unfolded.
import tsCharacters from 'opencc-js/dict/TSCharacters';

let table: Uint16Array | null = null;

/** Every BMP code unit's folded code unit (65,536 entries, 128 KB), built once on first use. */
function foldTable(): Uint16Array {
  if (table) return table;
  const pairs = new Map<string, string>();
  for (const entry of tsCharacters.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from.length === 1 && to.length === 1 && from !== to) pairs.set(from, to);
  }
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < t.length; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32; // A-Z → a-z
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = t[c - 0xfee0]; // full-width ASCII → ASCII
  t[0x3000] = 0x20; // ideographic space
  for (const [from, first] of pairs) {
    // Follow chains (A→B, B→C) to the end, so folding twice changes nothing.
    let to = first;
    for (let hops = 0; pairs.has(to) && hops < 4; hops++) to = pairs.get(to)!;
    if (to !== from) t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  table = t;
  return t;
}

const CHUNK = 8192;

/** `text` folded for comparison: simplified, half-width, lower case; same length as `text`. */
export function foldText(text: string): string {
  const t = foldTable();
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (t[c] !== c) {
      first = i;
      break;
    }
  }
  if (first < 0) return text; // the common case: nothing to fold, no copy
  const units = new Uint16Array(text.length - first);
  for (let i = first; i < text.length; i++) units[i - first] = t[text.charCodeAt(i)];
  const out: string[] = [text.slice(0, first)];
  for (let at = 0; at < units.length; at += CHUNK) {
    out.push(String.fromCharCode.apply(null, units.subarray(at, at + CHUNK) as unknown as number[]));
  }
  return out.join('');
}

/** True when folding changes nothing (the text is already simplified, half-width, lower case). */
export function isFolded(text: string): boolean {
  return foldText(text) === text;
}
