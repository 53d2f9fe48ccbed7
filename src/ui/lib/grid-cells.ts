// How result cells look in the SQL console's grid: short, on one line, NULL and blobs named.
import type { SqlCell } from '../../core/console/types';

/** Characters of a cell shown in the grid (the cell panel shows the whole value). */
export const CELL_PREVIEW = 160;

/** A cell's text on one line, cut at CELL_PREVIEW characters. */
export function cellText(v: SqlCell): string {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Uint8Array) return `BLOB (${v.length} bytes)`;
  const s = String(v);
  const cut = s.length > CELL_PREVIEW ? `${s.slice(0, CELL_PREVIEW)}…` : s;
  return cut.replace(/\s*\n\s*/g, ' ⏎ ');
}

/** A cell's whole value, as the cell panel shows it. */
export function cellFull(v: SqlCell): string {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Uint8Array) return `BLOB (${v.length} bytes)`;
  return String(v);
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The width a column needs, in px, from its name and the first rows (CJK counts double). */
export function columnWidth(name: string, sample: SqlCell[]): number {
  let longest = 0;
  for (const text of [name, ...sample.map(cellText)]) {
    let w = 0;
    for (const ch of text.slice(0, 40)) w += WIDE.test(ch) ? 15 : 8;
    longest = Math.max(longest, w);
  }
  return Math.min(360, Math.max(64, longest + 24));
}
