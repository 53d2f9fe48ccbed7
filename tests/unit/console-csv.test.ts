// CSV export of console results: RFC 4180 quoting, CRLF records, a UTF-8 BOM for Excel, values
// exactly as stored.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv-reader';
import { BOM, csvChunks, csvField, toCsv } from '../../src/core/console';

describe('CSV export', () => {
  it('quotes fields holding a comma, a quote, CR or LF, and doubles the quotes', () => {
    expect(csvField('封丘县')).toBe('封丘县');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一段\n第二段')).toBe('"第一段\n第二段"');
    expect(csvField('x\ry')).toBe('"x\ry"');
    expect(csvField(' leading space ')).toBe(' leading space ');
  });

  it('writes NULL as an empty field, numbers as they are, blobs as X literals', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(new Uint8Array([0, 171, 255]))).toBe("X'00ABFF'");
  });

  it('starts with the UTF-8 BOM, has a header and ends every record with CRLF', () => {
    const text = toCsv(['标题', 'n'], [['防汛,会议', 1], [null, 2]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text).toBe(`${BOM}标题,n\r\n"防汛,会议",1\r\n,2\r\n`);
  });

  it('splits a large result into chunks that join to the same text', () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => [`第${i}行`, i]);
    const chunks = [...csvChunks(['a', 'b'], rows, 5000)];
    expect(chunks.length).toBe(4);
    expect(chunks.join('')).toBe(toCsv(['a', 'b'], rows));
  });

  it('reads back to the same cells for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 20 }), (rows) => {
        const back = readCsv(toCsv(['x', 'y'], rows).slice(1));
        expect(back).toEqual([['x', 'y'], ...rows]);
      }),
    );
  });
});
