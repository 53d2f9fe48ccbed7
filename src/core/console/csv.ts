// CSV export of a console result: RFC 4180 (fields with a comma, quote, CR or LF are quoted,
// quotes doubled, records end in CRLF), UTF-8 with a byte-order mark so that Excel opens Chinese
// text correctly instead of guessing a legacy code page. Values are written exactly as stored.
import type { SqlCell } from './types';

/** The UTF-8 byte-order mark, as the first character of the text. */
export const BOM = '\uFEFF';

/** A blob as SQLite writes a blob literal: X'0A0B'. */
function blobText(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0').toUpperCase();
  return `X'${hex}'`;
}

/** One field, quoted when it must be (NULL is an empty field). */
export function csvField(value: SqlCell): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Uint8Array ? blobText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line end. */
export function csvRecord(values: readonly SqlCell[]): string {
  return values.map(csvField).join(',');
}

/**
 * The CSV text in chunks (header first, then some thousand records per chunk), so a large result
 * becomes a Blob without one giant string. The first chunk starts with the BOM.
 */
export function* csvChunks(columns: readonly string[], rows: readonly SqlCell[][], rowsPerChunk = 5000): Generator<string> {
  yield `${BOM}${csvRecord(columns)}\r\n`;
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    let chunk = '';
    for (const row of rows.slice(i, i + rowsPerChunk)) chunk += `${csvRecord(row)}\r\n`;
    yield chunk;
  }
}

/** The whole CSV text, BOM included. */
export function toCsv(columns: readonly string[], rows: readonly SqlCell[][]): string {
  return [...csvChunks(columns, rows)].join('');
}
